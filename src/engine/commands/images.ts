// `docker images` / `docker image ls`: one row per tag, newest first, as Docker prints them.
import { flagBool, flagString } from '../cli/parse';
import { timeAgo, humanSize } from '../format/human';
import { formatList } from '../format/output';
import type { CommandContext } from './context';

const DEFAULT_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const HEADERS = { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', Size: 'SIZE', Digest: 'DIGEST', CreatedAt: 'CREATED AT' };

export function imagesCommand({ io, cmd, engine }: CommandContext): number {
  const noTrunc = flagBool(cmd.flags, 'no-trunc');
  const now = Date.now() / 1000;
  const images = [...engine.images.list()].sort((a, b) => Date.parse(b.config.created ?? '') - Date.parse(a.config.created ?? ''));
  const filter = cmd.args[0];
  // an image without a name (dangling: a commit without one, or one whose name moved on) is <none>
  const rows = images.flatMap((image) => (image.refs.length ? image.refs : ['<none>:<none>']).map((ref) => {
    const colon = ref.lastIndexOf(':');
    const created = Date.parse(image.config.created ?? '') / 1000;
    return {
      Repository: ref.slice(0, colon), Tag: ref.slice(colon + 1),
      ID: noTrunc ? `sha256:${image.id}` : image.id.slice(0, 12),
      CreatedSince: Number.isFinite(created) ? timeAgo(Math.max(0, now - created)) : 'N/A',
      CreatedAt: image.config.created ?? '', Size: humanSize(image.size, 3), Digest: image.manifestDigest,
    };
  })).filter((row) => !filter || row.Repository === filter || `${row.Repository}:${row.Tag}` === filter);

  if (flagBool(cmd.flags, 'quiet')) {
    io.out([...new Set(rows.map((r) => r.ID))].map((id) => id + '\n').join(''));
    return 0;
  }
  const result = formatList(flagString(cmd.flags, 'format'), rows, { headers: HEADERS, defaultTable: DEFAULT_TABLE, rootType: '*formatter.imageContext' });
  if (!result.ok) {
    io.err(result.error + '\n');
    return result.exitCode;
  }
  io.out(result.output);
  return 0;
}
