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

/** The artifacts a cold boot needs, in the order they are fetched. */
export const BOOT_FILES = ['seabios.bin', 'vgabios.bin', 'bzImage', 'initramfs.img'] as const;
export type BootFile = (typeof BOOT_FILES)[number];

export async function loadManifest(source: ArtifactSource): Promise<Manifest> {
  const bytes = await source.read('vm/manifest.json');
  if (!bytes) throw new ArtifactError('vm/manifest.json is missing: the guest artifacts are not there (see images/README.md)');
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as Manifest;
  } catch (e) {
    throw new ArtifactError(`vm/manifest.json is not valid JSON: ${(e as Error).message}`);
  }
}

/** Loads one committed artifact and refuses it unless size and sha256 match the manifest. */
export async function loadVerified(source: ArtifactSource, manifest: Manifest, file: BootFile, onProgress?: Progress): Promise<Uint8Array> {
  const entry = manifest.files.find((f) => f.file === file);
  if (!entry) throw new ArtifactError(`${file} is not listed in vm/manifest.json`);
  const bytes = await source.read(`vm/${file}`, onProgress);
  if (!bytes) throw new ArtifactError(`vm/${file} is missing`);
  await verify(`vm/${file}`, bytes, entry.size, entry.sha256);
  return bytes;
}

export async function verify(name: string, bytes: Uint8Array, size: number, sha256: string): Promise<void> {
  if (bytes.length !== size) throw new ArtifactError(`${name} is damaged: ${bytes.length} bytes, the manifest says ${size}`);
  const actual = await sha256Hex(bytes);
  if (actual !== sha256) throw new ArtifactError(`${name} is damaged: sha256 ${actual.slice(0, 16)}…, the manifest says ${sha256.slice(0, 16)}…`);
}

/** The key a saved state is valid for: every input that shapes the booted machine. */
export async function stateKey(parts: { manifest: Manifest; guestFiles: Record<string, Uint8Array>; v86Version: string; machine: string }): Promise<string> {
  const guestCode: [string, string][] = [];
  for (const [name, bytes] of Object.entries(parts.guestFiles).sort()) guestCode.push([name, await sha256Hex(bytes)]);
  const text = JSON.stringify({
    files: parts.manifest.files.map((f) => [f.file, f.sha256]),
    guestCode,
    v86: parts.v86Version,
    machine: parts.machine,
  });
  return sha256Hex(new TextEncoder().encode(text));
}
