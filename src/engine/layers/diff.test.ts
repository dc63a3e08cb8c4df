// `docker diff` and the commit layer, planned from an overlay upper dir listing.
import { describe, expect, it } from 'vitest';
import { dockerDiff, formatChanges, hideInitLayer, planLayerTar, walkOrder, type LowerEntry, type UpperEntry } from './diff';
import { planUnpack } from './whiteouts';

const IMAGE: LowerEntry[] = [
  { path: '/bin', kind: 'dir' }, { path: '/bin/sh', kind: 'symlink' },
  { path: '/etc', kind: 'dir', size: 4096, mode: 0o755, mtime: 100 },
  { path: '/etc/motd', kind: 'file' }, { path: '/etc/profile', kind: 'file' },
  { path: '/etc/ssl', kind: 'dir' }, { path: '/etc/ssl/cert.pem', kind: 'file' },
  { path: '/tmp', kind: 'dir' }, { path: '/var', kind: 'dir', size: 4096, mode: 0o755, mtime: 100 },
  { path: '/var/log', kind: 'dir' },
];

const diff = (upper: UpperEntry[]) => formatChanges(dockerDiff(upper, IMAGE));

describe('dockerDiff', () => {
  it.each<[string, UpperEntry[], string[]]>([
    ['a changed file and its directory', [
      { path: '/etc', kind: 'dir' }, { path: '/etc/profile', kind: 'file' },
    ], ['C /etc', 'C /etc/profile']],
    ['an added file', [
      { path: '/etc', kind: 'dir' }, { path: '/etc/hello', kind: 'file' },
    ], ['C /etc', 'A /etc/hello']],
    ['a deleted file (whiteout)', [
      { path: '/etc', kind: 'dir' }, { path: '/etc/motd', kind: 'whiteout' },
    ], ['C /etc', 'D /etc/motd']],
    ['an added directory tree', [
      { path: '/app', kind: 'dir' }, { path: '/app/src', kind: 'dir' }, { path: '/app/src/main.lua', kind: 'file' },
    ], ['A /app', 'A /app/src', 'A /app/src/main.lua']],
    ['missing ancestors filled in', [
      { path: '/var/log/app.log', kind: 'file' },
    ], ['C /var', 'C /var/log', 'A /var/log/app.log']],
    ['a deleted directory', [
      { path: '/etc', kind: 'dir' }, { path: '/etc/ssl', kind: 'whiteout' },
    ], ['C /etc', 'D /etc/ssl']],
    ['an opaque directory, as Docker reports it', [
      { path: '/etc', kind: 'dir' }, { path: '/etc/ssl', kind: 'dir', opaque: true },
      { path: '/etc/ssl/cert.pem', kind: 'file' }, { path: '/etc/ssl/new.pem', kind: 'file' },
    ], ['C /etc', 'D /etc/ssl', 'C /etc/ssl/cert.pem', 'A /etc/ssl/new.pem']],
    ['a symlink replaced', [{ path: '/bin/sh', kind: 'symlink', target: 'dash' }], ['C /bin', 'C /bin/sh']],
    ['nothing', [], []],
  ])('%s', (_, upper, lines) => {
    expect(diff(upper)).toEqual(lines);
  });

  it('lists in walk order: a directory before its contents, /a/b before /a-c', () => {
    const upper: UpperEntry[] = [
      { path: '/a-c', kind: 'file' }, { path: '/a/b', kind: 'file' }, { path: '/a', kind: 'dir' }, { path: '/B', kind: 'file' },
    ];
    expect(dockerDiff(upper, []).map((c) => c.path)).toEqual(['/B', '/a', '/a/b', '/a-c']);
  });

  it('skips a directory whose size, mode and mtime match the image, but reports it as parent of an A or D', () => {
    const same = { size: 4096, mode: 0o755, mtime: 100 };
    expect(diff([{ path: '/etc', kind: 'dir', ...same }, { path: '/etc/motd', kind: 'whiteout' }]))
      .toEqual(['C /etc', 'D /etc/motd']);
    expect(diff([{ path: '/etc', kind: 'dir', ...same }, { path: '/etc/profile', kind: 'file' }]))
      .toEqual(['C /etc/profile']);
    expect(diff([{ path: '/etc', kind: 'dir', ...same, mtime: 101 }, { path: '/etc/profile', kind: 'file' }]))
      .toEqual(['C /etc', 'C /etc/profile']);
  });

  it('ignores the root of the upper dir', () => {
    expect(diff([{ path: '/', kind: 'dir' }, { path: '/new', kind: 'file' }])).toEqual(['A /new']);
  });
});

describe('walkOrder', () => {
  it('sorts component by component', () => {
    expect(['/a-c', '/a/b', '/a', '/a/b/c', '/ab'].sort(walkOrder)).toEqual(['/a', '/a/b', '/a/b/c', '/a-c', '/ab']);
  });
});

describe('planLayerTar', () => {
  const UPPER: UpperEntry[] = [
    { path: '/etc/motd', kind: 'whiteout' },
    { path: '/etc', kind: 'dir', mode: 0o755 },
    { path: '/etc/ssl', kind: 'dir', mode: 0o700, opaque: true },
    { path: '/etc/ssl/new.pem', kind: 'file', mode: 0o600, size: 1234 },
    { path: '/bin/sh', kind: 'symlink', target: 'dash', mode: 0o777 },
    { path: '/dev/null2', kind: 'other', mode: 0o666 },
  ];

  it('writes whiteouts as .wh. files and opaque dirs with a .wh..wh..opq member', () => {
    expect(planLayerTar(UPPER)).toEqual([
      { name: 'bin/', type: 'dir', mode: 0o755, size: 0, source: '/bin' },
      { name: 'bin/sh', type: 'symlink', mode: 0o777, size: 0, linkname: 'dash', source: '/bin/sh' },
      { name: 'dev/', type: 'dir', mode: 0o755, size: 0, source: '/dev' },
      { name: 'dev/null2', type: 'other', mode: 0o666, size: 0, source: '/dev/null2' },
      { name: 'etc/', type: 'dir', mode: 0o755, size: 0, source: '/etc' },
      { name: 'etc/.wh.motd', type: 'file', mode: 0o600, size: 0 },
      { name: 'etc/ssl/', type: 'dir', mode: 0o700, size: 0, source: '/etc/ssl' },
      { name: 'etc/ssl/.wh..wh..opq', type: 'file', mode: 0o700, size: 0 },
      { name: 'etc/ssl/new.pem', type: 'file', mode: 0o600, size: 1234, source: '/etc/ssl/new.pem' },
    ]);
  });

  it('round-trips: the tar unpacks to the same overlay markers', () => {
    const members = planLayerTar(UPPER).map((m) => ({ name: m.name, type: m.type, size: m.size, linkname: m.linkname }));
    const plan = planUnpack(members, 'overlay');
    expect(plan.ok && plan.ops.filter((o) => o.op !== 'create')).toEqual([
      { op: 'whiteout', path: '/etc/motd', uid: undefined, gid: undefined },
      { op: 'opaque', path: '/etc/ssl' },
    ]);
  });
});

describe('hideInitLayer', () => {
  const inImage = (path: string) => IMAGE.some((e) => e.path === path);
  it('drops the bind mount points the engine made, and /etc when nothing else changed in it', () => {
    const upper: UpperEntry[] = [
      { path: '/etc', kind: 'dir' }, { path: '/etc/hostname', kind: 'file', size: 0 }, { path: '/etc/hosts', kind: 'file', size: 0 },
      { path: '/root', kind: 'dir' }, { path: '/root/a', kind: 'file', size: 3 },
    ];
    expect(hideInitLayer(upper, inImage).map((e) => e.path)).toEqual(['/root', '/root/a']);
  });

  it('keeps /etc when something else changed in it, and a mount point the student wrote to', () => {
    const upper: UpperEntry[] = [
      { path: '/etc', kind: 'dir' }, { path: '/etc/hostname', kind: 'file', size: 0 }, { path: '/etc/hosts', kind: 'file', size: 12 },
      { path: '/etc/profile', kind: 'file', size: 1 },
    ];
    expect(hideInitLayer(upper, inImage).map((e) => e.path)).toEqual(['/etc', '/etc/hosts', '/etc/profile']);
  });
});
