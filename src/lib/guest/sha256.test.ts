// Protects the pure SHA-256 fallback (used where WebCrypto is missing) against node:crypto.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex, sha256Pure } from './sha256';

const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('sha256', () => {
  afterEach(() => vi.unstubAllGlobals());

  // 55/56 and 119/120 are where the length field stops fitting in the last block
  it.each([0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 1_000_000])('sha256Pure of %i random bytes matches node:crypto', (size) => {
    const bytes = new Uint8Array(randomBytes(size));
    expect(sha256Pure(bytes)).toBe(nodeSha(bytes));
  });

  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('knows the standard vector for %j', (text, hex) => {
    expect(sha256Pure(new TextEncoder().encode(text))).toBe(hex);
  });

  it('hashes a subarray view by its own bytes only', () => {
    const whole = new Uint8Array(randomBytes(300));
    const view = whole.subarray(17, 217);
    expect(sha256Pure(view)).toBe(nodeSha(view));
  });

  it('sha256Hex agrees with and without WebCrypto', async () => {
    const bytes = new Uint8Array(randomBytes(5000));
    expect(await sha256Hex(bytes)).toBe(nodeSha(bytes));
    vi.stubGlobal('crypto', {});
    expect(await sha256Hex(bytes)).toBe(nodeSha(bytes));
  });
});
