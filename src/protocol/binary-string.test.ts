// Binary strings carry bytes across the control channel: every byte value must survive.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { binaryToBytes, bytesToBinary } from './binary-string';

describe('binary strings', () => {
  it.each([0, 1, 255, 256, 8191, 8192, 8193, 100_000])('round-trips %i random bytes', (n) => {
    const bytes = new Uint8Array(randomBytes(n));
    const text = bytesToBinary(bytes);
    expect(text.length).toBe(n);
    expect(Buffer.from(binaryToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
    expect(text).toBe(Buffer.from(bytes).toString('latin1'));
  });

  it('converts only the first `length` bytes when asked', () => {
    expect(bytesToBinary(Uint8Array.of(65, 66, 67, 68), 2)).toBe('AB');
  });

  it('maps every byte value to the char with that code', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...bytesToBinary(all)].map((c) => c.charCodeAt(0))).toEqual([...all]);
  });
});
