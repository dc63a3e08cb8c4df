// Node side of the guest session: artifacts from the repo's public/ folder, v86.wasm from node_modules.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NFTABLES_UNPACKED } from '../../protocol/engine';
import type { ArtifactSource } from './artifacts';
import { GuestSession, type GuestOptions } from './session';
import { LinuxVm, loadLinuxVmFiles, type LinuxVmOptions } from './linux-vm';
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

/**
 * Waits until the nftables add-on is delivered and unpacked in the guest: a few seconds of guest CPU
 * after boot, so measurements taken before it are skewed and -p needs it.
 */
export async function waitForNftables(guest: GuestSession, timeoutMs = 60_000): Promise<void> {
  await guest.addonsDelivered;
  const tries = Math.ceil(timeoutMs / 200);
  const result = await guest.exec(`for i in $(seq ${tries}); do [ -e ${NFTABLES_UNPACKED} ] && exit 0; sleep 0.2; done; exit 1`, { timeoutMs: timeoutMs + 10_000 });
  if (result.exitCode !== 0) throw new Error(`the nftables add-on was not unpacked within ${timeoutMs} ms`);
}

export function bootNodeGuest(options: Partial<GuestOptions> = {}): Promise<GuestSession> {
  return GuestSession.boot({ source: fileSource(), wasmPath: V86_WASM_PATH, v86Version: V86_VERSION, ...options });
}

/** The second machine (DockOS), its files from public/vm, checked against the manifest. */
export async function bootNodeTinyVm(options: Partial<TinyVmOptions> = {}): Promise<TinyVm> {
  return TinyVm.boot({ wasmPath: V86_WASM_PATH, files: options.files ?? (await loadTinyVmFiles(fileSource())), ...options });
}

/** The VM page's Linux VM (Linux 6.1), its files from public/vm, checked against the manifest. */
export async function bootNodeLinuxVm(options: Partial<LinuxVmOptions> = {}): Promise<LinuxVm> {
  return LinuxVm.boot({ wasmPath: V86_WASM_PATH, files: options.files ?? (await loadLinuxVmFiles(fileSource())), ...options });
}
