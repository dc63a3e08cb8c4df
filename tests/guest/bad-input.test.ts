// Bad input is reported, not hung on: a damaged artifact names itself; a guest whose agent
// never answers is reported with the last console lines; a stale saved state is not used.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactError } from '../../src/lib/guest/artifacts';
import { bootNodeGuest, fileSource, PUBLIC_DIR } from '../../src/lib/guest/node';
import { GuestBootError } from '../../src/lib/guest/session';
import { bundleGuest } from '../../scripts/lib/bundle-guest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dockhand-bad-'));
  await cp(PUBLIC_DIR, dir, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('bad input', () => {
  it('refuses a damaged kernel with its name and the manifest hash', async () => {
    const path = join(dir, 'vm/bzImage');
    const kernel = await readFile(path);
    await writeFile(path, kernel.map((byte, i) => (i === 5000 ? byte ^ 0x55 : byte)));
    try {
      const boot = bootNodeGuest({ source: fileSource(dir), mode: 'cold' });
      await expect(boot).rejects.toThrow(ArtifactError);
      await expect(boot).rejects.toThrow(/vm\/bzImage is damaged: sha256 [0-9a-f]{16}…, the manifest says/);
    } finally {
      await writeFile(path, kernel);
    }
  });

  it('reports a guest that never becomes ready, with its last console lines', async () => {
    const brokenAgent = new TextEncoder().encode('throw new Error("agent broken on purpose");\n');
    const guestFiles = { ...(await bundleGuest()), 'agent.js': brokenAgent };
    const boot = bootNodeGuest({ mode: 'cold', guestFiles, readyTimeoutMs: 40_000 });
    await expect(boot).rejects.toThrow(GuestBootError);
    const error = (await boot.catch((e) => e)) as GuestBootError;
    expect(error.message).toMatch(/did not become ready within 40 s/);
    expect(error.consoleTail).toMatch(/agent broken on purpose|dockhand: ready/);
  }, 90_000);

  it('does not restore a saved state made from other artifacts', async () => {
    const info = JSON.parse(await readFile(join(dir, 'generated/state.json'), 'utf8'));
    await writeFile(join(dir, 'generated/state.json'), JSON.stringify({ ...info, key: '0'.repeat(64) }));
    const guest = await bootNodeGuest({ source: fileSource(dir) });
    try {
      expect(guest.bootMode).toBe('cold');
      expect(guest.snapshotFallbackReason).toMatch(/other artifacts/);
    } finally {
      await guest.destroy();
    }
  }, 90_000);
});
