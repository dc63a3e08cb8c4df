// Volumes picture (pure): containers with mounts on the left, each mount a row with the path
// it is mounted at and rw/ro; on the right where the data lives: volumes (named, then
// anonymous; an unused one too), host paths of bind mounts, tmpfs in memory. Each row links
// to its source, so a volume two containers share is drawn once with two links. Sources are
// ordered by the rows they serve (their mean height), which keeps links from crossing.
import { linkHorizontal, mean } from 'd3';
import type { ContainerState, EngineState } from '../../protocol/engine';
import { fit } from './text';

export type SourceKind = 'volume' | 'anonymous' | 'bind' | 'tmpfs';
export const SOURCE_KINDS: readonly SourceKind[] = ['volume', 'anonymous', 'bind', 'tmpfs'];

export interface MountRow {
  key: string; containerId: string; type: 'volume' | 'bind' | 'tmpfs'; destination: string; readonly: boolean;
  /** the source node it links to */
  source: string;
  text: string;
  x: number; y: number; width: number; height: number;
}

export interface VolContainer {
  key: string; containerId: string; name: string; state: string; text: string;
  rows: MountRow[];
  x: number; y: number; width: number; height: number;
}

export interface SourceNode {
  key: string; kind: SourceKind;
  /** volume name, host path, or the tmpfs's mount point */
  name: string;
  /** where the data is in the VM (a volume's mountpoint, a bind's host path); '' for tmpfs */
  path: string;
  /** names of the containers mounting it (from their mounts; for volumes also the engine's usedBy) */
  usedBy: string[];
  line1: string; line2: string;
  x: number; y: number; width: number; height: number;
}

export interface SourceGroup { kind: SourceKind; x: number; y: number; width: number }

export interface VolLink { key: string; row: string; source: string; type: MountRow['type']; readonly: boolean; d: string }

export interface VolumesLayout {
  width: number; height: number;
  containers: VolContainer[]; sources: SourceNode[]; groups: SourceGroup[]; links: VolLink[];
  /** containers with no mounts (not drawn) */
  withoutMounts: number;
}

export const VOL_METRICS = { pad: 12, header: 32, rowH: 26, boxGap: 12, nodeH: 46, nodeGap: 8, groupH: 28, groupGap: 10, font: 14, badge: 34, footer: 22 };

type Mount = NonNullable<ContainerState['mounts']>[number];

const sourceKey = (c: ContainerState, m: Mount) =>
  m.type === 'volume' ? `volume:${m.name ?? m.source}` : m.type === 'bind' ? `bind:${m.source}` : `tmpfs:${c.id}:${m.destination}`;

export function layoutVolumes(state: EngineState, size: { width: number }): VolumesLayout {
  const m = VOL_METRICS;
  const inner = size.width - 2 * m.pad;
  const leftW = Math.round(inner * 0.42);
  const rightW = Math.round(inner * 0.36);
  const rightX = size.width - m.pad - rightW;
  const volumes = new Map((state.volumes ?? []).map((v) => [v.name, v]));
  const names = new Map(state.containers.map((c) => [c.id, c.name]));

  // left: containers with mounts, in the engine's order
  const containers: VolContainer[] = [];
  let y = m.pad;
  const sources = new Map<string, SourceNode & { rowYs: number[] }>();
  for (const c of state.containers) {
    const mounts = c.mounts ?? [];
    if (!mounts.length) continue;
    const box: VolContainer = {
      key: `c:${c.id}`, containerId: c.id, name: c.name, state: c.state,
      text: fit(c.state === 'running' ? c.name : `${c.name} (${c.state})`, leftW - 2 * 10, m.font + 1),
      rows: [], x: m.pad, y, width: leftW, height: m.header + mounts.length * m.rowH + 8,
    };
    mounts.forEach((mount, i) => {
      const key = sourceKey(c, mount);
      const row: MountRow = {
        key: `${c.id}:${mount.destination}`, containerId: c.id, type: mount.type, destination: mount.destination,
        readonly: mount.readonly, source: key, text: fit(mount.destination, leftW - 20 - m.badge, m.font),
        x: m.pad, y: y + m.header + i * m.rowH, width: leftW, height: m.rowH,
      };
      box.rows.push(row);
      let node = sources.get(key);
      if (!node) {
        const volume = mount.type === 'volume' ? volumes.get(mount.name ?? mount.source) : undefined;
        const kind: SourceKind = mount.type === 'volume' ? (volume?.anonymous ? 'anonymous' : 'volume') : mount.type;
        const name = mount.type === 'volume' ? mount.name ?? mount.source : mount.type === 'bind' ? mount.source : mount.destination;
        node = {
          key, kind, name, path: mount.type === 'volume' ? volume?.mountpoint ?? mount.source : mount.type === 'bind' ? mount.source : '',
          usedBy: [], line1: '', line2: '', x: rightX, y: 0, width: rightW, height: m.nodeH, rowYs: [],
        };
        sources.set(key, node);
      }
      if (!node.usedBy.includes(c.name)) node.usedBy.push(c.name);
      node.rowYs.push(row.y + m.rowH / 2);
    });
    containers.push(box);
    y += box.height + m.boxGap;
  }
  const leftBottom = y;

  // volumes no container mounts (or that only the engine knows are used): drawn too
  for (const v of state.volumes ?? []) {
    const key = `volume:${v.name}`;
    const node = sources.get(key);
    const engineUsers = v.usedBy.map((id) => names.get(id) ?? id.slice(0, 12));
    if (node) {
      for (const n of engineUsers) if (!node.usedBy.includes(n)) node.usedBy.push(n);
      continue;
    }
    sources.set(key, {
      key, kind: v.anonymous ? 'anonymous' : 'volume', name: v.name, path: v.mountpoint, usedBy: engineUsers,
      line1: '', line2: '', x: rightX, y: 0, width: rightW, height: m.nodeH, rowYs: [],
    });
  }

  // right: one group per kind, nodes in the order of the rows they serve, unused last
  const groups: SourceGroup[] = [];
  const placed: SourceNode[] = [];
  let ry = m.pad;
  for (const kind of SOURCE_KINDS) {
    const nodes = [...sources.values()].filter((n) => n.kind === kind)
      .sort((a, b) => (mean(a.rowYs) ?? Infinity) - (mean(b.rowYs) ?? Infinity) || a.name.localeCompare(b.name));
    if (!nodes.length) continue;
    groups.push({ kind, x: rightX, y: ry, width: rightW });
    ry += m.groupH;
    for (const { rowYs: _rowYs, ...node } of nodes) {
      const label = kind === 'anonymous' ? node.name.slice(0, 12) : node.name;
      placed.push({ ...node, y: ry, line1: fit(label, rightW - 20, m.font + 1), line2: fit(node.usedBy.join(', '), rightW - 20, m.font) });
      ry += m.nodeH + m.nodeGap;
    }
    ry += m.groupGap;
  }

  const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const byKey = new Map(placed.map((n) => [n.key, n]));
  const links: VolLink[] = containers.flatMap((c) => c.rows.map((r) => {
    const node = byKey.get(r.source)!;
    return {
      key: `${r.key}>${r.source}`, row: r.key, source: r.source, type: r.type, readonly: r.readonly,
      d: link({ source: [r.x + r.width, r.y + r.height / 2], target: [node.x, node.y + node.height / 2] }) ?? '',
    };
  }));

  const withoutMounts = state.containers.filter((c) => !(c.mounts ?? []).length).length;
  return {
    // room for the line counting containers without mounts
    width: size.width, height: Math.max(leftBottom, ry, m.pad * 2) + m.pad + (withoutMounts && containers.length ? m.footer : 0),
    containers, sources: placed, groups, links, withoutMounts,
  };
}
