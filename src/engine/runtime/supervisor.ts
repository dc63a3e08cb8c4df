// Containers that run while no client waits for them (docker run -d, docker start): the daemon
// starts the launcher itself, learns the host pid of the container's PID 1, reaps the launcher
// when the container exits (its status is the container's), cleans up, applies --rm and the
// restart policy. Foreground containers (run in the client) report their exit here too, so
// `docker stop`, `docker wait`-like waits and restarts see every container the same way.
import * as kernel from '../kernel';
import type { ContainerRecord, ContainerStore } from '../store/container-store';
import type { ImageStore } from '../store/image-store';
import { EngineError } from './create';
import { parseLauncherReport } from './launcher-report';
import { removeAnonymousVolumes } from './volumes';
import type { VolumeStore } from '../store/volume-store';
import { parseSignal } from './signals';
import { finishContainer, logPath, markExited, markRunning, pidFilePath, prepareStart } from './lifecycle';

export const LAUNCHER = '/usr/sbin/dockhand-run';

export interface Stores { images: ImageStore; containers: ContainerStore; volumes?: VolumeStore }

/** Containers stopped by docker stop/kill: their restart policy does not bring them back. */
const stoppedByUser = new Set<string>();
/** Who waits for which container to exit. */
const exitWaiters = new Map<string, Array<() => void>>();
/** Restarts scheduled by the restart policy (cancelled by docker stop/rm). */
const pendingRestarts = new Map<string, unknown>();

/** The host pid of a running container's PID 1 (from the record, else from its pid file). */
export function containerPid(record: ContainerRecord): number {
  if (!record.State.Running) return 0;
  if (record.State.Pid > 0) return record.State.Pid;
  const text = kernel.readText(pidFilePath(record.Id));
  return text ? Number(text.trim()) || 0 : 0;
}

/** Resolves true once the container is not running, false if `ms` passed first (ms < 0: no limit). */
export function waitForExit(record: ContainerRecord, ms: number): Promise<boolean> {
  if (!record.State.Running) return Promise.resolve(true);
  return new Promise((resolve) => {
    let timer: unknown = null;
    const done = () => {
      if (timer !== null) kernel.cancel(timer);
      resolve(true);
    };
    const list = exitWaiters.get(record.Id) ?? [];
    list.push(done);
    exitWaiters.set(record.Id, list);
    if (ms >= 0) {
      timer = kernel.after(ms, () => {
        const waiting = exitWaiters.get(record.Id);
        if (waiting) waiting.splice(waiting.indexOf(done), 1);
        resolve(false);
      });
    }
  });
}

function notifyExit(id: string): void {
  const waiting = exitWaiters.get(id);
  exitWaiters.delete(id);
  for (const done of waiting ?? []) done();
}

const known = (stores: Stores, record: ContainerRecord) => {
  const found = stores.containers.find(record.Id);
  return found.ok && found.record === record;
};

/** Forgets the container and deletes its directory; with `volumes` (docker rm -v, --rm) its anonymous volumes too. */
export function removeContainer(stores: Stores, record: ContainerRecord, volumes: boolean): void {
  stores.containers.remove(record.Id);
  if (volumes && stores.volumes) removeAnonymousVolumes(record, stores.volumes, stores.containers);
}

/** A container's PID 1 has exited with `code`: record it, clean up, --rm, restart policy. */
export function containerExited(stores: Stores, record: ContainerRecord, code: number): void {
  const exists = known(stores, record);
  if (exists) markExited(stores.containers, record, code, !record.HostConfig.AutoRemove);
  else record.State = { ...record.State, Status: 'exited', Running: false, Pid: 0, ExitCode: code, FinishedAt: new Date().toISOString() };
  finishContainer(record);
  const restart = exists && !record.HostConfig.AutoRemove && shouldRestart(record, code);
  if (!restart) stoppedByUser.delete(record.Id);
  if (exists && record.HostConfig.AutoRemove) removeContainer(stores, record, true);
  notifyExit(record.Id);
  if (restart) scheduleRestart(stores, record);
}

function shouldRestart(record: ContainerRecord, code: number): boolean {
  if (stoppedByUser.has(record.Id)) return false;
  const policy = record.HostConfig.RestartPolicy;
  if (!policy || policy.Name === 'no') return false;
  if (policy.Name === 'on-failure') {
    return code !== 0 && (policy.MaximumRetryCount <= 0 || (record.RestartCount ?? 0) < policy.MaximumRetryCount);
  }
  return true; // always, unless-stopped
}

/** Docker's back-off: 100 ms, doubling, at most 10 s between restarts. */
function scheduleRestart(stores: Stores, record: ContainerRecord): void {
  const count = record.RestartCount ?? 0;
  record.State = { ...record.State, Status: 'restarting' };
  stores.containers.save(record);
  const delay = Math.min(100 * 2 ** count, 10_000);
  pendingRestarts.set(record.Id, kernel.after(delay, () => {
    pendingRestarts.delete(record.Id);
    if (!known(stores, record) || stoppedByUser.has(record.Id)) return;
    record.RestartCount = count + 1;
    startDetached(stores, record).then((result) => {
      if (!result.ok) {
        record.State = { ...record.State, Status: 'exited' };
        stores.containers.save(record);
      }
    }, () => {});
  }));
}

export type StartResult = { ok: true; pid: number } | { ok: false; message: string; exitCode: number };

/**
 * Starts a created or exited container in the background: the launcher runs beside the daemon,
 * its output goes to the container's log. Resolves once the command has been exec'd (or failed:
 * then nothing is left mounted, and the record keeps its state before the start).
 */
export async function startDetached(stores: Stores, record: ContainerRecord): Promise<StartResult> {
  const image = stores.images.find(record.Image);
  if (!image) return { ok: false, message: `No such image: ${record.Image}`, exitCode: 125 };
  const cancelled = pendingRestarts.get(record.Id);
  if (cancelled !== undefined) {
    kernel.cancel(cancelled);
    pendingRestarts.delete(record.Id);
  }
  let spec: string;
  try {
    spec = prepareStart(record, image, { detached: true, volumes: stores.volumes });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), exitCode: error instanceof EngineError ? error.exitCode : 125 };
  }
  let launcher: number;
  let report: Promise<string>;
  try {
    const devnull = kernel.openFd('/dev/null', kernel.O.RDWR);
    const [readEnd, writeEnd] = kernel.makePipe();
    try {
      launcher = kernel.spawn([LAUNCHER, spec], { stdin: devnull, stdout: writeEnd, stderr: writeEnd });
    } finally {
      kernel.closeFd(writeEnd);
      kernel.closeFd(devnull);
    }
    report = kernel.readUntilEof(readEnd);
  } catch (error) {
    finishContainer(record);
    return { ok: false, message: error instanceof Error ? error.message : String(error), exitCode: 125 };
  }
  const exited = new Promise<number>((resolve) => kernel.watchChild(launcher, resolve));
  const launched = parseLauncherReport(await report);
  if (launched.pid === undefined) {
    const code = await exited;
    finishContainer(record);
    const message = (launched.other + launched.rest).replace(/^docker: Error response from daemon: /, '').trim() || `the launcher exited with status ${code}`;
    return { ok: false, message, exitCode: code === 0 ? 125 : code };
  }
  kernel.addTrace(launched.steps);
  const pid = launched.pid;
  stoppedByUser.delete(record.Id);
  record.LogPath = logPath(record.Id);
  markRunning(stores.containers, record, pid, !record.HostConfig.AutoRemove);
  exited.then((code) => containerExited(stores, record, code), () => {});
  return { ok: true, pid };
}

/**
 * docker stop: the stop signal, then SIGKILL after `timeout` seconds (< 0: wait for ever).
 * A container waiting for its restart policy stays stopped (saved in `containers`).
 */
export async function stopContainer(record: ContainerRecord, signal: number, timeout: number, containers?: ContainerStore): Promise<void> {
  stoppedByUser.add(record.Id);
  const restart = pendingRestarts.get(record.Id);
  if (restart !== undefined) {
    kernel.cancel(restart);
    pendingRestarts.delete(record.Id);
    record.State = { ...record.State, Status: 'exited' };
    containers?.save(record);
  }
  if (!record.State.Running) return;
  const pid = containerPid(record);
  if (pid <= 0) return;
  kernel.sendSignal(pid, signal);
  if (await waitForExit(record, timeout < 0 ? -1 : timeout * 1000)) return;
  kernel.sendSignal(containerPid(record) || pid, 9);
  await waitForExit(record, 10_000);
}

/** docker kill: a signal to PID 1 (a user's kill also stops the restart policy, as in Docker). */
export async function killContainer(record: ContainerRecord, signal: number): Promise<boolean> {
  const pid = containerPid(record);
  if (pid <= 0) return false;
  if (signal === 9) stoppedByUser.add(record.Id);
  const sent = kernel.sendSignal(pid, signal);
  if (sent && signal === 9) await waitForExit(record, 2_000);
  return sent;
}

export { parseSignal };
