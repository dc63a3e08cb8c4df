// The image store: a real OCI image layout under /var/lib/dockhand/image (students can cat
// its index.json, manifests and configs), and each layer unpacked once under
// /var/lib/dockhand/layers/<diff_id> to be shared read-only by every container.
//
//   /var/lib/dockhand/image/  oci-layout  index.json  blobs/sha256/<hex>
//   /var/lib/dockhand/layers/<diff_id hex>/   (overlay lower dir)
//   /var/lib/dockhand/layers/<diff_id hex>.json   { size, blob, blobSize }
//
// A compressed layer blob is discarded once unpacked, as containerd does with
// discard_unpacked_layers: the guest's RAM is the disk here, and the saved machine state
// the page downloads would carry 3.4 MB of gzip that nothing reads. The unpacked layer is
// the truth; exporting (docker save) writes it as a new tar.
import * as kernel from '../kernel';
import { cleanTarPath, OPAQUE_MARKER, WHITEOUT_PREFIX } from '../layers/whiteouts';
import { familiarString, fullString, parseNormalizedNamed, withDefaultTag } from '../oci/reference';
import { withRef } from '../oci/layout';
import { ANNOTATION_REF_NAME, IMAGE_LAYOUT_VERSION, MEDIA_TYPE, type Descriptor, type ImageConfig, type ImageIndex, type ImageManifest } from '../oci/types';

export const STORE_ROOT = '/var/lib/dockhand';
const LAYOUT = `${STORE_ROOT}/image`;
const LAYERS = `${STORE_ROOT}/layers`;

export interface StoredImage {
  /** the config's digest hex: Docker's image ID */
  id: string;
  /** familiar refs (`busybox:latest`) that point at it */
  refs: string[];
  manifestDigest: string;
  /** every manifest in the index with this config (a loaded copy may add one) */
  manifestDigests: string[];
  manifest: ImageManifest;
  config: ImageConfig;
  /** diff_ids, bottom layer first */
  diffIds: string[];
  /** bytes of all layers' files (Docker's SIZE column) */
  size: number;
}

const hex = (digest: string) => digest.replace(/^sha256:/, '');
const blobPath = (digest: string) => `${LAYOUT}/blobs/sha256/${hex(digest)}`;
export const layerDir = (diffId: string) => `${LAYERS}/${hex(diffId)}`;

export class ImageStore {
  private images: StoredImage[] = [];
  /** what each typed reference resolved to (parsing a reference is slow in the guest's QuickJS) */
  private readonly found = new Map<string, StoredImage | null>();

  /** Reads the layout; imports an OCI archive (the base images at first boot) when given. */
  load(importArchive?: string): void {
    kernel.mkdirs(`${LAYOUT}/blobs/sha256`);
    kernel.mkdirs(LAYERS, 0o700);
    if (!kernel.exists(`${LAYOUT}/oci-layout`)) {
      kernel.writeText(`${LAYOUT}/oci-layout`, '{"imageLayoutVersion":"1.0.0"}');
      kernel.writeText(`${LAYOUT}/index.json`, JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }));
    }
    if (importArchive && kernel.exists(importArchive)) this.importArchive(importArchive);
    this.reload();
  }

  list(): readonly StoredImage[] {
    return this.images;
  }

  /** Finds an image by reference (`busybox`, `lua:5.4`), full or short ID. */
  find(text: string): StoredImage | null {
    if (!this.found.has(text)) this.found.set(text, this.lookup(text));
    return this.found.get(text)!;
  }

  private lookup(text: string): StoredImage | null {
    const byId = this.images.filter((i) => i.id.startsWith(hex(text)) && /^[a-f0-9]{6,64}$/.test(hex(text)));
    if (byId.length === 1) return byId[0];
    const ref = parseNormalizedNamed(text);
    if (!ref.ok) return null;
    const name = familiarString(withDefaultTag(ref.ref));
    return this.images.find((i) => i.refs.includes(name)) ?? null;
  }

  /** An OCI image-layout tar (like `docker save` makes): its blobs join ours, its refs our index. */
  private importArchive(archive: string): string[] {
    const incoming = `${STORE_ROOT}/tmp-import`;
    kernel.runProgram(['rm', '-rf', incoming]);
    kernel.mkdirs(incoming);
    if (kernel.runProgram(['tar', '-xf', archive, '-C', incoming]) !== 0) throw new Error(`cannot unpack ${archive}`);
    const index = kernel.readJson<ImageIndex>(`${incoming}/index.json`);
    if (!index) throw new Error(`${archive} is not an OCI image layout (no index.json)`);
    for (const name of kernel.listDir(`${incoming}/blobs/sha256`)) {
      if (!kernel.exists(blobPath(name))) kernel.runProgram(['mv', `${incoming}/blobs/sha256/${name}`, blobPath(name)]);
    }
    let ours = kernel.readJson<ImageIndex>(`${LAYOUT}/index.json`)!;
    // the manifest we already hold for each config: an image loaded again keeps its manifest
    const known = new Map<string, Descriptor>();
    for (const d of ours.manifests) {
      const m = kernel.readJson<ImageManifest>(blobPath(d.digest));
      if (m && !known.has(m.config.digest)) known.set(m.config.digest, { mediaType: d.mediaType, digest: d.digest, size: d.size });
    }
    const loaded: string[] = [];
    for (const descriptor of index.manifests) {
      const ref = importedRef(descriptor);
      const manifest = kernel.readJson<ImageManifest>(blobPath(descriptor.digest));
      if (!manifest) throw new Error(`${archive}: manifest ${descriptor.digest} is missing`);
      const config = kernel.readJson<ImageConfig>(blobPath(manifest.config.digest));
      if (!config) throw new Error(`${archive}: config ${manifest.config.digest} is missing`);
      manifest.layers.forEach((layer, i) => this.unpackLayer(layer.digest, config.rootfs.diff_ids[i], layer.mediaType));
      const same = known.get(manifest.config.digest);
      if (same && same.digest !== descriptor.digest) kernel.remove(blobPath(descriptor.digest));
      const entry: Descriptor = same ?? { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size };
      known.set(manifest.config.digest, entry);
      ours = withRef(ours, entry, ref);
      loaded.push(ref ?? `ID: ${manifest.config.digest}`);
    }
    kernel.writeText(`${LAYOUT}/index.json`, JSON.stringify(ours, null, 2));
    kernel.runProgram(['rm', '-rf', incoming]);
    return loaded;
  }

  /** `docker load`: imports an OCI layout tar; returns what it loaded (`busybox:latest`, or `ID: sha256:…`). */
  loadArchive(archive: string): string[] {
    const loaded = this.importArchive(archive);
    this.reload();
    return loaded;
  }

  private reload(): void {
    this.images = this.readIndex();
    this.found.clear();
  }

  private readRawIndex(): ImageIndex {
    return kernel.readJson<ImageIndex>(`${LAYOUT}/index.json`)!;
  }

  private writeRawIndex(index: ImageIndex): void {
    kernel.writeText(`${LAYOUT}/index.json`, JSON.stringify(index, null, 2));
    this.reload();
  }

  /** Writes a JSON document as a blob; returns its descriptor. */
  private writeJsonBlob(doc: unknown, mediaType: string): Descriptor {
    const tmp = `${STORE_ROOT}/tmp-blob`;
    const text = JSON.stringify(doc);
    kernel.writeText(tmp, text);
    const digest = kernel.sha256File(tmp);
    const size = kernel.lstat(tmp)?.size ?? text.length;
    kernel.runProgram(['mv', tmp, blobPath(digest)]);
    return { mediaType, digest, size };
  }

  /**
   * A new layer from a container's upper dir (`docker commit`): written as an OCI layer tar
   * (whiteouts as `.wh.` files), hashed (its diff_id), gzip'd (the blob, hashed, then
   * discarded like every unpacked blob) and unpacked into layers/<diff_id>.
   * `drop` lists paths (`/etc/hosts`) to leave out: the engine's own mount points.
   */
  commitLayer(upper: string, drop: readonly string[]): { diffId: string; descriptor: Descriptor; size: number } {
    const work = `${STORE_ROOT}/tmp-commit`;
    kernel.runProgram(['rm', '-rf', work]);
    kernel.mkdirs(work);
    const tar = `${work}/layer.tar`;
    writeLayerTar(upper, `${work}/stage`, drop, tar);
    const diffId = kernel.sha256File(tar);
    const dir = layerDir(diffId);
    let size: number;
    if (kernel.exists(`${dir}.json`)) size = kernel.readJson<{ size: number }>(`${dir}.json`)?.size ?? 0;
    else {
      kernel.runProgram(['rm', '-rf', dir]);
      kernel.mkdirs(dir);
      if (kernel.runProgram(['tar', '-xf', tar, '-C', dir]) !== 0) throw new Error('cannot unpack the new layer');
      size = convertWhiteouts(dir, '/');
    }
    if (kernel.runProgram(['gzip', '-n', tar]) !== 0) throw new Error('cannot compress the new layer');
    const blob = `${tar}.gz`;
    const digest = kernel.sha256File(blob);
    const blobSize = kernel.lstat(blob)?.size ?? 0;
    if (!kernel.exists(`${dir}.json`)) kernel.writeText(`${dir}.json`, JSON.stringify({ size, blob: digest, blobSize }));
    kernel.runProgram(['rm', '-rf', work]);
    return { diffId, descriptor: { mediaType: MEDIA_TYPE.layerGzip, digest, size: blobSize }, size };
  }

  /** Stores a new image (config and manifest blobs), named `ref` (familiar, with tag) when given. */
  addImage(config: ImageConfig, layers: Descriptor[], ref?: string): StoredImage {
    const configDescriptor = this.writeJsonBlob(config, MEDIA_TYPE.config);
    const manifest: ImageManifest = { schemaVersion: 2, mediaType: MEDIA_TYPE.manifest, config: configDescriptor, layers };
    const manifestDescriptor = this.writeJsonBlob(manifest, MEDIA_TYPE.manifest);
    this.writeRawIndex(withRef(this.readRawIndex(), manifestDescriptor, ref));
    return this.images.find((i) => i.id === hex(configDescriptor.digest))!;
  }

  /** `docker tag`: `ref` (familiar, with tag) now names the image. */
  tag(image: StoredImage, ref: string): void {
    const entry = this.readRawIndex().manifests.find((d) => d.digest === image.manifestDigest);
    const descriptor: Descriptor = entry
      ? { mediaType: entry.mediaType, digest: entry.digest, size: entry.size }
      : { mediaType: MEDIA_TYPE.manifest, digest: image.manifestDigest, size: 0 };
    this.writeRawIndex(withRef(this.readRawIndex(), descriptor, ref));
  }

  /** Removes one name; the image stays (dangling if it was its last name). */
  untag(ref: string): void {
    const index = this.readRawIndex();
    const entry = index.manifests.find((d) => d.annotations?.[ANNOTATION_REF_NAME] === ref);
    if (!entry) return;
    this.writeRawIndex(withRef(index, { mediaType: entry.mediaType, digest: entry.digest, size: entry.size }, undefined, ref));
  }

  /** Deletes the image: its index entries, its blobs and the layers no other image uses. Returns the bytes freed. */
  deleteImage(image: StoredImage): number {
    const index = this.readRawIndex();
    index.manifests = index.manifests.filter((d) => !image.manifestDigests.includes(d.digest));
    const others = this.images.filter((i) => i.id !== image.id);
    kernel.writeText(`${LAYOUT}/index.json`, JSON.stringify(index, null, 2));
    for (const digest of image.manifestDigests) {
      if (!others.some((i) => i.manifestDigests.includes(digest))) kernel.remove(blobPath(digest));
    }
    if (!others.some((i) => i.manifest.config.digest === image.manifest.config.digest)) kernel.remove(blobPath(image.manifest.config.digest));
    let freed = 0;
    for (const diffId of image.diffIds) {
      if (others.some((i) => i.diffIds.includes(diffId))) continue;
      freed += kernel.readJson<{ size: number }>(`${layerDir(diffId)}.json`)?.size ?? 0;
      kernel.removeTree(layerDir(diffId));
      kernel.remove(`${layerDir(diffId)}.json`);
    }
    this.reload();
    return freed;
  }

  /**
   * `docker save`: an OCI image layout of the images in `dir`. Compressed blobs were
   * discarded, so each layer is written anew from its unpacked dir as an uncompressed tar
   * (OCI whiteouts), and the manifest is rewritten to point at it; the config (and so the
   * image ID) is kept as it is.
   */
  exportLayout(images: { image: StoredImage; refs: string[] }[], dir: string): void {
    kernel.runProgram(['rm', '-rf', dir]);
    kernel.mkdirs(`${dir}/blobs/sha256`);
    kernel.writeText(`${dir}/oci-layout`, JSON.stringify({ imageLayoutVersion: IMAGE_LAYOUT_VERSION }));
    const written = new Map<string, Descriptor>();
    const manifests: Descriptor[] = [];
    const copyBlob = (digest: string) => kernel.runProgram(['cp', blobPath(digest), `${dir}/blobs/sha256/${hex(digest)}`]);
    for (const { image, refs } of images) {
      const layers = image.diffIds.map((diffId) => {
        const done = written.get(diffId);
        if (done) return done;
        const tar = `${dir}/layer.tar`;
        writeLayerTar(layerDir(diffId), `${dir}/stage`, [], tar);
        const digest = kernel.sha256File(tar);
        const descriptor: Descriptor = { mediaType: MEDIA_TYPE.layer, digest, size: kernel.lstat(tar)?.size ?? 0 };
        kernel.runProgram(['mv', tar, `${dir}/blobs/sha256/${hex(digest)}`]);
        written.set(diffId, descriptor);
        return descriptor;
      });
      copyBlob(image.manifest.config.digest);
      const manifest: ImageManifest = { schemaVersion: 2, mediaType: MEDIA_TYPE.manifest, config: image.manifest.config, layers };
      const text = JSON.stringify(manifest);
      const tmp = `${dir}/manifest.json.tmp`;
      kernel.writeText(tmp, text);
      const digest = kernel.sha256File(tmp);
      const size = kernel.lstat(tmp)?.size ?? text.length;
      kernel.runProgram(['mv', tmp, `${dir}/blobs/sha256/${hex(digest)}`]);
      const names = refs.length ? refs : [undefined];
      for (const ref of names) {
        const descriptor: Descriptor = { mediaType: MEDIA_TYPE.manifest, digest, size };
        if (ref) {
          const parsed = parseNormalizedNamed(ref);
          descriptor.annotations = {
            [ANNOTATION_CONTAINERD_NAME]: parsed.ok ? fullString(withDefaultTag(parsed.ref)) : ref,
            [ANNOTATION_REF_NAME]: ref,
          };
        }
        manifests.push(descriptor);
      }
    }
    kernel.writeText(`${dir}/index.json`, JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPE.index, manifests }));
  }

  /** Unpacks a layer blob once; OCI whiteout files become overlayfs whiteouts. */
  private unpackLayer(digest: string, diffId: string, mediaType = MEDIA_TYPE.layerGzip as string): void {
    const dir = layerDir(diffId);
    if (kernel.exists(`${dir}.json`)) {
      kernel.remove(blobPath(digest));
      return;
    }
    kernel.runProgram(['rm', '-rf', dir]);
    kernel.mkdirs(dir);
    const gzipped = /gzip/.test(mediaType);
    if (kernel.runProgram(['tar', gzipped ? '-xzf' : '-xf', blobPath(digest), '-C', dir]) !== 0) throw new Error(`cannot unpack layer ${digest}`);
    const size = convertWhiteouts(dir, '/');
    const blobSize = kernel.lstat(blobPath(digest))?.size ?? 0;
    kernel.remove(blobPath(digest));
    kernel.writeText(`${dir}.json`, JSON.stringify({ size, blob: digest, blobSize }));
  }

  private readIndex(): StoredImage[] {
    const index = kernel.readJson<ImageIndex>(`${LAYOUT}/index.json`)!;
    const byId = new Map<string, StoredImage>();
    for (const descriptor of index.manifests) {
      const manifest = kernel.readJson<ImageManifest>(blobPath(descriptor.digest));
      if (!manifest) continue;
      const config = kernel.readJson<ImageConfig>(blobPath(manifest.config.digest));
      if (!config) continue;
      const id = hex(manifest.config.digest);
      const ref = descriptor.annotations?.[ANNOTATION_REF_NAME];
      const existing = byId.get(id);
      if (existing) {
        if (ref) existing.refs.push(ref);
        if (!existing.manifestDigests.includes(descriptor.digest)) existing.manifestDigests.push(descriptor.digest);
        continue;
      }
      const size = config.rootfs.diff_ids.reduce((sum, d) => sum + (kernel.readJson<{ size: number }>(`${layerDir(d)}.json`)?.size ?? 0), 0);
      byId.set(id, {
        id, refs: ref ? [ref] : [], manifestDigest: descriptor.digest, manifestDigests: [descriptor.digest], manifest, config,
        diffIds: config.rootfs.diff_ids, size,
      });
    }
    return [...byId.values()];
  }
}

/** Walks an unpacked layer: `.wh.x` → whiteout device for x, `.wh..wh..opq` → opaque dir. Returns the bytes of its files. */
function convertWhiteouts(root: string, rel: string): number {
  let size = 0;
  const dir = rel === '/' ? root : root + rel;
  for (const name of kernel.listDir(dir)) {
    const path = `${dir}/${name}`;
    if (name === OPAQUE_MARKER) {
      kernel.remove(path);
      kernel.setOpaque(dir);
    } else if (name.startsWith(WHITEOUT_PREFIX)) {
      kernel.remove(path);
      const target = cleanTarPath(`${rel}/${name.slice(WHITEOUT_PREFIX.length)}`);
      if (target) kernel.makeWhiteout(root + target);
    } else {
      const st = kernel.lstat(path);
      if (!st) continue;
      size += st.isDir ? convertWhiteouts(root, `${rel === '/' ? '' : rel}/${name}`) : st.size;
    }
  }
  return size;
}

/** containerd's (and Docker's `docker save`) full image name annotation */
const ANNOTATION_CONTAINERD_NAME = 'io.containerd.image.name';

/** The familiar name (`busybox:latest`) an imported index entry carries, if any. */
function importedRef(descriptor: Descriptor): string | undefined {
  const full = descriptor.annotations?.[ANNOTATION_CONTAINERD_NAME];
  const ref = descriptor.annotations?.[ANNOTATION_REF_NAME];
  for (const text of [full, ref]) {
    if (!text) continue;
    const parsed = parseNormalizedNamed(text);
    if (parsed.ok && /[:/]/.test(text)) return familiarString(withDefaultTag(parsed.ref));
  }
  return undefined;
}

/**
 * Writes a directory tree (an upper dir or an unpacked layer, overlay whiteouts and opaque
 * dirs) as an OCI layer tar: hard-linked into a staging dir (no bytes copied), whiteout
 * devices replaced by `.wh.<name>`, `.wh..wh..opq` added to opaque dirs, `drop` left out.
 */
export function writeLayerTar(source: string, stage: string, drop: readonly string[], tar: string): void {
  kernel.runProgram(['rm', '-rf', stage]);
  kernel.mkdirs(stage);
  const names = kernel.listDir(source);
  if (names.length && kernel.runProgram(['cp', '-a', '-l', ...names.map((n) => `${source}/${n}`), stage]) !== 0) {
    throw new Error(`cannot stage ${source}`);
  }
  for (const path of drop) kernel.removeTree(stage + path);
  const lines = (cmd: string[]) => (kernel.programOutput(cmd) ?? '').split('\n').filter(Boolean);
  for (const path of lines(['find', stage, '-type', 'c'])) {
    const st = kernel.lstat(path);
    if (!st || st.rdev !== 0) continue;
    kernel.remove(path);
    const slash = path.lastIndexOf('/');
    kernel.writeText(`${path.slice(0, slash)}/${WHITEOUT_PREFIX}${path.slice(slash + 1)}`, '');
  }
  for (const path of lines(['find', stage, '-type', 'd'])) {
    if (kernel.isOpaque(source + path.slice(stage.length))) kernel.writeText(`${path}/${OPAQUE_MARKER}`, '');
  }
  const members = kernel.listDir(stage).sort();
  const status = kernel.runProgram(['tar', '-cf', tar, '-C', stage, ...(members.length ? members : ['.'])]);
  kernel.runProgram(['rm', '-rf', stage]);
  if (status !== 0) throw new Error(`cannot write the layer tar of ${source}`);
}
