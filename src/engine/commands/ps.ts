// `docker ps` / `docker container ls`: the containers, as Docker lists them.
import { flagBool, flagList, flagNumber, flagString } from '../cli/parse';
import { formatList } from '../format/output';
import { parsePsFilters, psRow, PS_HEADERS, PS_TABLE, PS_TABLE_SIZE, selectContainers } from '../format/ps';
import * as kernel from '../kernel';
import { containerDir } from '../store/container-store';
import type { CommandContext } from './context';

export function psCommand({ io, cmd, engine }: CommandContext): number {
  const parsed = parsePsFilters(flagList(cmd.flags, 'filter'));
  if (!parsed.ok) {
    io.err(parsed.error + '\n');
    return parsed.exitCode;
  }
  const containers = selectContainers(engine.containers.list(), {
    all: flagBool(cmd.flags, 'all'), last: flagNumber(cmd.flags, 'last'), latest: flagBool(cmd.flags, 'latest'),
    filters: parsed.filters, resolveImage: (ref) => engine.images.find(ref)?.id ?? null,
  });
  const truncate = !flagBool(cmd.flags, 'no-trunc');
  if (flagBool(cmd.flags, 'quiet')) {
    io.out(containers.map((c) => (truncate ? c.Id.slice(0, 12) : c.Id) + '\n').join(''));
    return 0;
  }
  const now = Date.now() / 1000;
  const withSize = flagBool(cmd.flags, 'size');
  const imageSize = (image: string) => engine.images.list().find((i) => `sha256:${i.id}` === image)?.size ?? 0;
  const rows = containers.map((c) => {
    const rw = withSize ? kernel.treeSize(`${containerDir(c.Id)}/upper`) : 0;
    return psRow(c, now, truncate, withSize ? { rw, rootFs: rw + imageSize(c.Image) } : undefined);
  });
  const result = formatList(flagString(cmd.flags, 'format'), rows, {
    headers: PS_HEADERS, defaultTable: withSize ? PS_TABLE_SIZE : PS_TABLE, rootType: '*formatter.ContainerContext',
  });
  if (!result.ok) {
    io.err(result.error + '\n');
    return result.exitCode;
  }
  io.out(result.output);
  return 0;
}
