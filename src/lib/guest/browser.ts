// Browser side of the guest session: artifacts fetched from the site (with download
// progress), v86.wasm by the URL Vite gives it.
import v86WasmUrl from 'v86/build/v86.wasm?url';
import v86Package from 'v86/package.json';
import type { ArtifactSource, Progress } from './artifacts';
import { GuestSession, type GuestOptions } from './session';
import { bootSecondVm, loadSecondVmFiles, type SecondVm, type SecondVmFiles, type VmKind } from './second-vm';

export function fetchSource(base = import.meta.env.BASE_URL): ArtifactSource {
  return {
    async read(path: string, onProgress?: Progress) {
      const response = await fetch(base + path, { cache: 'no-cache' });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      const total = Number(response.headers.get('content-length') ?? 0);
      if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let loaded = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.length;
        onProgress(loaded, Math.max(total, loaded));
      }
      const bytes = new Uint8Array(loaded);
      let offset = 0;
      for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
      return bytes;
    },
  };
}

export function bootBrowserGuest(options: Partial<GuestOptions> = {}): Promise<GuestSession> {
  return GuestSession.boot({ source: fetchSource(), wasmPath: v86WasmUrl, v86Version: v86Package.version, ...options });
}

/** What this browser lacks to run the guest, in words for the student; null when all is there. */
export function missingCapability(): string | null {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.Memory !== 'function') {
    return 'This browser has no WebAssembly, which the emulator needs. Please use a current Chrome, Edge, Firefox or Safari.';
  }
  try {
    // The guest's 128 MB of RAM plus the emulator's own memory, allocated up front.
    new WebAssembly.Memory({ initial: (192 * 1024 * 1024) / 65536 });
  } catch {
    return 'This browser tab could not get the ~200 MB of memory the virtual machine needs. Close other tabs and reload.';
  }
  return null;
}

/** The VM page's second machine of either kind (the Linux VM or DockOS): its files fetched and verified. */
export function loadBrowserSecondVmFiles(kind: VmKind): Promise<SecondVmFiles> {
  return loadSecondVmFiles(fetchSource(), kind);
}

export function bootBrowserSecondVm(files: SecondVmFiles): Promise<SecondVm> {
  return bootSecondVm(v86WasmUrl, files);
}
