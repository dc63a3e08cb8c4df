// The guest's files: the committed artifacts (checked against public/vm/manifest.json)
// and the generated ones (guest code bundles, saved machine state). Where they come from is
// an ArtifactSource: fetch() in the browser, the file system in Node.
import { sha256Hex } from './sha256';

export interface ManifestEntry { file: string; size: number; sha256: string; source: string }
export interface Manifest { format: 1; recipeSha256: string; files: ManifestEntry[] }

/** Describes the saved machine state that `npm run build` generates (public/generated/state.json). */
export interface StateInfo { key: string; file: string; size: number; sha256: string; createdAt: string }

export type Progress = (loaded: number, total: number) => void;

export interface ArtifactSource {
  /** Reads a file below public/ (e.g. `vm/bzImage`); null when it does not exist. */
  read(path: string, onProgress?: Progress): Promise<Uint8Array | null>;
}

export class ArtifactError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactError';
  }
}

/** Where committed artifacts live below public/, each folder with its manifest.json. */
export type ArtifactDir = 'vm' | 'images';

/** The artifacts a cold boot needs, in the order they are fetched. */
export const BOOT_FILES = [
  { dir: 'vm', file: 'seabios.bin' }, { dir: 'vm', file: 'vgabios.bin' }, { dir: 'vm', file: 'bzImage' },
  { dir: 'vm', file: 'initramfs.img' },
  // the base container images, handed to the engine through the 9p share at first boot
  { dir: 'images', file: 'base-images.oci.tar' },
] as const satisfies readonly { dir: ArtifactDir; file: string }[];

export async function loadManifest(source: ArtifactSource, dir: ArtifactDir = 'vm'): Promise<Manifest> {
  const bytes = await source.read(`${dir}/manifest.json`);
  if (!bytes) throw new ArtifactError(`${dir}/manifest.json is missing: the guest artifacts are not there (see images/README.md)`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as Manifest;
  } catch (e) {
    throw new ArtifactError(`${dir}/manifest.json is not valid JSON: ${(e as Error).message}`);
  }
}

/** Loads one committed artifact and refuses it unless size and sha256 match its manifest. */
export async function loadVerified(
  source: ArtifactSource, manifest: Manifest, file: string, onProgress?: Progress, dir: ArtifactDir = 'vm',
): Promise<Uint8Array> {
  const entry = manifest.files.find((f) => f.file === file);
  if (!entry) throw new ArtifactError(`${file} is not listed in ${dir}/manifest.json`);
  const bytes = await source.read(`${dir}/${file}`, onProgress);
  if (!bytes) throw new ArtifactError(`${dir}/${file} is missing`);
  await verify(`${dir}/${file}`, bytes, entry.size, entry.sha256);
  return bytes;
}

export async function verify(name: string, bytes: Uint8Array, size: number, sha256: string): Promise<void> {
  if (bytes.length !== size) throw new ArtifactError(`${name} is damaged: ${bytes.length} bytes, the manifest says ${size}`);
  const actual = await sha256Hex(bytes);
  if (actual !== sha256) throw new ArtifactError(`${name} is damaged: sha256 ${actual.slice(0, 16)}…, the manifest says ${sha256.slice(0, 16)}…`);
}

/** The key a saved state is valid for: every input that shapes the booted machine. */
export async function stateKey(parts: { manifests: Manifest[]; guestFiles: Record<string, Uint8Array>; v86Version: string; machine: string }): Promise<string> {
  const guestCode: [string, string][] = [];
  for (const [name, bytes] of Object.entries(parts.guestFiles).sort()) guestCode.push([name, await sha256Hex(bytes)]);
  const text = JSON.stringify({
    files: parts.manifests.flatMap((m) => m.files.map((f) => [f.file, f.sha256])),
    guestCode,
    v86: parts.v86Version,
    machine: parts.machine,
  });
  return sha256Hex(new TextEncoder().encode(text));
}
