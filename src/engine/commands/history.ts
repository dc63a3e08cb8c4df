// `docker history IMAGE`: the image's build steps, newest first, each with its layer's size
// (read from /var/lib/dockhand/layers/<diff_id>.json, written when the layer was unpacked).
import { flagBool, flagString } from '../cli/parse';
import { HISTORY_HEADERS, HISTORY_TABLE, historyRows } from '../format/inspect';
import { formatList } from '../format/output';
import * as kernel from '../kernel';
import { layerDir } from '../store/image-store';
import type { CommandContext } from './context';

export function historyCommand({ io, cmd, engine }: CommandContext): number {
  const name = cmd.args[0];
  const image = engine.images.find(name);
  if (!image) {
    const tagged = /[:@]/.test(name.slice(name.lastIndexOf('/') + 1)) ? name : `${name}:latest`;
    io.err(`Error response from daemon: No such image: ${tagged}\n`);
    return 1;
  }
  const sizes = image.diffIds.map((d) => kernel.readJson<{ size: number }>(`${layerDir(d)}.json`)?.size ?? 0);
  const rows = historyRows(image.id, image.config, sizes, {
    now: Date.now() / 1000, truncate: !flagBool(cmd.flags, 'no-trunc'), human: flagBool(cmd.flags, 'human'),
  });
  const format = flagBool(cmd.flags, 'quiet') ? '{{.ID}}' : flagString(cmd.flags, 'format');
  const result = formatList(format, rows, { headers: HISTORY_HEADERS, defaultTable: HISTORY_TABLE, rootType: '*history.historyContext' });
  if (!result.ok) {
    io.err(result.error + '\n');
    return result.exitCode;
  }
  io.out(result.output);
  return 0;
}
