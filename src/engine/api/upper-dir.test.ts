// The upper-dir listing over a fake file tree: kinds, copy-up against the image's layers
// (whiteouts and opaque dirs in the layers respected), the init layer hidden, the cap.
import { describe, expect, it, vi } from 'vitest';
import type { Stat } from '../kernel';

// kernel.ts imports QuickJS's os/std modules: the walk gets a fake tree instead
vi.mock('../kernel', () => ({}));
const { upperDirListing } = await import('./upper-dir');

type Node = 'dir' | 'file' | 'whiteout' | 'opaque';
function fakeFs(tree: Record<string, Node>) {
  const stat = (kind: Node): Stat => ({
    mode: 0, size: 0, rdev: 0, mtime: 0, isSymlink: false,
    isDir: kind === 'dir' || kind === 'opaque', isFile: kind === 'file', isCharDevice: kind === 'whiteout',
  });
  return {
    listDir: (path: string) => Object.keys(tree).filter((p) => p.startsWith(path + '/') && !p.slice(path.length + 1).includes('/')).map((p) => p.slice(path.length + 1)),
    lstat: (path: string) => (tree[path] ? stat(tree[path]) : null),
    isOpaque: (path: string) => tree[path] === 'opaque',
  };
}

describe('upperDirListing', () => {
  const lowers = ['/L/top', '/L/base'];
  const fs = fakeFs({
    '/L/base/etc': 'dir', '/L/base/etc/motd': 'file', '/L/base/etc/hosts.allow': 'file', '/L/base/bin': 'dir', '/L/base/bin/ls': 'file',
    '/L/base/opt': 'dir', '/L/base/opt/old': 'file',
    '/L/top/opt': 'opaque', '/L/top/bin': 'dir', '/L/top/bin/ls': 'whiteout',
    '/U/etc': 'dir', '/U/etc/motd': 'whiteout', '/U/etc/hosts.allow': 'file', '/U/etc/new.conf': 'file',
    '/U/etc/hosts': 'file', '/U/etc/hostname': 'file', '/U/proc': 'dir',
    '/U/opt': 'dir', '/U/opt/old': 'file', '/U/bin': 'dir', '/U/bin/ls': 'file', '/U/tmp': 'opaque',
  });

  it('tells each path\'s kind and whether the image has it (copy-up), hiding the init layer', () => {
    const { entries, truncated } = upperDirListing('/U', lowers, fs);
    expect(truncated).toBe(false);
    expect(entries).toEqual([
      { path: '/bin', kind: 'dir', lower: true },
      // the top layer deleted /bin/ls: writing it again is a new file, not a copy-up
      { path: '/bin/ls', kind: 'file', lower: false },
      { path: '/etc', kind: 'dir', lower: true },
      { path: '/etc/hosts.allow', kind: 'file', lower: true },
      { path: '/etc/motd', kind: 'whiteout', lower: true },
      { path: '/etc/new.conf', kind: 'file', lower: false },
      { path: '/opt', kind: 'dir', lower: true },
      // the top layer made /opt opaque: the base's /opt/old is hidden
      { path: '/opt/old', kind: 'file', lower: false },
      { path: '/tmp', kind: 'opaque', lower: false },
    ]);
  });

  it('stops at the cap and says so', () => {
    const many: Record<string, Node> = { '/U/data': 'dir' };
    for (let i = 0; i < 50; i++) many[`/U/data/f${String(i).padStart(2, '0')}`] = 'file';
    const listing = upperDirListing('/U', [], fakeFs(many), 10);
    expect(listing.entries).toHaveLength(10);
    expect(listing.entries[1]).toEqual({ path: '/data/f00', kind: 'file', lower: false });
    expect(listing.truncated).toBe(true);
    expect(upperDirListing('/U', [], fakeFs(many), 100).truncated).toBe(false);
  });

  it('an empty or missing upper dir is an empty listing', () => {
    expect(upperDirListing('/nowhere', lowers, fs)).toEqual({ entries: [], truncated: false });
  });
});
