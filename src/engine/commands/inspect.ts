// `docker inspect`, `docker container inspect`, `docker image inspect`: Docker's JSON for
// containers and images (with this machine's real overlay paths), or a --format template.
import { flagBool, flagString } from '../cli/parse';
import * as kernel from '../kernel';
import { containerInspect, imageInspect } from '../format/inspect';
import { formatInspect } from '../format/output';
import { containerDir } from '../store/container-store';
import { layerDir, type StoredImage } from '../store/image-store';
import type { CommandContext, Engine } from './context';

type Kind = 'container' | 'image';
const TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

export function inspectImage(image: StoredImage): Record<string, unknown> {
  return imageInspect({ id: image.id, refs: image.refs, config: image.config, size: image.size, layerDirs: image.diffIds.map(layerDir) });
}

/** One object by name, trying containers before images as Docker does; null when missing. */
function find(engine: Engine, name: string, kinds: readonly Kind[], withSize: boolean): Record<string, unknown> | null {
  for (const kind of kinds) {
    if (kind === 'container') {
      const found = engine.containers.find(name);
      if (found.ok) {
        const image = engine.images.list().find((i) => `sha256:${i.id}` === found.record.Image);
        const lowerDirs = image ? [...image.diffIds].reverse().map(layerDir) : [];
        const dir = containerDir(found.record.Id);
        const rw = withSize ? kernel.treeSize(`${dir}/upper`) : 0;
        return containerInspect(found.record, { dir, lowerDirs, size: withSize ? { rw, rootFs: rw + (image?.size ?? 0) } : undefined });
      }
    } else {
      const image = engine.images.find(name);
      if (image) return inspectImage(image);
    }
  }
  return null;
}

/** The daemon's words for a missing image: a reference without a tag gets `:latest`. */
const imageName = (name: string) => (/[:@]/.test(name.slice(name.lastIndexOf('/') + 1)) ? name : `${name}:latest`);

/**
 * `missing` words the error: `docker inspect` says `Error: No such object: x` itself; the
 * container and image commands pass on the daemon's `No such container: x`.
 */
function inspect({ io, cmd, engine }: CommandContext, kinds: readonly Kind[], missing: string): number {
  const items: unknown[] = [];
  const errors: string[] = [];
  for (const name of cmd.args) {
    const item = find(engine, name, kinds, flagBool(cmd.flags, 'size'));
    if (item) items.push(item);
    else if (missing === 'object' || kinds.length === 0) errors.push(`Error: No such ${missing}: ${name}`);
    else errors.push(`Error response from daemon: No such ${missing}: ${missing === 'image' ? imageName(name) : name}`);
  }
  const result = formatInspect(flagString(cmd.flags, 'format'), items);
  if (result.exitCode === 64) {
    io.err(result.errors.join('\n') + '\n');
    return 64;
  }
  io.out(result.output);
  const all = [...result.errors, ...errors];
  if (all.length) io.err(all.join('\n') + '\n');
  return all.length ? 1 : 0;
}

export const containerInspectCommand = (ctx: CommandContext) => inspect(ctx, ['container'], 'container');
export const imageInspectCommand = (ctx: CommandContext) => inspect(ctx, ['image'], 'image');

export function inspectCommand(ctx: CommandContext): number {
  const type = flagString(ctx.cmd.flags, 'type');
  if (type === '') return inspect(ctx, ['container', 'image'], 'object');
  if (!TYPES.includes(type)) {
    ctx.io.err(`"${type}" is not a valid value for --type\n`);
    return 1;
  }
  if (type === 'container' || type === 'image') return inspect(ctx, [type], type);
  return inspect(ctx, [], type);
}
