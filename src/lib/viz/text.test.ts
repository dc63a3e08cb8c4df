import { describe, expect, it } from 'vitest';
import { fit, formatBytes, formatMs, shortDigest } from './text';

describe('text helpers', () => {
  it('fit cuts to the width with an ellipsis', () => {
    expect(fit('hello', 100, 14)).toBe('hello');
    expect(fit('a long label that does not fit', 84, 14)).toBe('a long la…');
    expect(fit('x', 5, 14)).toBe('');
  });
  it('formats digests, bytes and times', () => {
    expect(shortDigest('sha256:0123456789abcdef')).toBe('0123456789ab');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_134_592)).toBe('1.13 MB');
    expect(formatBytes(4096)).toBe('4.1 kB');
    expect(formatMs(0.421)).toBe('0.42 ms');
    expect(formatMs(1250)).toBe('1.25 s');
  });
});

describe('fit with wide glyphs', () => {
  it('counts Hangul as a whole em', () => {
    expect(fit('네임스페이스', 14 * 3, 14)).toBe('네임…');
    expect(fit('abc', 14 * 3, 14)).toBe('abc');
  });
});
