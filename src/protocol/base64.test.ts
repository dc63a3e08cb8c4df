// Protects the control channel's base64: it must agree with Node's Buffer byte for byte, both ways.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

const SIZES = [0, 1, 2, 3, 4, 5, 6, 7, 255, 256, 257, 6143, 6144, 6145, 100_000, 1_000_001];

describe('base64', () => {
  it.each(SIZES)('encodes and decodes %i random bytes like Buffer', (size) => {
    const bytes = new Uint8Array(randomBytes(size));
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(base64ToBytes(bytesToBase64(bytes)))).toEqual(Array.from(bytes));
  });

  it.each([['QQ==', [65]], ['QQ', [65]], ['QUI=', [65, 66]], ['QUJD', [65, 66, 67]], ['', []]])(
    'decodes %j with or without padding', (text, expected) => {
      expect(Array.from(base64ToBytes(text))).toEqual(expected);
    });

  it.each(['QU!D', 'QU D', 'QUé=', 'QU\nD'])('rejects %j', (text) => {
    expect(() => base64ToBytes(text)).toThrow(/invalid base64 character at 2/);
  });
});
