// The typed instructions, as parsed: words are kept as written (quotes and `$VAR` included)
// because their values depend on build args and the base image; evaluate.ts substitutes them.
import type { KeyValue } from './words';

/** RUN, CMD and ENTRYPOINT: `["echo","hi"]` (exec) or `echo hi` (shell, run by SHELL). */
export type Command = { form: 'exec'; argv: string[] } | { form: 'shell'; text: string };

export interface Healthcheck {
  /** `["NONE"]`, `["CMD", …argv]` or `["CMD-SHELL", text]`, as in the image config */
  test: string[];
  /** nanoseconds, as the image config stores them; 0 means Docker's default */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

interface Base {
  /** 1-based line the instruction starts on */
  line: number;
  /** the instruction as written, continuations joined: what `docker build` prints as a step */
  original: string;
}

export interface FromInstruction extends Base {
  kind: 'FROM';
  image: string;
  /** the stage name after AS, lower-cased as Docker does */
  name?: string;
  platform?: string;
}

export interface RunInstruction extends Base { kind: 'RUN'; command: Command }
export interface CmdInstruction extends Base { kind: 'CMD'; command: Command }
export interface EntrypointInstruction extends Base { kind: 'ENTRYPOINT'; command: Command }

export interface CopyInstruction extends Base {
  kind: 'COPY' | 'ADD';
  sources: string[];
  dest: string;
  /** COPY only: a stage name, a stage index or an image */
  from?: string;
  chown?: string;
  chmod?: string;
  /** --link: accepted, and the same as without it here */
  link: boolean;
}

export interface EnvInstruction extends Base { kind: 'ENV'; pairs: KeyValue[] }
export interface LabelInstruction extends Base { kind: 'LABEL'; pairs: KeyValue[] }

export interface ArgDeclaration {
  name: string;
  /** the default as written; undefined for `ARG NAME` */
  default?: string;
}
export interface ArgInstruction extends Base { kind: 'ARG'; args: ArgDeclaration[] }

export interface WorkdirInstruction extends Base { kind: 'WORKDIR'; path: string }
export interface ExposeInstruction extends Base { kind: 'EXPOSE'; ports: string[] }
export interface UserInstruction extends Base { kind: 'USER'; user: string }
export interface VolumeInstruction extends Base { kind: 'VOLUME'; paths: string[] }
export interface ShellInstruction extends Base { kind: 'SHELL'; argv: string[] }
export interface StopSignalInstruction extends Base { kind: 'STOPSIGNAL'; signal: string }
export interface HealthcheckInstruction extends Base { kind: 'HEALTHCHECK'; healthcheck: Healthcheck }
export interface MaintainerInstruction extends Base { kind: 'MAINTAINER'; name: string }

export type Instruction =
  | FromInstruction | RunInstruction | CmdInstruction | EntrypointInstruction | CopyInstruction
  | EnvInstruction | LabelInstruction | ArgInstruction | WorkdirInstruction | ExposeInstruction
  | UserInstruction | VolumeInstruction | ShellInstruction | StopSignalInstruction
  | HealthcheckInstruction | MaintainerInstruction;

/** A stage: its FROM and what follows up to the next FROM. */
export interface Stage {
  /** 0-based position, what `COPY --from=0` refers to */
  index: number;
  from: FromInstruction;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** the name errors start with: `Dockerfile`, or what `-f` named */
  filename: string;
  escape: '\\' | '`';
  syntax?: string;
  /** ARGs before the first FROM: usable in FROM lines only (and by `ARG NAME` inside a stage) */
  metaArgs: ArgInstruction[];
  stages: Stage[];
}

/** Every keyword the parser knows, for the "did you mean" hint. */
export const KEYWORDS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;
