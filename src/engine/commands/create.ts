// `docker create`: a container record and its ID, nothing running yet (docker start runs it).
import { createContainer, EngineError } from '../runtime/create';
import type { CommandContext } from './context';

export function createCommand({ io, cmd, engine }: CommandContext): number {
  const [imageRef, ...args] = cmd.args;
  try {
    const { record } = createContainer(engine.images, engine.containers, cmd.flags, cmd.changed, imageRef, args, { volumes: engine.volumes, cwd: io.request.cwd });
    io.out(record.Id + '\n');
    return 0;
  } catch (error) {
    io.err(`Error response from daemon: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof EngineError ? error.exitCode : 125;
  }
}
