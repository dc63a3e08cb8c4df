// The commands that write the image store: `docker commit` (a new layer from a container's
// overlay upper dir), `docker tag`, `docker rmi`, `docker image prune`, `docker save` and
// `docker load` (OCI image-layout tars).
import { flagBool, flagList, flagString } from '../cli/parse';
import { humanSize } from '../format/human';
import * as kernel from '../kernel';
import { applyChanges, commitCreatedBy, commitEnv } from '../oci/changes';
import { shortId } from '../oci/digest';
import { familiarString, parseNormalizedNamed, withDefaultTag } from '../oci/reference';
import type { ImageConfig } from '../oci/types';
import { containerDir } from '../store/container-store';
import { STORE_ROOT, type StoredImage } from '../store/image-store';
import type { CommandContext, Engine } from './context';
import { initLayerPaths } from './diff';

/** `busybox` → `busybox:latest`; an error text for a bad name. */
function normalizeRef(text: string): { ok: true; ref: string } | { ok: false; error: string } {
  const parsed = parseNormalizedNamed(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.ref.digest) return { ok: false, error: 'refusing to create a tag with a digest reference' };
  return { ok: true, ref: familiarString(withDefaultTag(parsed.ref)) };
}

const noSuchImage = (name: string) => {
  const tagged = /^[a-f0-9]{6,64}$/.test(name) || /[:@]/.test(name.slice(name.lastIndexOf('/') + 1)) ? name : `${name}:latest`;
  return `Error response from daemon: No such image: ${tagged}\n`;
};

export function commitCommand({ io, cmd, engine }: CommandContext): number {
  const found = engine.containers.find(cmd.args[0]);
  if (!found.ok) {
    io.err(`Error response from daemon: ${found.error}\n`);
    return 1;
  }
  let ref: string | undefined;
  if (cmd.args[1]) {
    const normalized = normalizeRef(cmd.args[1]);
    if (!normalized.ok) {
      io.err(`Error response from daemon: ${normalized.error}\n`);
      return 1;
    }
    ref = normalized.ref;
  }
  const record = found.record;
  const parent = engine.images.list().find((i) => `sha256:${i.id}` === record.Image);
  if (!parent) {
    io.err(`Error response from daemon: the image of container ${shortId(record.Id)} is gone\n`);
    return 1;
  }
  const base = parent.config.config ?? {};
  const containerConfig = {
    ...base,
    Env: commitEnv(record.Config.Env, base.Env ?? []),
    Cmd: record.Config.Cmd,
    Entrypoint: record.Config.Entrypoint,
    WorkingDir: record.Config.WorkingDir || base.WorkingDir || '',
    User: record.Config.User || base.User || '',
    Labels: { ...(base.Labels ?? {}), ...(record.Config.Labels ?? {}) },
  };
  const changed = applyChanges(containerConfig, flagList(cmd.flags, 'change'));
  if (!changed.ok) {
    io.err(`Error response from daemon: ${changed.error}\n`);
    return 1;
  }
  // the engine's mount points (/etc/hosts…) are Docker's init layer, not the container's changes
  const upper = `${containerDir(record.Id)}/upper`;
  const layer = engine.images.commitLayer(upper, initLayerPaths(upper, parent.diffIds));
  const created = new Date().toISOString();
  const author = flagString(cmd.flags, 'author');
  const message = flagString(cmd.flags, 'message');
  const config: ImageConfig = {
    ...parent.config,
    created,
    author: author || undefined,
    config: changed.config,
    rootfs: { type: 'layers', diff_ids: [...parent.diffIds, layer.diffId] },
    history: [
      ...(parent.config.history ?? []),
      {
        created, created_by: commitCreatedBy(record.Path, record.Args),
        ...(author ? { author } : {}), ...(message ? { comment: message } : {}),
      },
    ],
  };
  if (!author) delete config.author;
  const image = engine.images.addImage(config, [...parent.manifest.layers, layer.descriptor], ref);
  io.out(`sha256:${image.id}\n`);
  return 0;
}

export function tagCommand({ io, cmd, engine }: CommandContext): number {
  const [source, target] = cmd.args;
  const image = engine.images.find(source);
  if (!image) {
    io.err(noSuchImage(source));
    return 1;
  }
  const normalized = normalizeRef(target);
  if (!normalized.ok) {
    io.err(`Error parsing reference: "${target}" is not a valid repository/tag: ${normalized.error}\n`);
    return 1;
  }
  engine.images.tag(image, normalized.ref);
  return 0;
}

/** The containers (any state) made from the image. */
const usersOf = (engine: Engine, image: StoredImage) => engine.containers.list().filter((c) => c.Image === `sha256:${image.id}`);

/** Removes one image name or ID as `docker rmi` does; the lines it prints, or an error. */
function removeImage(engine: Engine, name: string, force: boolean): { ok: true; lines: string[]; freed: number } | { ok: false; error: string } {
  const image = engine.images.find(name);
  if (!image) return { ok: false, error: noSuchImage(name).replace(/^Error response from daemon: /, '').trimEnd() };
  const byId = /^[a-f0-9]{6,64}$/.test(name.replace(/^sha256:/, '')) && image.id.startsWith(name.replace(/^sha256:/, ''));
  const normalized = normalizeRef(name);
  const ref = !byId && normalized.ok ? normalized.ref : undefined;
  // another name stays: only this one goes
  if (ref && image.refs.length > 1) {
    engine.images.untag(ref);
    return { ok: true, lines: [`Untagged: ${ref}`], freed: 0 };
  }
  if (byId && image.refs.length > 1 && !force) {
    return { ok: false, error: `conflict: unable to delete ${shortId(image.id)} (must be forced) - image is referenced in multiple repositories` };
  }
  const users = usersOf(engine, image);
  if (users.length) {
    const user = users[0];
    if (!force) {
      return ref
        ? { ok: false, error: `conflict: unable to remove repository reference "${name}" (must force) - container ${shortId(user.Id)} is using its referenced image ${shortId(image.id)}` }
        : { ok: false, error: `conflict: unable to delete ${shortId(image.id)} (cannot be forced) - image is being used by ${user.State.Running ? 'running' : 'stopped'} container ${shortId(user.Id)}` };
    }
    // forced: the names go, the image stays for its containers (dangling)
    const lines = image.refs.map((r) => `Untagged: ${r}`);
    for (const r of image.refs) engine.images.untag(r);
    return { ok: true, lines, freed: 0 };
  }
  const lines = image.refs.map((r) => `Untagged: ${r}`);
  const freed = engine.images.deleteImage(image);
  lines.push(`Deleted: sha256:${image.id}`);
  return { ok: true, lines, freed };
}

export function rmiCommand({ io, cmd, engine }: CommandContext): number {
  let failed = false;
  for (const name of cmd.args) {
    const r = removeImage(engine, name, flagBool(cmd.flags, 'force'));
    if (r.ok) io.out(r.lines.map((l) => l + '\n').join(''));
    else {
      io.err(`Error response from daemon: ${r.error}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

export async function imagePruneCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const all = flagBool(cmd.flags, 'all');
  if (!flagBool(cmd.flags, 'force')) {
    io.out(all
      ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] '
      : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ');
    const answer = io.fds[0] >= 0 ? await kernel.readLine(io.fds[0]) : null;
    if (!/^\s*[yY]\s*$/.test(answer ?? '')) {
      if (answer === null) io.out('\n');
      io.err('image prune has been cancelled\n');
      return 1;
    }
  }
  const lines: string[] = [];
  let freed = 0;
  for (const image of [...engine.images.list()]) {
    if ((!all && image.refs.length) || usersOf(engine, image).length) continue;
    for (const r of image.refs) lines.push(`untagged: ${r}`);
    freed += engine.images.deleteImage(image);
    lines.push(`deleted: sha256:${image.id}`);
  }
  const list = lines.length ? `Deleted Images:\n${lines.map((l) => l + '\n').join('')}\n` : '';
  io.out(`${list}Total reclaimed space: ${humanSize(freed)}\n`);
  return 0;
}

export async function saveCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const output = flagString(cmd.flags, 'output');
  if (!output && io.request.tty[1]) {
    io.err('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
    return 1;
  }
  const chosen = new Map<string, { image: StoredImage; refs: string[] }>();
  for (const name of cmd.args) {
    const image = engine.images.find(name);
    if (!image) {
      io.err(noSuchImage(name));
      return 1;
    }
    const entry = chosen.get(image.id) ?? { image, refs: [] };
    chosen.set(image.id, entry);
    const byId = image.id.startsWith(name.replace(/^sha256:/, ''));
    const normalized = normalizeRef(name);
    const refs = byId || !normalized.ok ? image.refs : [normalized.ref];
    for (const r of refs) if (!entry.refs.includes(r)) entry.refs.push(r);
  }
  const dir = `${STORE_ROOT}/tmp-save-${Date.now()}`;
  try {
    engine.images.exportLayout([...chosen.values()], dir);
    const members = ['blobs', 'index.json', 'oci-layout'];
    let status: number;
    if (output) {
      const target = output.startsWith('/') ? output : `${io.request.cwd}/${output}`;
      status = kernel.runProgram(['tar', '-cf', target, '-C', dir, ...members]);
      if (status !== 0) io.err(`failed to save image: open ${output}: cannot write\n`);
    } else {
      // not blocking the daemon: the reader may be another client (`docker save x | docker load`)
      status = await kernel.runProgramAsync(['/bin/tar', '-cf', '-', '-C', dir, ...members], { stdout: io.fds[1], stderr: io.fds[2] });
    }
    return status === 0 ? 0 : 1;
  } finally {
    kernel.runProgram(['rm', '-rf', dir]);
  }
}

export async function loadCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const input = flagString(cmd.flags, 'input');
  let archive: string;
  const tmp = `${STORE_ROOT}/tmp-load-${Date.now()}.tar`;
  if (input) {
    archive = input.startsWith('/') ? input : `${io.request.cwd}/${input}`;
    if (!kernel.exists(archive)) {
      io.err(`open ${input}: no such file or directory\n`);
      return 1;
    }
  } else {
    if (io.request.tty[0]) {
      io.err('requested load from stdin, but stdin is empty\n');
      return 1;
    }
    const fd = kernel.openFd(tmp, kernel.O_CREATE_TRUNC, 0o600);
    await kernel.runProgramAsync(['/bin/cat'], { stdin: io.fds[0], stdout: fd });
    kernel.closeFd(fd);
    archive = tmp;
  }
  try {
    if (kernel.runProgram(['tar', '-tf', archive, 'index.json'], { quiet: true }) !== 0) {
      io.err(input || (kernel.lstat(archive)?.size ?? 0) > 0
        ? 'Error response from daemon: unrecognized image format: no index.json in the archive\n'
        : 'requested load from stdin, but stdin is empty\n');
      return 1;
    }
    const loaded = engine.images.loadArchive(archive);
    // -q hides the progress bars only: Docker prints the loaded names either way
    io.out(loaded.map((l) => (l.startsWith('ID: ') ? `Loaded image ${l}\n` : `Loaded image: ${l}\n`)).join(''));
    return 0;
  } catch (e) {
    io.err(`Error response from daemon: ${(e as Error).message}\n`);
    return 1;
  } finally {
    kernel.remove(tmp);
  }
}
