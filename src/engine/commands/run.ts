// `docker run`: create the container, then run it in the foreground in the client's own
// process (the student's terminal, job control, exit status), or detached (-d): the daemon
// starts it beside itself and prints its ID.
import { flagBool } from '../cli/parse';
import { createContainer, EngineError } from '../runtime/create';
import { markRunning, prepareStart } from '../runtime/lifecycle';
import { containerExited, removeContainer, startDetached } from '../runtime/supervisor';
import type { CommandContext } from './context';

export async function runCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const [imageRef, ...args] = cmd.args;
  if (notATty(io, cmd)) return 1;
  let created;
  try {
    created = createContainer(engine.images, engine.containers, cmd.flags, cmd.changed, imageRef, args, { volumes: engine.volumes, cwd: io.request.cwd });
  } catch (error) {
    return fail(io, error);
  }
  const { record, image } = created;
  if (flagBool(cmd.flags, 'detach')) {
    const started = await startDetached(engine, record);
    if (!started.ok) {
      // a start error (not a usage error): Docker prints no help line for it
      removeContainer(engine, record, true);
      io.err(`docker: Error response from daemon: ${started.message}\n`);
      return started.exitCode;
    }
    io.out(record.Id + '\n');
    return 0;
  }
  let spec: string;
  try {
    spec = prepareStart(record, image, { volumes: engine.volumes });
  } catch (error) {
    removeContainer(engine, record, true);
    return fail(io, error);
  }
  // A --rm container's record is deleted right after: keep its state changes in memory only.
  const persist = !record.HostConfig.AutoRemove;
  markRunning(engine.containers, record, 0, persist);
  const status = await io.runContainer(spec, (pid) => markRunning(engine.containers, record, pid, persist));
  containerExited(engine, record, status);
  return status;
}

/** -it relays the client's terminal: without one there is nothing to relay (Docker's check). */
export function notATty(io: CommandContext['io'], cmd: CommandContext['cmd']): boolean {
  const wanted = flagBool(cmd.flags, 'tty') && flagBool(cmd.flags, 'interactive') && !flagBool(cmd.flags, 'detach');
  if (!wanted || io.request.tty[0]) return false;
  io.err('the input device is not a TTY\n');
  return true;
}

function fail(io: CommandContext['io'], error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  io.err(`docker: Error response from daemon: ${message}\nRun 'docker run --help' for more information\n`);
  return error instanceof EngineError ? error.exitCode : 125;
}
