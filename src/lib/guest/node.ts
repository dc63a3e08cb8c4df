// Node side of the guest session: artifacts from the repo's public/ folder, v86.wasm from node_modules.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArtifactSource } from './artifacts';
import { GuestSession, type GuestOptions } from './session';
import { loadTinyVmFiles, TinyVm, type TinyVmOptions } from './tiny-vm';

const require = createRequire(import.meta.url);
export const REPO_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const PUBLIC_DIR = join(REPO_DIR, 'public');
export const V86_WASM_PATH = require.resolve('v86/build/v86.wasm');
export const V86_VERSION: string = require('v86/package.json').version;

export function fileSource(root = PUBLIC_DIR): ArtifactSource {
  return {
    async read(path, onProgress) {
      try {
        const bytes = new Uint8Array(await readFile(join(root, path)));
        onProgress?.(bytes.length, bytes.length);
        return bytes;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}

export function bootNodeGuest(options: Partial<GuestOptions> = {}): Promise<GuestSession> {
  return GuestSession.boot({ source: fileSource(), wasmPath: V86_WASM_PATH, v86Version: V86_VERSION, ...options });
}

/** The second machine (DockOS), its files from public/vm, checked against the manifest. */
export async function bootNodeTinyVm(options: Partial<TinyVmOptions> = {}): Promise<TinyVm> {
  return TinyVm.boot({ wasmPath: V86_WASM_PATH, files: options.files ?? (await loadTinyVmFiles(fileSource())), ...options });
}
