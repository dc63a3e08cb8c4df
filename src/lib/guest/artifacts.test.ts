// Protects artifact loading: damaged files are refused by name, and the saved-state key tracks every input.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ArtifactError, loadManifest, loadVerified, stateKey, type ArtifactSource, type Manifest } from './artifacts';

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const KERNEL = new TextEncoder().encode('pretend this is a bzImage');

/** An in-memory ArtifactSource: paths below public/ → bytes. */
function memorySource(files: Record<string, Uint8Array | string>): ArtifactSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async read(path, onProgress) {
      reads.push(path);
      const f = files[path];
      if (f === undefined) return null;
      const bytes = typeof f === 'string' ? new TextEncoder().encode(f) : f.slice();
      onProgress?.(bytes.length, bytes.length);
      return bytes;
    },
  };
}

const manifest: Manifest = {
  format: 1, recipeSha256: 'r',
  files: [{ file: 'bzImage', size: KERNEL.length, sha256: hex(KERNEL), source: 'test' }],
};

describe('loadVerified', () => {
  it('returns the bytes when size and sha256 match, reporting progress', async () => {
    const progress: number[] = [];
    const bytes = await loadVerified(memorySource({ 'vm/bzImage': KERNEL }), manifest, 'bzImage', (n) => progress.push(n));
    expect(Array.from(bytes)).toEqual(Array.from(KERNEL));
    expect(progress).toEqual([KERNEL.length]);
  });

  const damaged = KERNEL.slice();
  damaged[3] ^= 1;
  it.each([
    ['a size mismatch', { 'vm/bzImage': KERNEL.subarray(1) }, /vm\/bzImage is damaged: \d+ bytes, the manifest says \d+/],
    ['a hash mismatch', { 'vm/bzImage': damaged }, /vm\/bzImage is damaged: sha256 [0-9a-f]{16}…, the manifest says [0-9a-f]{16}…/],
    ['a missing file', {}, /vm\/bzImage is missing/],
  ])('refuses %s, naming the file', async (_, files, message) => {
    const load = loadVerified(memorySource(files), manifest, 'bzImage');
    await expect(load).rejects.toThrow(ArtifactError);
    await expect(load).rejects.toThrow(message);
  });

  it('refuses a file the manifest does not list, without reading it', async () => {
    const source = memorySource({ 'vm/seabios.bin': 'bios' });
    await expect(loadVerified(source, manifest, 'seabios.bin')).rejects.toThrow(/seabios\.bin is not listed in vm\/manifest\.json/);
    expect(source.reads).toEqual([]);
  });
});

describe('loadManifest', () => {
  it('parses vm/manifest.json', async () => {
    expect(await loadManifest(memorySource({ 'vm/manifest.json': JSON.stringify(manifest) }))).toEqual(manifest);
  });

  it.each([
    ['missing', {}, /vm\/manifest\.json is missing/],
    ['not JSON', { 'vm/manifest.json': '{nope' }, /vm\/manifest\.json is not valid JSON/],
  ])('refuses a manifest that is %s', async (_, files, message) => {
    await expect(loadManifest(memorySource(files))).rejects.toThrow(message);
  });
});

describe('stateKey', () => {
  const code = (text: string) => new TextEncoder().encode(text);
  const guestFiles = { 'agent.js': code('agent v1'), 'engine.js': code('engine v1') };
  const base = { manifests: [manifest], guestFiles, v86Version: '0.5.462', machine: '{"mem":128}' };

  it('is a stable sha256 hex for the same inputs', async () => {
    const key = await stateKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const sameFiles = { 'engine.js': code('engine v1'), 'agent.js': code('agent v1') };
    expect(await stateKey({ ...base, guestFiles: sameFiles, manifests: [structuredClone(manifest)] })).toBe(key);
  });

  it.each([
    ['an artifact hash', { manifests: [{ ...manifest, files: [{ ...manifest.files[0], sha256: '0'.repeat(64) }] }] }],
    ['an artifact name', { manifests: [{ ...manifest, files: [{ ...manifest.files[0], file: 'bzImage2' }] }] }],
    ['an added artifact', { manifests: [{ ...manifest, files: [...manifest.files, { file: 'x', size: 1, sha256: 'a', source: '' }] }] }],
    ['an added manifest', { manifests: [manifest, { ...manifest, files: [{ file: 'y', size: 1, sha256: 'b', source: '' }] }] }],
    ['the agent', { guestFiles: { ...guestFiles, 'agent.js': code('agent v2') } }],
    ['the engine', { guestFiles: { ...guestFiles, 'engine.js': code('engine v2') } }],
    ['the v86 version', { v86Version: '0.5.463' }],
    ['the machine', { machine: '{"mem":256}' }],
  ])('changes when %s changes', async (_, change) => {
    expect(await stateKey({ ...base, ...change })).not.toBe(await stateKey(base));
  });
});
