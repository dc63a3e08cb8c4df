// The project's containers as engine records, and the container steps several compose commands
// share (stop, remove, start), each with compose's progress lines on the client's stderr.
// The work itself is the docker commands' own code: supervisor.ts, rm.ts.
import { LABEL, projectContainers } from '../compose';
import { progress, type ProgressKind } from '../compose/progress';
import { parseSignal, startDetached, stopContainer } from '../runtime/supervisor';
import type { ContainerRecord } from '../store/container-store';
import { engineState } from './compose-project';
import type { CommandContext, Engine } from './context';
import { removeOne } from './rm';
import { DEFAULT_TIMEOUT } from './stop';

export type Report = (kind: ProgressKind, name: string, status: string) => void;

/** Progress lines to the client's stderr (✔ marks on a terminal, plain lines otherwise). */
export function reporter(io: CommandContext['io']): Report {
  const p = progress(io.request.tty[2]);
  return (kind, name, status) => {
    const line = p.line(kind, name, status);
    if (line) io.err(line);
  };
}

export const displayName = (record: ContainerRecord) => record.Name.replace(/^\//, '');

/**
 * The project's containers (of `services`, or all), in the project's dependency order when
 * `order` is given (services missing from it last), else by name as `compose ps` lists them.
 */
export function projectRecords(engine: Engine, projectName: string, services: readonly string[] = [], order?: readonly string[]): ContainerRecord[] {
  // only the containers: listing volumes and networks would read the disk for nothing
  const state = engineState(engine, { containersOnly: true });
  const ids = new Set(projectContainers(state, projectName)
    .filter((c) => services.length === 0 || services.includes(c.labels[LABEL.service]))
    .map((c) => c.id));
  const records = engine.containers.list().filter((r) => ids.has(r.Id));
  const rank = (r: ContainerRecord) => {
    const at = order?.indexOf(r.Config.Labels[LABEL.service]) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return records.sort((a, b) => rank(a) - rank(b) || (displayName(a) < displayName(b) ? -1 : 1));
}

/** docker stop's signal and timeout: -t if given, else the container's own (stop_grace_period), else 10 s. */
export async function stopRecord(engine: Engine, record: ContainerRecord, timeout: number | undefined, report: Report): Promise<void> {
  if (!record.State.Running) return;
  report('Container', displayName(record), 'Stopping');
  const signal = parseSignal(record.Config.StopSignal || 'SIGTERM') ?? 15;
  await stopContainer(record, signal, timeout ?? record.Config.StopTimeout ?? DEFAULT_TIMEOUT, engine.containers);
  report('Container', displayName(record), 'Stopped');
}

/** Stops (as docker stop) and removes (as docker rm -f [-v]) one container; an error text or null. */
export async function removeRecord(
  engine: Engine, record: ContainerRecord, options: { timeout?: number; volumes: boolean }, report: Report,
): Promise<string | null> {
  let error: string | null;
  try {
    await stopRecord(engine, record, options.timeout, report);
    report('Container', displayName(record), 'Removing');
    error = await removeOne(engine, record.Id, true, options.volumes);
  } catch (e) {
    // a kernel step that failed (a busy cgroup): reported, and the other steps still run
    error = e instanceof Error ? e.message : String(e);
  }
  report('Container', displayName(record), error ? 'Error' : 'Removed');
  return error;
}

/** docker start of a created or stopped container; an error text or null. */
export async function startRecord(engine: Engine, record: ContainerRecord, report: Report): Promise<string | null> {
  report('Container', displayName(record), 'Starting');
  const started = await startDetached(engine, record);
  report('Container', displayName(record), started.ok ? 'Started' : 'Error');
  return started.ok ? null : started.message;
}
