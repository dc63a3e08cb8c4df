// `docker rm [-f] CONTAINER...` and `docker container prune`: a removed container leaves
// nothing behind — no mount, no cgroup, no directory under /var/lib/dockhand/containers.
import { flagBool } from '../cli/parse';
import { humanSize } from '../format/human';
import * as kernel from '../kernel';
import { finishContainer } from '../runtime/lifecycle';
import { removeContainer } from '../runtime/supervisor';
import { containerDir, type ContainerRecord } from '../store/container-store';
import { confirmPrune } from './confirm';
import type { CommandContext, Engine } from './context';

const SIGKILL = 9;

/** Whether the record says running and its process (if we know it) is still there. */
const running = (record: ContainerRecord) => record.State.Running && (record.State.Pid <= 0 || kernel.processAlive(record.State.Pid));

/** Kills a running container's process (SIGKILL, as Docker's rm -f) and waits for it to be gone; an error text when it cannot. */
async function kill(record: ContainerRecord): Promise<string | null> {
  const pid = record.State.Pid;
  if (pid <= 0) {
    return `cannot remove container "${record.Name}": Dockhand does not know the PID of this container (it runs in the foreground of another terminal): stop it there (Ctrl-C or exit), then remove it`;
  }
  const r = kernel.kill(pid, SIGKILL);
  if (r < 0 && kernel.processAlive(pid)) return `cannot remove container "${record.Name}": could not kill process ${pid} (errno ${-r})`;
  // the process goes at once; the code that waits for it then marks the record exited
  for (let i = 0; i < 40 && (record.State.Running || kernel.processAlive(pid)); i++) await kernel.sleep(50);
  if (kernel.processAlive(pid)) return `cannot remove container "${record.Name}": process ${pid} did not exit after SIGKILL`;
  return null;
}

/** `docker rm [-f] [-v]` of one container (also compose's): an error text, or null once it is gone. */
export async function removeOne(engine: Engine, name: string, force: boolean, volumes: boolean): Promise<string | null> {
  const found = engine.containers.find(name);
  if (!found.ok) return found.error;
  const record = found.record;
  if (running(record)) {
    if (!force) {
      return `cannot remove container "${record.Name}": container is running: stop the container before removing or force remove`;
    }
    const error = await kill(record);
    if (error) return error;
  }
  finishContainer(record);
  removeContainer(engine, record, volumes);
  return null;
}

export async function rmCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const force = flagBool(cmd.flags, 'force');
  const errors: string[] = [];
  for (const name of cmd.args) {
    const error = await removeOne(engine, name, force, flagBool(cmd.flags, 'volumes'));
    if (error === null) io.out(name + '\n');
    else if (force && error.startsWith('No such container')) io.err(`Error response from daemon: ${error}\n`);
    else errors.push(`Error response from daemon: ${error}`);
  }
  if (errors.length) io.err(errors.join('\n') + '\n');
  return errors.length ? 1 : 0;
}

/** `docker container prune`: every container that is not running (after asking, unless -f). */
export async function pruneCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  if (!flagBool(cmd.flags, 'force') && !(await confirmPrune(io, 'This will remove all stopped containers.', 'container prune'))) return 1;
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const record of engine.containers.list()) {
    if (running(record)) continue;
    reclaimed += kernel.treeSize(`${containerDir(record.Id)}/upper`);
    finishContainer(record);
    engine.containers.remove(record.Id);
    deleted.push(record.Id);
  }
  const list = deleted.length ? `Deleted Containers:\n${deleted.map((id) => id + '\n').join('')}\n` : '';
  io.out(`${list}Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}
