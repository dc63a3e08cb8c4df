// `docker compose logs [-f] [-t] [-n N] [--no-log-prefix] [SERVICE...]`: every container's log
// (the records the launcher writes, runtime/logs.ts), merged in time order, each line after
// `service-1  | ` (compose/log-lines.ts); -f follows until every container has exited or the
// client goes (Ctrl-C).
import { flagBool, flagString } from '../cli/parse';
import { logPrefix, mergeLogs, prefixWidth } from '../compose/log-lines';
import * as kernel from '../kernel';
import { logPath } from '../runtime/lifecycle';
import { parseTail, splitRecords, tailRecords, utf8 } from '../runtime/logs';
import { waitForExit } from '../runtime/supervisor';
import type { ContainerRecord } from '../store/container-store';
import { displayName, projectRecords } from './compose-containers';
import { loadComposeProject } from './compose-project';
import type { CommandContext } from './context';

const POLL_MS = 250;

/** One container's log file, read on from where the last read stopped. */
class LogReader {
  private fd = -1;
  private rest = '';

  constructor(readonly record: ContainerRecord, readonly prefix: string) {}

  /** The complete records written since the last call. */
  read(): string[] {
    const path = this.record.LogPath ?? logPath(this.record.Id);
    if (this.fd < 0 && kernel.exists(path)) this.fd = kernel.openFd(path, kernel.O.RDONLY);
    if (this.fd < 0) return [];
    let data = this.rest;
    for (let chunk = kernel.readChunk(this.fd); chunk !== null; chunk = kernel.readChunk(this.fd)) data += chunk;
    const split = splitRecords(data);
    this.rest = split.rest;
    return split.lines;
  }

  close(): void {
    if (this.fd >= 0) kernel.closeFd(this.fd);
    this.fd = -1;
  }
}

export async function composeLogsCommand(ctx: CommandContext): Promise<number> {
  const { io, cmd, engine } = ctx;
  const loaded = loadComposeProject(ctx, { fromLabels: true, services: cmd.args });
  if (!loaded) return 1;
  const { project } = loaded;
  const tail = parseTail(flagString(cmd.flags, 'tail'));
  if (tail === null) {
    io.err(`invalid value for "tail": ${JSON.stringify(flagString(cmd.flags, 'tail'))}\n`);
    return 1;
  }
  await streamLogs(io, project.name, projectRecords(engine, project.name, cmd.args), {
    follow: flagBool(cmd.flags, 'follow'), tail, timestamps: flagBool(cmd.flags, 'timestamps'), prefix: !flagBool(cmd.flags, 'no-log-prefix'),
  });
  return 0;
}

export interface StreamOptions { follow: boolean; tail: number; timestamps: boolean; prefix: boolean }

/** compose names a container without its project: web-1 (or its container_name). */
export const serviceName = (project: string, record: ContainerRecord) => displayName(record).replace(new RegExp(`^${project}-`), '');

/**
 * Prints the containers' logs; following, until every one has exited ('exited') or the
 * client goes away, Ctrl-C ('hangup').
 */
export async function streamLogs(
  io: CommandContext['io'], project: string, records: readonly ContainerRecord[], options: StreamOptions,
): Promise<'exited' | 'hangup'> {
  const names = records.map((r) => serviceName(project, r));
  const width = prefixWidth(names);
  const readers = records.map((r, i) => new LogReader(r, options.prefix ? logPrefix(names[i], width) : ''));
  const print = (first: boolean) => {
    const sources = readers.map((reader) => ({ prefix: reader.prefix, records: first ? tailRecords(reader.read(), options.tail) : reader.read() }));
    for (const line of mergeLogs(sources, options.timestamps)) (line.stream === 'stdout' ? io.out : io.err).call(io, utf8(line.text));
  };
  try {
    print(true);
    if (!options.follow) return 'exited';
    let hungUp = false;
    const unwatch = io.watchHangup(() => { hungUp = true; });
    while (!hungUp) {
      const running = readers.filter((r) => r.record.State.Running);
      if (running.length === 0) break;
      await waitForExit(running[0].record, POLL_MS);
      print(false);
    }
    print(false);
    unwatch();
    return hungUp ? 'hangup' : 'exited';
  } finally {
    readers.forEach((r) => r.close());
  }
}
