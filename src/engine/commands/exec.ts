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
import { containerDir, type ContainerRecord } from '../store/container-store';
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
  const detach = flagBool(cmd.flags, 'detach');
  const spec = writeExecSpec(found.record, {
    user: flagString(cmd.flags, 'user'), workdir: flagString(cmd.flags, 'workdir'), env: flagList(cmd.flags, 'env'), args,
    privileged: flagBool(cmd.flags, 'privileged'), interactive: flagBool(cmd.flags, 'interactive') && !detach,
    tty: flagBool(cmd.flags, 'tty') && !detach,
  });
  if ('error' in spec) {
    io.err(`Error response from daemon: ${spec.error}\n`);
    return spec.exitCode;
  }
  if (detach) {
    execBeside(spec.path);
    return 0;
  }
  try {
    return await io.runContainer(spec.path);
  } finally {
    kernel.remove(spec.path);
  }
}

export interface ExecOptions {
  /** -u ('' : the container's user) and -w ('' : its working directory) */
  user: string; workdir: string;
  /** -e KEY=VALUE, over the container's environment */
  env: readonly string[];
  args: readonly string[];
  privileged: boolean; interactive: boolean; tty: boolean;
}

/** The launcher's spec for a new process in a running container, written beside it; its path, or the daemon's error. */
export function writeExecSpec(record: ContainerRecord, options: ExecOptions): { path: string } | { error: string; exitCode: number } {
  const pid = containerPid(record);
  if (!record.State.Running || pid <= 0) return { error: `container ${record.Id} is not running`, exitCode: 1 };
  const rootfs = rootfsPath(record.Id);
  const user = resolveUser(
    options.user || record.Config.User,
    kernel.readText(`${rootfs}/etc/passwd`) ?? '', kernel.readText(`${rootfs}/etc/group`) ?? '',
  );
  if ('error' in user) return { error: user.error, exitCode: 126 };
  const env = new Map<string, string>();
  const put = (entry: string) => {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry);
  };
  record.Config.Env.forEach(put);
  if (options.tty) put('TERM=xterm');
  options.env.forEach(put);
  const spec = renderExecSpec({
    join: pid, cwd: options.workdir || record.Config.WorkingDir || '/', env: [...env.values()], args: [...options.args],
    uid: user.uid, gid: user.gid, cgroup: cgroupPath(record.Id),
    privileged: options.privileged || record.HostConfig.Privileged,
    capAdd: record.HostConfig.CapAdd, capDrop: record.HostConfig.CapDrop,
    stdinNull: !options.interactive, tty: options.tty,
  });
  const suffix = [...kernel.randomBytes(4)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const path = `${containerDir(record.Id)}/exec-${suffix}.spec`;
  kernel.writeText(path, spec);
  return { path };
}

/**
 * Runs an exec spec beside the daemon, no client attached (exec -d, compose's health checks):
 * the launcher's pid, and its exit status (the process's) once it is done; the spec is removed then.
 */
export function execBeside(specPath: string): { pid: number; status: Promise<number> } {
  const devnull = kernel.openFd('/dev/null', kernel.O.RDWR);
  try {
    const pid = kernel.spawn([LAUNCHER, specPath], { stdin: devnull, stdout: devnull, stderr: devnull });
    const status = new Promise<number>((resolve) => kernel.watchChild(pid, (code) => {
      kernel.remove(specPath);
      resolve(code);
    }));
    return { pid, status };
  } finally {
    kernel.closeFd(devnull);
  }
}
