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
import { familiarString, parseNormalizedNamed, withDefaultTag } from '../oci/reference';
import { ANNOTATION_REF_NAME, type ImageConfig, type ImageIndex, type ImageManifest } from '../oci/types';

export const STORE_ROOT = '/var/lib/dockhand';
const LAYOUT = `${STORE_ROOT}/image`;
const LAYERS = `${STORE_ROOT}/layers`;

export interface StoredImage {
  /** the config's digest hex: Docker's image ID */
  id: string;
  /** familiar refs (`busybox:latest`) that point at it */
  refs: string[];
  manifestDigest: string;
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
    this.images = this.readIndex();
    this.found.clear();
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
  private importArchive(archive: string): void {
    const incoming = `${STORE_ROOT}/tmp-import`;
    kernel.runProgram(['rm', '-rf', incoming]);
    kernel.mkdirs(incoming);
    if (kernel.runProgram(['tar', '-xf', archive, '-C', incoming]) !== 0) throw new Error(`cannot unpack ${archive}`);
    const index = kernel.readJson<ImageIndex>(`${incoming}/index.json`);
    if (!index) throw new Error(`${archive} is not an OCI image layout (no index.json)`);
    for (const name of kernel.listDir(`${incoming}/blobs/sha256`)) {
      if (!kernel.exists(blobPath(name))) kernel.runProgram(['mv', `${incoming}/blobs/sha256/${name}`, blobPath(name)]);
    }
    const ours = kernel.readJson<ImageIndex>(`${LAYOUT}/index.json`)!;
    for (const descriptor of index.manifests) {
      const ref = descriptor.annotations?.[ANNOTATION_REF_NAME];
      ours.manifests = ours.manifests.filter((d) => !ref || d.annotations?.[ANNOTATION_REF_NAME] !== ref);
      ours.manifests.push(descriptor);
      const manifest = kernel.readJson<ImageManifest>(blobPath(descriptor.digest))!;
      const config = kernel.readJson<ImageConfig>(blobPath(manifest.config.digest))!;
      manifest.layers.forEach((layer, i) => this.unpackLayer(layer.digest, config.rootfs.diff_ids[i]));
    }
    kernel.writeText(`${LAYOUT}/index.json`, JSON.stringify(ours, null, 2));
    kernel.runProgram(['rm', '-rf', incoming]);
  }

  /** Unpacks a layer blob once; OCI whiteout files become overlayfs whiteouts. */
  private unpackLayer(digest: string, diffId: string): void {
    const dir = layerDir(diffId);
    if (kernel.exists(`${dir}.json`)) return;
    kernel.runProgram(['rm', '-rf', dir]);
    kernel.mkdirs(dir);
    if (kernel.runProgram(['tar', '-xzf', blobPath(digest), '-C', dir]) !== 0) throw new Error(`cannot unpack layer ${digest}`);
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
      const config = kernel.readJson<ImageConfig>(blobPath(manifest.config.digest))!;
      const id = hex(manifest.config.digest);
      const ref = descriptor.annotations?.[ANNOTATION_REF_NAME];
      const existing = byId.get(id);
      if (existing) {
        if (ref) existing.refs.push(ref);
        continue;
      }
      const size = config.rootfs.diff_ids.reduce((sum, d) => sum + (kernel.readJson<{ size: number }>(`${layerDir(d)}.json`)?.size ?? 0), 0);
      byId.set(id, {
        id, refs: ref ? [ref] : [], manifestDigest: descriptor.digest, manifest, config,
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
