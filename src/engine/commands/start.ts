// `docker start [-a] CONTAINER...`: a created or exited container runs again, detached (its
// output to its log), or with -a in the foreground of the client, as `docker run` does.
import { flagBool } from '../cli/parse';
import { prepareStart, markRunning } from '../runtime/lifecycle';
import { containerExited, startDetached } from '../runtime/supervisor';
import type { CommandContext } from './context';

export async function startCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  if (flagBool(cmd.flags, 'attach') || flagBool(cmd.flags, 'interactive')) {
    if (cmd.args.length > 1) {
      io.err('you cannot start and attach multiple containers at once\n');
      return 1;
    }
    return startAttached({ io, cmd, engine });
  }
  const failed: string[] = [];
  for (const name of cmd.args) {
    const found = engine.containers.find(name);
    if (!found.ok) {
      io.err(`Error response from daemon: ${found.error}\n`);
      failed.push(name);
      continue;
    }
    if (!found.record.State.Running) {
      const started = await startDetached(engine, found.record);
      if (!started.ok) {
        io.err(`Error response from daemon: ${started.message}\n`);
        failed.push(name);
        continue;
      }
    }
    io.out(name + '\n');
  }
  if (failed.length) io.err(`Error: failed to start containers: ${failed.join(', ')}\n`);
  return failed.length ? 1 : 0;
}

async function startAttached({ io, cmd, engine }: CommandContext): Promise<number> {
  const found = engine.containers.find(cmd.args[0]);
  if (!found.ok) {
    io.err(`Error response from daemon: ${found.error}\nError: failed to start containers: ${cmd.args[0]}\n`);
    return 1;
  }
  const record = found.record;
  if (record.State.Running) {
    io.err(`Error response from daemon: container ${record.Id} is already running: attaching to a running container (docker attach) is not available in Dockhand yet\n`);
    return 1;
  }
  const image = engine.images.find(record.Image);
  if (!image) {
    io.err(`Error response from daemon: No such image: ${record.Image}\n`);
    return 1;
  }
  let spec: string;
  try {
    spec = prepareStart(record, image);
  } catch (error) {
    io.err(`Error response from daemon: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const persist = !record.HostConfig.AutoRemove;
  markRunning(engine.containers, record, 0, persist);
  const status = await io.runContainer(spec, (pid) => markRunning(engine.containers, record, pid, persist));
  containerExited(engine, record, status);
  return status;
}
