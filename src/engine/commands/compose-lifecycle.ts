// `docker compose start | stop | restart | rm [SERVICE...]`: docker start / stop / restart / rm
// on the project's existing containers (created by `up`), dependencies started first and
// stopped last, with compose's progress lines.
import { flagBool, flagNumber } from '../cli/parse';
import { dependencyOrder } from '../compose';
import type { ComposeProject } from '../compose';
import * as kernel from '../kernel';
import type { ContainerRecord } from '../store/container-store';
import { displayName, projectRecords, removeRecord, reporter, startRecord, stopRecord } from './compose-containers';
import { loadComposeProject } from './compose-project';
import type { CommandContext } from './context';

/** The project and its containers of the services named (all when none), dependencies first. */
function target(ctx: CommandContext): { project: ComposeProject; records: ContainerRecord[] } | null {
  const loaded = loadComposeProject(ctx, { fromLabels: true, services: ctx.cmd.args });
  if (!loaded) return null;
  const ordered = dependencyOrder(loaded.project.services);
  const order = ordered.ok ? ordered.order : [];
  return { project: loaded.project, records: projectRecords(ctx.engine, loaded.project.name, ctx.cmd.args, order) };
}

const timeoutFlag = (cmd: CommandContext['cmd']) => (cmd.changed.includes('timeout') ? flagNumber(cmd.flags, 'timeout') : undefined);

export async function composeStartCommand(ctx: CommandContext): Promise<number> {
  const found = target(ctx);
  if (!found) return 1;
  if (found.records.length === 0) {
    ctx.io.err('service has no container to start: run docker compose up -d\n');
    return 1;
  }
  const report = reporter(ctx.io);
  for (const record of found.records) {
    if (record.State.Running) continue;
    const error = await startRecord(ctx.engine, record, report);
    if (error) {
      ctx.io.err(`Error response from daemon: ${error}\n`);
      return 1;
    }
  }
  return 0;
}

export async function composeStopCommand(ctx: CommandContext): Promise<number> {
  const found = target(ctx);
  if (!found) return 1;
  const report = reporter(ctx.io);
  for (const record of [...found.records].reverse()) await stopRecord(ctx.engine, record, timeoutFlag(ctx.cmd), report);
  return 0;
}

export async function composeRestartCommand(ctx: CommandContext): Promise<number> {
  const found = target(ctx);
  if (!found) return 1;
  const report = reporter(ctx.io);
  const quiet = () => {};
  for (const record of [...found.records].reverse()) {
    report('Container', displayName(record), 'Restarting');
    await stopRecord(ctx.engine, record, timeoutFlag(ctx.cmd), quiet);
  }
  for (const record of found.records) {
    const error = await startRecord(ctx.engine, record, report);
    if (error) {
      ctx.io.err(`Error response from daemon: ${error}\n`);
      return 1;
    }
  }
  return 0;
}

/** `rm`: stopped containers only (-s stops them first); without -f compose asks, Dockhand asks too. */
export async function composeRmCommand(ctx: CommandContext): Promise<number> {
  const { io, cmd, engine } = ctx;
  const found = target(ctx);
  if (!found) return 1;
  const report = reporter(io);
  if (flagBool(cmd.flags, 'stop')) for (const record of [...found.records].reverse()) await stopRecord(engine, record, undefined, report);
  const stopped = found.records.filter((r) => !r.State.Running);
  if (stopped.length === 0) {
    io.err('No stopped containers\n');
    return 0;
  }
  if (!flagBool(cmd.flags, 'force')) {
    io.out(`Going to remove ${stopped.map(displayName).join(', ')}\n? Are you sure? [yN] `);
    const answer = io.fds[0] >= 0 ? await kernel.readLine(io.fds[0]) : null;
    if (!/^\s*[yY]/.test(answer ?? '')) {
      if (answer === null) io.out('\n');
      return 0;
    }
  }
  const volumes = flagBool(cmd.flags, 'volumes');
  for (const record of stopped) {
    const error = await removeRecord(engine, record, { volumes }, report);
    if (error) {
      io.err(`Error response from daemon: ${error}\n`);
      return 1;
    }
  }
  return 0;
}
