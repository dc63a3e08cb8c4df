import { describe, expect, it } from 'vitest';
import type { ContainerState, EngineState } from '../../protocol/engine';
import { benchState } from './bench-fixture';
import { layoutVolumes } from './volumes-layout';

const SIZE = { width: 960 };

/** Two containers sharing the volume notes (one read-only), one with a bind and a tmpfs. */
function shared(): EngineState {
  const s = benchState(3);
  const [a, b, c] = s.containers;
  a.mounts = [{ type: 'volume', name: 'notes', source: '/var/lib/dockhand/volumes/notes/_data', destination: '/data', readonly: false }];
  b.mounts = [{ type: 'volume', name: 'notes', source: '/var/lib/dockhand/volumes/notes/_data', destination: '/notes', readonly: true }];
  c.mounts = [
    { type: 'bind', source: '/root/site', destination: '/www', readonly: true },
    { type: 'tmpfs', source: '', destination: '/run', readonly: false },
  ];
  s.volumes = [
    { name: 'notes', mountpoint: '/var/lib/dockhand/volumes/notes/_data', anonymous: false, usedBy: [a.id, b.id] },
    { name: 'f'.repeat(64), mountpoint: '/var/lib/dockhand/volumes/fff/_data', anonymous: true, usedBy: [] },
  ];
  return s;
}

describe('volumes layout', () => {
  const s = shared();
  const l = layoutVolumes(s, SIZE);
  const node = (key: string) => l.sources.find((n) => n.key === key)!;

  it('draws a volume two containers mount once, linked to both rows with their paths', () => {
    const notes = l.sources.filter((n) => n.name === 'notes');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'volume', path: '/var/lib/dockhand/volumes/notes/_data', usedBy: [s.containers[0].name, s.containers[1].name] });
    const links = l.links.filter((k) => k.source === notes[0].key);
    expect(links).toHaveLength(2);
    const rows = l.containers.flatMap((c) => c.rows).filter((r) => r.source === notes[0].key);
    expect(rows.map((r) => [r.destination, r.readonly])).toEqual([['/data', false], ['/notes', true]]);
    expect(links.find((k) => k.row === rows[1].key)!.readonly).toBe(true);
  });

  it('puts volumes, anonymous volumes, host paths and tmpfs in their own groups, unused volumes too', () => {
    expect(l.groups.map((g) => g.kind)).toEqual(['volume', 'anonymous', 'bind', 'tmpfs']);
    expect(node('bind:/root/site')).toMatchObject({ kind: 'bind', path: '/root/site' });
    expect(node(`tmpfs:${s.containers[2].id}:/run`).kind).toBe('tmpfs');
    const anon = l.sources.find((n) => n.kind === 'anonymous')!;
    expect(anon.usedBy).toEqual([]);
    expect(anon.line1).toBe('f'.repeat(12));
    // groups in order down the right column, nodes never overlapping
    const ys = l.sources.map((n) => n.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    l.sources.slice(1).forEach((n, i) => expect(n.y).toBeGreaterThanOrEqual(l.sources[i].y + l.sources[i].height));
  });

  it('links each row from the container box to its source, left to right, inside the picture', () => {
    for (const k of l.links) {
      const row = l.containers.flatMap((c) => c.rows).find((r) => r.key === k.row)!;
      const src = node(k.source);
      expect(k.d.startsWith(`M${row.x + row.width},${row.y + row.height / 2}`)).toBe(true);
      expect(src.x).toBeGreaterThan(row.x + row.width);
      expect(src.x + src.width).toBeLessThanOrEqual(SIZE.width);
    }
    expect(l.height).toBeGreaterThanOrEqual(Math.max(...l.sources.map((n) => n.y + n.height)));
  });

  it('orders sources by the rows they serve, so links do not cross', () => {
    const st = benchState(2);
    const vol = (name: string): NonNullable<ContainerState['mounts']>[number] => ({ type: 'volume', name, source: `/v/${name}`, destination: `/${name}`, readonly: false });
    st.containers[0].mounts = [vol('zeta')];
    st.containers[1].mounts = [vol('alpha')];
    st.volumes = [];
    expect(layoutVolumes(st, SIZE).sources.map((n) => n.name)).toEqual(['zeta', 'alpha']);
  });

  it('leaves out containers without mounts and counts them; nothing to draw is an empty layout', () => {
    const st = benchState(4);
    for (const c of st.containers) c.mounts = [];
    st.volumes = [];
    const empty = layoutVolumes(st, SIZE);
    expect(empty).toMatchObject({ containers: [], sources: [], links: [], withoutMounts: 4 });
    expect(empty.height).toBeGreaterThan(0);
  });
});
