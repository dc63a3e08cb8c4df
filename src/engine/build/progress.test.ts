import { describe, expect, it } from 'vitest';
import { describeLayer, formatSeconds, successLines } from './progress';

describe('build progress lines', () => {
  it('names a layer by its short diff_id and size', () => {
    expect(describeLayer('sha256:3f2a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789abcd', 1536)).toBe('3f2a1b2c3d4e (layer, 1.536kB)');
  });
  it('times in seconds, success as Docker prints it', () => {
    expect(formatSeconds(842)).toBe('0.84 s');
    expect(successLines('sha256:9f8e7d6c5b4a3f2a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef01', ['hello:1'])).toBe('Successfully built 9f8e7d6c5b4a\nSuccessfully tagged hello:1\n');
  });
});
