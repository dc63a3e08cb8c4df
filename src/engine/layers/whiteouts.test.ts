// Unpacking a layer tar: whiteout files become overlay markers, or deletions when flattening.
import { describe, expect, it } from 'vitest';
import { cleanTarPath, planUnpack, splitPath, tarName, whiteoutTarName, type TarEntry } from './whiteouts';

describe('paths', () => {
  it.each([['/a/b/c', ['/a/b', 'c']], ['/x', ['/', 'x']], ['/', ['/', '']]])('splitPath(%s)', (path, parts) => {
    expect(splitPath(path)).toEqual(parts);
  });

  it.each([['/etc/motd', 'etc/.wh.motd'], ['/tmp', '.wh.tmp'], ['/a/b/.hidden', 'a/b/.wh..hidden']])(
    'whiteoutTarName(%s) = %s', (path, name) => expect(whiteoutTarName(path)).toBe(name),
  );

  it('ends directory names with a slash', () => {
    expect(tarName('/etc', true)).toBe('etc/');
    expect(tarName('/etc/passwd', false)).toBe('etc/passwd');
  });

  it.each([
    ['etc/passwd', '/etc/passwd'], ['./etc/', '/etc'], ['/abs/x', '/abs/x'], ['a//b/./c', '/a/b/c'],
    ['a/../b', '/b'], ['.', '/'], ['../x', null], ['a/../../x', null],
  ])('cleanTarPath(%j) = %j', (name, path) => expect(cleanTarPath(name)).toBe(path));
});

const file = (name: string): TarEntry => ({ name, type: 'file', mode: 0o644, size: 1 });
const dir = (name: string): TarEntry => ({ name, type: 'dir', mode: 0o755 });
const LAYER: TarEntry[] = [
  dir('etc/'),
  { name: 'etc/.wh.motd', type: 'file', size: 0, uid: 0, gid: 0 },
  dir('var/'),
  dir('var/cache/'),
  file('var/cache/new'),
  { name: 'var/cache/.wh..wh..opq', type: 'file', size: 0 },
  { name: 'var/.wh..wh.plnk', type: 'dir' },
  { name: '.wh.tmp', type: 'file', size: 0 },
  { name: 'bin/sh', type: 'symlink', linkname: 'busybox' },
];

describe('planUnpack', () => {
  it('keeps deletions as overlay markers in a layer directory', () => {
    expect(planUnpack(LAYER, 'overlay')).toEqual({
      ok: true,
      ops: [
        { op: 'create', path: '/etc', entry: LAYER[0] },
        { op: 'whiteout', path: '/etc/motd', uid: 0, gid: 0 },
        { op: 'create', path: '/var', entry: LAYER[2] },
        { op: 'create', path: '/var/cache', entry: LAYER[3] },
        { op: 'create', path: '/var/cache/new', entry: LAYER[4] },
        { op: 'opaque', path: '/var/cache' },
        { op: 'whiteout', path: '/tmp', uid: undefined, gid: undefined },
        { op: 'create', path: '/bin/sh', entry: LAYER[8] },
      ],
    });
  });

  it('deletes when applying onto the layers below, keeping what this layer put in an opaque dir', () => {
    const plan = planUnpack(LAYER, 'apply');
    expect(plan.ok && plan.ops.filter((o) => o.op !== 'create')).toEqual([
      { op: 'remove', path: '/etc/motd' },
      { op: 'clear-dir', path: '/var/cache', keep: ['/var/cache/new'] },
      { op: 'remove', path: '/tmp' },
    ]);
  });

  it('clears the root when the marker is at the top', () => {
    const plan = planUnpack([file('a'), { name: '.wh..wh..opq', type: 'file' }], 'apply');
    expect(plan.ok && plan.ops[1]).toEqual({ op: 'clear-dir', path: '/', keep: ['/a'] });
  });

  it('skips the root entry', () => {
    expect(planUnpack([dir('./')], 'overlay')).toEqual({ ok: true, ops: [] });
  });

  it.each([
    [[file('../escape')], '"../escape" is outside of the layer'],
    [[file('a/../../escape')], '"a/../../escape" is outside of the layer'],
    [[{ name: 'x', type: 'hardlink', linkname: '../../etc/shadow' } as TarEntry], 'invalid hardlink "../../etc/shadow" in "x"'],
  ])('refuses a member that leaves the layer', (entries, error) => {
    expect(planUnpack(entries, 'apply')).toEqual({ ok: false, error });
  });
});
