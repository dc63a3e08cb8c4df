// `npm run build` step: bundles the guest code into public/generated/, then boots the
// guest in Node from the committed artifacts and saves its state (zstd) for instant start.
// Skipped when public/generated/state.json already matches the current inputs.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadManifest, stateKey, type StateInfo } from '../src/lib/guest/artifacts';
import { MACHINE_FINGERPRINT } from '../src/lib/guest/machine-config';
import { bootNodeGuest, fileSource, PUBLIC_DIR, V86_VERSION } from '../src/lib/guest/node';
import { sha256Hex } from '../src/lib/guest/sha256';
import { bundleGuest } from './lib/bundle-guest';

const GENERATED = join(PUBLIC_DIR, 'generated');
const STATE_FILE = 'state.bin.zst';

export async function buildState({ force = false, log = console.error } = {}): Promise<StateInfo> {
  await mkdir(GENERATED, { recursive: true });
  const guestFiles = await bundleGuest();
  for (const [name, bytes] of Object.entries(guestFiles)) await writeFile(join(GENERATED, name), bytes);
  const manifests = [await loadManifest(fileSource(), 'vm'), await loadManifest(fileSource(), 'images')];
  const key = await stateKey({ manifests, guestFiles, v86Version: V86_VERSION, machine: MACHINE_FINGERPRINT });

  const previous = await readFile(join(GENERATED, 'state.json'), 'utf8').then(JSON.parse, () => null) as StateInfo | null;
  if (!force && previous?.key === key) {
    const bytes = await readFile(join(GENERATED, previous.file)).catch(() => null);
    if (bytes && (await sha256Hex(bytes)) === previous.sha256) {
      log(`[state] up to date (${(previous.size / 1e6).toFixed(1)} MB, key ${key.slice(0, 12)})`);
      return previous;
    }
  }

  log('[state] booting the guest in Node to save its state…');
  const started = performance.now();
  const guest = await bootNodeGuest({ mode: 'cold', guestFiles, addons: false }); // the add-ons come after the first shell
  // The engine imports the base images at its first start: wait for it to answer, then let
  // the shell print its prompt and the system settle before freezing it.
  const engine = await guest.exec('for i in $(seq 120); do docker version >/dev/null 2>&1 && exit 0; sleep 0.5; done; exit 1', { timeoutMs: 90_000 });
  if (engine.exitCode !== 0) throw new Error(`the engine daemon did not start:\n${(await guest.exec('cat /var/log/dockhand/dockhandd.log')).stdout}`);
  await guest.exec('sync; echo 3 > /proc/sys/vm/drop_caches');
  await new Promise((r) => setTimeout(r, 500));
  const raw = new Uint8Array(await guest.saveState());
  await guest.destroy();
  const compressed = zstd(raw);
  await writeFile(join(GENERATED, STATE_FILE), compressed);
  const info: StateInfo = {
    key, file: STATE_FILE, size: compressed.length, sha256: await sha256Hex(compressed), createdAt: new Date().toISOString(),
  };
  await writeFile(join(GENERATED, 'state.json'), JSON.stringify(info, null, 2) + '\n');
  log(`[state] saved ${(raw.length / 1e6).toFixed(1)} MB → ${(compressed.length / 1e6).toFixed(1)} MB zstd in ${Math.round(performance.now() - started)} ms`);
  return info;
}

/**
 * --ultra -22: a window as large as the state (its pages repeat far apart), 6.2 MB instead of
 * -19's 7.4 MB for the same 27.8 MB; v86 decompresses it as it is.
 */
function zstd(input: Uint8Array): Uint8Array {
  const result = spawnSync('zstd', ['--ultra', '-22', '-q', '-c'], { input, maxBuffer: 1 << 30 });
  if (result.error) throw new Error(`zstd is needed to compress the saved state (apt-get install zstd): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`zstd failed: ${result.stderr}`);
  return new Uint8Array(result.stdout);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildState({ force: process.argv.includes('--force') }).then(
    () => process.exit(0),
    (error) => { console.error(`[state] ${error.message ?? error}`); process.exit(1); },
  );
}
