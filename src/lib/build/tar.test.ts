import { describe, expect, it } from 'vitest';
import { headerChecksum, splitName, writeTar } from './tar';

/** A tiny ustar reader, only for checking what writeTar made. */
function readTar(bytes: Uint8Array) {
  const dec = new TextDecoder();
  const str = (b: Uint8Array) => dec.decode(b.subarray(0, b.indexOf(0) < 0 ? b.length : b.indexOf(0)));
  const num = (b: Uint8Array) => parseInt(str(b).trim() || '0', 8);
  const entries: Array<{ path: string; type: string; mode: number; mtime: number; size: number; data: string; checksumOk: boolean; magic: string }> = [];
  let offset = 0;
  while (offset + 512 <= bytes.length) {
    const h = bytes.subarray(offset, offset + 512);
    if (h.every((b) => b === 0)) break;
    const name = str(h.subarray(0, 100));
    const prefix = str(h.subarray(345, 500));
    const size = num(h.subarray(124, 136));
    const data = bytes.subarray(offset + 512, offset + 512 + size);
    entries.push({
      path: prefix ? `${prefix}/${name}` : name, type: String.fromCharCode(h[156]), mode: num(h.subarray(100, 108)),
      mtime: num(h.subarray(136, 148)), size, data: dec.decode(data),
      checksumOk: num(h.subarray(148, 156)) === headerChecksum(h), magic: dec.decode(h.subarray(257, 265)),
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return { entries, end: offset };
}

describe('writeTar', () => {
  it('round-trips files and directories with their mode, mtime and contents', () => {
    const tar = writeTar([
      { name: 'Dockerfile', data: 'FROM busybox\n', mtime: 1_700_000_000 },
      { name: 'bin/', type: 'dir', mtime: 5 },
      { name: 'bin/hello.sh', data: '#!/bin/sh\necho 안녕\n', mode: 0o755 },
      { name: 'empty.txt', data: '' },
    ]);
    expect(tar.length % 512).toBe(0);
    const { entries, end } = readTar(tar);
    expect(entries.map((e) => [e.path, e.type, e.mode, e.mtime, e.data])).toEqual([
      ['Dockerfile', '0', 0o644, 1_700_000_000, 'FROM busybox\n'],
      ['bin/', '5', 0o755, 5, ''],
      ['bin/hello.sh', '0', 0o755, 0, '#!/bin/sh\necho 안녕\n'],
      ['empty.txt', '0', 0o644, 0, ''],
    ]);
    expect(entries.every((e) => e.checksumOk && e.magic === 'ustar\u000000')).toBe(true);
    // the size counts bytes, not characters
    expect(entries[2].size).toBe(new TextEncoder().encode('#!/bin/sh\necho 안녕\n').length);
    // two zero blocks end the archive
    expect(tar.length - end).toBe(1024);
    expect(tar.subarray(end).every((b) => b === 0)).toBe(true);
  });

  it('pads file data to whole blocks', () => {
    const tar = writeTar([{ name: 'a', data: 'x'.repeat(513) }, { name: 'b', data: 'y' }]);
    expect(tar.length).toBe(512 + 1024 + 512 + 512 + 1024);
    expect(readTar(tar).entries.map((e) => [e.path, e.size])).toEqual([['a', 513], ['b', 1]]);
  });

  it('puts long paths in the prefix field', () => {
    const dir = 'd'.repeat(120);
    const path = `${dir}/${'f'.repeat(90)}`;
    expect(splitName(path)).toEqual({ prefix: dir, name: 'f'.repeat(90) });
    const { entries } = readTar(writeTar([{ name: path, data: 'long' }]));
    expect(entries[0]).toMatchObject({ path, data: 'long', checksumOk: true });
  });

  it('drops a leading ./ and refuses what ustar cannot hold', () => {
    expect(readTar(writeTar([{ name: './x', data: '1' }])).entries[0].path).toBe('x');
    expect(() => writeTar([{ name: 'n'.repeat(101), data: '' }])).toThrow(/too long/);
    expect(() => writeTar([{ name: '', data: '' }])).toThrow(/name/);
  });
});
