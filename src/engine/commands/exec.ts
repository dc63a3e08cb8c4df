// `docker exec [-d] [-i] [-t] [-e] [-w] [-u] CONTAINER COMMAND...`: a new process in a running
// container's namespaces and cgroup (the launcher's `join` mode: setns, then fork into the pid
// namespace). In the foreground the client runs it, like `docker run`, so the student's
// terminal and the exit status are the command's; -d runs it beside the daemon.
import { flagBool, flagList, flagString } from '../cli/parse';
import * as kernel from '../kernel';
import { cgroupPath } from '../runtime/cgroups';
import { LAUNCHER, containerPid } from '../runtime/supervisor';
import { rootfsPath } from '../runtime/rootfs';
import { renderExecSpec, resolveUser } from '../runtime/spec';
import { containerDir } from '../store/container-store';
import type { CommandContext } from './context';
import { notATty } from './run';

export async function execCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const [name, ...args] = cmd.args;
  if (notATty(io, cmd)) return 1;
  const found = engine.containers.find(name);
  if (!found.ok) {
    io.err(`Error response from daemon: ${found.error}\n`);
    return 1;
  }
  const record = found.record;
  const pid = containerPid(record);
  if (!record.State.Running || pid <= 0) {
    io.err(`Error response from daemon: container ${record.Id} is not running\n`);
    return 1;
  }
  const rootfs = rootfsPath(record.Id);
  const user = resolveUser(
    flagString(cmd.flags, 'user') || record.Config.User,
    kernel.readText(`${rootfs}/etc/passwd`) ?? '', kernel.readText(`${rootfs}/etc/group`) ?? '',
  );
  if ('error' in user) {
    io.err(`Error response from daemon: ${user.error}\n`);
    return 126;
  }
  const env = new Map<string, string>();
  const put = (entry: string) => {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry);
  };
  record.Config.Env.forEach(put);
  if (flagBool(cmd.flags, 'tty')) put('TERM=xterm');
  flagList(cmd.flags, 'env').forEach(put);
  const spec = renderExecSpec({
    join: pid, cwd: flagString(cmd.flags, 'workdir') || record.Config.WorkingDir || '/', env: [...env.values()], args,
    uid: user.uid, gid: user.gid, cgroup: cgroupPath(record.Id),
    privileged: flagBool(cmd.flags, 'privileged') || record.HostConfig.Privileged,
    capAdd: record.HostConfig.CapAdd, capDrop: record.HostConfig.CapDrop,
    stdinNull: !flagBool(cmd.flags, 'interactive') || flagBool(cmd.flags, 'detach'),
    tty: flagBool(cmd.flags, 'tty') && !flagBool(cmd.flags, 'detach'),
  });
  const suffix = [...kernel.randomBytes(4)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const specPath = `${containerDir(record.Id)}/exec-${suffix}.spec`;
  kernel.writeText(specPath, spec);
  if (flagBool(cmd.flags, 'detach')) {
    const devnull = kernel.openFd('/dev/null', kernel.O.RDWR);
    try {
      const launcher = kernel.spawn([LAUNCHER, specPath], { stdin: devnull, stdout: devnull, stderr: devnull });
      kernel.watchChild(launcher, () => kernel.remove(specPath));
    } finally {
      kernel.closeFd(devnull);
    }
    return 0;
  }
  try {
    return await io.runContainer(specPath);
  } finally {
    kernel.remove(specPath);
  }
}
