import { describe, expect, it } from 'vitest';
import type { UpperDirEntry } from '../../protocol/engine';
import { benchState } from './bench-fixture';
import { changeKind, upperChanges } from './upper-changes';

const withUpper = (lists: UpperDirEntry[][]) => {
  const s = benchState(lists.length);
  s.containers.forEach((c, i) => (c.upperDir = { entries: lists[i], truncated: false }));
  return s;
};
const e = (path: string, kind: UpperDirEntry['kind'], lower: boolean): UpperDirEntry => ({ path, kind, lower });

describe('writable-layer changes', () => {
  it('maps upper-dir entries to A, C and D; an image directory copied up for its children is no change', () => {
    expect(changeKind(e('/etc/motd', 'whiteout', true))).toBe('D');
    expect(changeKind(e('/tmp', 'opaque', true))).toBe('D');
    expect(changeKind(e('/etc/hosts.allow', 'file', true))).toBe('C');
    expect(changeKind(e('/new.txt', 'file', false))).toBe('A');
    expect(changeKind(e('/data', 'dir', false))).toBe('A');
    expect(changeKind(e('/etc', 'dir', true))).toBeNull();
  });

  it('marks nothing fresh in the first snapshot, then what each container gained', () => {
    const first = withUpper([[e('/a', 'file', false)], []]);
    expect(upperChanges(null, first).some((c) => c.fresh)).toBe(false);
    const next = withUpper([[e('/a', 'file', false), e('/etc/motd', 'whiteout', true)], [e('/b', 'file', true)]]);
    const changes = upperChanges(first, next);
    expect(changes.filter((c) => c.fresh).map((c) => `${c.kind} ${c.path}`)).toEqual(['D /etc/motd', 'C /b']);
  });

  it('keeps the marks through a snapshot where nothing changed, drops them all at the next change anywhere', () => {
    const a = withUpper([[e('/a', 'file', false)], []]);
    const b = withUpper([[e('/a', 'file', false), e('/b', 'file', false)], []]);
    const marked = upperChanges(a, b);
    // docker diff, docker ps: no writable layer changed
    const again = upperChanges(b, withUpper([[e('/a', 'file', false), e('/b', 'file', false)], []]), marked);
    expect(again.filter((c) => c.fresh).map((c) => c.path)).toEqual(['/b']);
    // a write in the other container: only it is new now
    const other = upperChanges(b, withUpper([[e('/a', 'file', false), e('/b', 'file', false)], [e('/c', 'file', false)]]), again);
    expect(other.filter((c) => c.fresh).map((c) => c.path)).toEqual(['/c']);
    // a path removed again is a change too: nothing left to mark
    const removed = upperChanges(b, withUpper([[e('/a', 'file', false)], []]), again);
    expect(removed.some((c) => c.fresh)).toBe(false);
  });

  it('all of a new container\'s changes are fresh; containers without a listing have none', () => {
    const before = withUpper([[]]);
    const after = withUpper([[], [e('/x', 'file', false)]]);
    expect(upperChanges(before, after)).toEqual([{ containerId: after.containers[1].id, path: '/x', kind: 'A', fresh: true }]);
    const none = benchState(2);
    for (const c of none.containers) delete c.upperDir;
    expect(upperChanges(null, none)).toEqual([]);
  });
});
