// depends_on's conditions, before compose starts a service: the dependency started (it was, in
// order), completed successfully (it exited 0), or healthy — its healthcheck's test run in the
// container (`docker exec`'s launcher, beside the daemon) every interval until it passes, or
// fails `retries` times after the start period. The engine keeps no health state of its own:
// compose asks when it needs to know, so `docker ps` shows no "(healthy)".
import type { ComposeProject, WaitFor } from '../compose';
import * as kernel from '../kernel';
import { waitForExit } from '../runtime/supervisor';
import type { ContainerRecord } from '../store/container-store';
import { displayName, projectRecords, type Report } from './compose-containers';
import type { CommandContext } from './context';
import { execBeside, writeExecSpec } from './exec';

/** Docker's healthcheck defaults (seconds). */
const DEFAULTS = { interval: 30, timeout: 30, startPeriod: 0, retries: 3 };

/** null once `wait` holds; else compose's error. */
export async function waitForDependency(ctx: CommandContext, project: ComposeProject, wait: WaitFor, report: Report): Promise<string | null> {
  if (wait.condition === 'service_started') return null;
  const [record] = projectRecords(ctx.engine, project.name, [wait.service]);
  if (!record) return `dependency failed to start: service "${wait.service}" has no container`;
  const name = displayName(record);
  report('Container', name, 'Waiting');
  let hungUp = false;
  const unwatch = ctx.io.watchHangup(() => { hungUp = true; });
  try {
    if (wait.condition === 'service_completed_successfully') {
      while (!hungUp && !(await waitForExit(record, 500)));
      if (hungUp) return 'cancelled';
      if (record.State.ExitCode !== 0) {
        report('Container', name, 'Error');
        return `service "${wait.service}" didn't complete successfully: exit ${record.State.ExitCode}`;
      }
      report('Container', name, 'Exited');
      return null;
    }
    const check = project.services.find((s) => s.name === wait.service)?.healthcheck;
    if (!check || check.test[0] === 'NONE') {
      report('Container', name, 'Error');
      return `dependency failed to start: container ${name} has no healthcheck configured`;
    }
    const argv = check.test[0] === 'CMD-SHELL' ? ['/bin/sh', '-c', check.test.slice(1).join(' ')] : check.test.slice(1);
    const interval = check.interval ?? DEFAULTS.interval;
    const startPeriod = check.startPeriod ?? DEFAULTS.startPeriod;
    const retries = check.retries ?? DEFAULTS.retries;
    const started = kernel.nowMs();
    let failures = 0;
    while (!hungUp) {
      // as Docker: during the start period probes come every start_interval and failures do not count
      const inStart = kernel.nowMs() - started < startPeriod * 1000;
      await kernel.sleep((inStart ? check.startInterval ?? 5 : interval) * 1000);
      if (hungUp) break;
      if (!record.State.Running) {
        report('Container', name, 'Error');
        return `dependency failed to start: container ${name} exited (${record.State.ExitCode})`;
      }
      if (await probe(record, argv, check.timeout ?? DEFAULTS.timeout)) {
        report('Container', name, 'Healthy');
        return null;
      }
      if (!inStart && ++failures >= retries) {
        report('Container', name, 'Error');
        return `dependency failed to start: container ${name} is unhealthy`;
      }
    }
    return 'cancelled';
  } finally {
    unwatch();
  }
}

/** One run of the test in the container: true if it exited 0 within `timeout` seconds. */
async function probe(record: ContainerRecord, argv: string[], timeout: number): Promise<boolean> {
  const spec = writeExecSpec(record, { user: '', workdir: '', env: [], args: argv, privileged: false, interactive: false, tty: false });
  if ('error' in spec) return false;
  const run = execBeside(spec.path);
  let timedOut = false;
  const timer = kernel.after(timeout * 1000, () => {
    timedOut = true;
    kernel.sendSignal(run.pid, 9);
  });
  const status = await run.status;
  kernel.cancel(timer);
  return !timedOut && status === 0;
}
