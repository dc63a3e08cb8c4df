// `docker stop` / `docker restart` (SIGTERM or -s, SIGKILL after -t seconds, default 10) and
// `docker kill` (-s, default SIGKILL). Signals go to the container's PID 1 by its host pid;
// note PID 1 of a pid namespace ignores signals it has no handler for (the kernel protects
// init), so `docker stop` of `sleep` waits for the timeout and then kills — as in Docker.
import { flagNumber, flagString } from '../cli/parse';
import { killContainer, parseSignal, startDetached, stopContainer } from '../runtime/supervisor';
import type { ContainerRecord } from '../store/container-store';
import type { CommandContext } from './context';

export const DEFAULT_TIMEOUT = 10;

/** -s and -t as given; otherwise each container's own --stop-signal and --stop-timeout, then Docker's defaults. */
function stopOptions({ io, cmd }: CommandContext): ((record: ContainerRecord) => { signal: number; timeout: number }) | null {
  const signalText = flagString(cmd.flags, 'signal');
  const signal = signalText ? parseSignal(signalText) : undefined;
  if (signal === null) {
    io.err(`Error response from daemon: Invalid signal: ${signalText}\n`);
    return null;
  }
  const timeout = cmd.changed.includes('time') ? flagNumber(cmd.flags, 'time') : undefined;
  return (record) => ({
    signal: signal ?? parseSignal(record.Config.StopSignal || 'SIGTERM') ?? 15,
    timeout: timeout ?? record.Config.StopTimeout ?? DEFAULT_TIMEOUT,
  });
}

/**
 * Runs `act` on each CONTAINER argument in turn, printing the name as given when it
 * succeeds; unknown containers and failures are reported as Docker does. Exit 1 if any failed.
 */
async function eachContainer(
  { io, cmd, engine }: CommandContext, act: (record: ContainerRecord, name: string) => Promise<string | null>,
): Promise<number> {
  let failed = 0;
  for (const name of cmd.args) {
    const found = engine.containers.find(name);
    const error = found.ok ? await act(found.record, name) : found.error;
    if (error === null) io.out(name + '\n');
    else {
      io.err(`Error response from daemon: ${error}\n`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

export async function stopCommand(ctx: CommandContext): Promise<number> {
  const options = stopOptions(ctx);
  if (!options) return 1;
  return eachContainer(ctx, async (record) => {
    const { signal, timeout } = options(record);
    await stopContainer(record, signal, timeout, ctx.engine.containers);
    return null;
  });
}

export async function restartCommand(ctx: CommandContext): Promise<number> {
  const options = stopOptions(ctx);
  if (!options) return 1;
  return eachContainer(ctx, async (record, name) => {
    const { signal, timeout } = options(record);
    await stopContainer(record, signal, timeout, ctx.engine.containers);
    const started = await startDetached(ctx.engine, record);
    return started.ok ? null : `Cannot restart container ${name}: ${started.message}`;
  });
}

export async function killCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const signalText = flagString(cmd.flags, 'signal') || 'KILL';
  const signal = parseSignal(signalText);
  if (signal === null) {
    io.err(`Error response from daemon: Invalid signal: ${signalText}\n`);
    return 1;
  }
  const errors: string[] = [];
  for (const name of cmd.args) {
    const found = engine.containers.find(name);
    if (!found.ok) {
      errors.push(`Error response from daemon: ${found.error}`);
      continue;
    }
    const record = found.record;
    if (!record.State.Running || !(await killContainer(record, signal))) {
      errors.push(`Error response from daemon: cannot kill container: ${name}: container ${record.Id} is not running`);
      continue;
    }
    io.out(name + '\n');
  }
  if (errors.length) io.err(errors.join('\n') + '\n');
  return errors.length ? 1 : 0;
}
