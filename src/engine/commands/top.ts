// `docker top CONTAINER`: the processes in the container's cgroup, as `ps -ef` shows them
// (read from /proc, like the daemon's ps run filtered by the container's PIDs).
import { topTable, passwdName, type ProcInfo } from '../format/top';
import * as kernel from '../kernel';
import { cgroupPath } from '../runtime/cgroups';
import type { CommandContext } from './context';

export function topCommand({ io, cmd, engine }: CommandContext): number {
  const [name, ...psArgs] = cmd.args;
  const found = engine.containers.find(name);
  if (!found.ok) {
    io.err(`Error response from daemon: ${found.error}\n`);
    return 1;
  }
  const record = found.record;
  const pids = (kernel.readText(`${cgroupPath(record.Id)}/cgroup.procs`) ?? '').split('\n').filter(Boolean).map(Number);
  if (!record.State.Running || pids.length === 0) {
    io.err(`Error response from daemon: container ${record.Id} is not running\n`);
    return 1;
  }
  if (psArgs.length > 0) {
    io.err(`Error response from daemon: Dockhand's docker top shows ps -ef's columns only; ps options (${psArgs.join(' ')}) are not supported\n`);
    return 1;
  }
  const procs: ProcInfo[] = [];
  for (const pid of pids) {
    const stat = kernel.readText(`/proc/${pid}/stat`);
    if (!stat) continue;
    const uid = /^Uid:\s+(\d+)/m.exec(kernel.readText(`/proc/${pid}/status`) ?? '');
    procs.push({ pid, stat, uid: uid ? Number(uid[1]) : 0, cmdline: kernel.readText(`/proc/${pid}/cmdline`) ?? '' });
  }
  const btime = /^btime (\d+)/m.exec(kernel.readText('/proc/stat') ?? '');
  const passwd = kernel.readText('/etc/passwd') ?? '';
  io.out(topTable(procs, { now: Date.now() / 1000, bootTime: btime ? Number(btime[1]) : 0, hz: 100 }, (uid) => passwdName(passwd, uid)));
  return 0;
}
