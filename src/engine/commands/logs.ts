// `docker logs [-f] [--tail N] [-t] CONTAINER`: what a detached container wrote, stdout to
// the client's stdout and stderr to its stderr; -f follows until the container exits.
import { flagBool, flagString } from '../cli/parse';
import * as kernel from '../kernel';
import { logPath } from '../runtime/lifecycle';
import { parseTail, renderRecords, splitRecords, tailRecords, utf8 } from '../runtime/logs';
import { waitForExit } from '../runtime/supervisor';
import type { CommandContext } from './context';

const POLL_MS = 250;

export async function logsCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const found = engine.containers.find(cmd.args[0]);
  if (!found.ok) {
    io.err(`Error response from daemon: ${found.error}\n`);
    return 1;
  }
  const record = found.record;
  const tail = parseTail(flagString(cmd.flags, 'tail'));
  if (tail === null) {
    io.err(`Error response from daemon: invalid value for "tail": ${JSON.stringify(flagString(cmd.flags, 'tail'))}\n`);
    return 1;
  }
  const timestamps = flagBool(cmd.flags, 'timestamps');
  const follow = flagBool(cmd.flags, 'follow');
  const path = record.LogPath ?? logPath(record.Id);
  let fd = kernel.exists(path) ? kernel.openFd(path, kernel.O.RDONLY) : -1;
  let rest = '';
  let first = true;
  const pump = () => {
    if (fd < 0 && kernel.exists(path)) fd = kernel.openFd(path, kernel.O.RDONLY);
    if (fd < 0) return;
    let data = rest;
    for (let chunk = kernel.readChunk(fd); chunk !== null; chunk = kernel.readChunk(fd)) data += chunk;
    const split = splitRecords(data);
    rest = split.rest;
    const lines = first ? tailRecords(split.lines, tail) : split.lines;
    first = false;
    for (const run of renderRecords(lines, timestamps)) (run.stream === 'stdout' ? io.out : io.err).call(io, utf8(run.text));
  };
  try {
    pump();
    if (!follow) return 0;
    let hungUp = false;
    const unwatch = io.watchHangup(() => { hungUp = true; });
    while (!hungUp) {
      const exited = await waitForExit(record, POLL_MS);
      pump();
      if (exited || !record.State.Running) break;
    }
    unwatch();
    return 0;
  } finally {
    if (fd >= 0) kernel.closeFd(fd);
  }
}
