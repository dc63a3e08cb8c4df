// What a command handler gets: the client's terminal, the parsed command line, the stores.
import type { BuildEvent } from '../../protocol/engine';
import type { Parsed } from '../cli/parse';
import type { ClientIO } from '../daemon/client-io';
import type { ContainerStore } from '../store/container-store';
import type { ImageStore } from '../store/image-store';
import type { VolumeStore } from '../store/volume-store';

export type ParsedCommand = Extract<Parsed, { kind: 'command' }>;

export interface Engine {
  images: ImageStore;
  containers: ContainerStore;
  volumes: VolumeStore;
  /** an event for the web app (docker build's steps); dropped when no one listens */
  publish?: (event: BuildEvent) => void;
}

export interface CommandContext {
  io: ClientIO;
  cmd: ParsedCommand;
  engine: Engine;
}

/** A handler returns the exit status (or a promise of it, for commands that wait). */
export type Handler = (ctx: CommandContext) => number | Promise<number>;
