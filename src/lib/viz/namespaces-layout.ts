// Namespaces picture (pure): the VM's processes grouped by their real PID-namespace inode,
// nested as the kernel nests them (a child namespace sits inside the one its creator is in,
// found through ppid and the NSpid depth). Each box carries the inodes of every namespace
// type its processes are in, so hovering shows which ones a container shares with the VM.
import { hierarchy, type HierarchyNode } from 'd3';
import type { EngineState, NamespaceInodes, ProcessInfo } from '../../protocol/engine';
import { fit } from './text';

export const NS_TYPES = ['pid', 'mnt', 'uts', 'ipc', 'net', 'cgroup'] as const;
export type NsType = (typeof NS_TYPES)[number];

export interface NsBox {
  key: string;
  /** the pid-namespace inode, null when unreadable */
  inode: number | null;
  kind: 'host' | 'container' | 'other' | 'unknown';
  /** the container whose PID 1 is in this namespace */
  containerId?: string;
  containerIndex?: number;
  name: string;
  depth: number;
  x: number; y: number; width: number; height: number;
  /** inodes seen among its processes, per namespace type */
  inodes: Record<NsType, number[]>;
  /** types whose inodes are all the VM's own */
  sharedWithHost: NsType[];
  processCount: number;
}

export interface ProcNode {
  key: string;
  pid: number;
  ppid: number;
  /** pid in its innermost namespace (last NSpid entry) */
  pidInside: number;
  nspid: number[];
  name: string;
  ns: NamespaceInodes;
  box: string;
  containerId?: string;
  containerIndex?: number;
  /** the chip's text, already cut to its width */
  text: string;
  x: number; y: number; width: number; height: number;
}

export interface NamespacesLayout { width: number; height: number; boxes: NsBox[]; processes: ProcNode[] }

export const NS_METRICS = { pad: 10, header: 30, footer: 24, chipW: 150, chipH: 28, gap: 6, childMinW: 290, font: 14 };

interface Group { key: string; inode: number | null; level: number; procs: Array<ProcessInfo & { ns: NamespaceInodes }>; children: Group[] }

const groupKey = (inode: number | undefined) => (inode === undefined ? 'pid:?' : `pid:${inode}`);

/** All processes with their namespaces; container processes the VM list missed (a race) take the container's. */
function allProcesses(state: EngineState) {
  const list = state.processes.map((p) => ({ ...p }));
  const seen = new Set(list.map((p) => p.pid));
  for (const c of state.containers) {
    for (const p of c.processes) if (!seen.has(p.pid)) { seen.add(p.pid); list.push({ ...p, ns: c.ns ?? {} }); }
  }
  return list.sort((a, b) => a.pid - b.pid);
}

function buildTree(state: EngineState, procs: ReturnType<typeof allProcesses>): Group {
  const groups = new Map<string, Group>();
  const rootKey = groupKey(state.hostNs.pid);
  groups.set(rootKey, { key: rootKey, inode: state.hostNs.pid ?? null, level: 1, procs: [], children: [] });
  for (const p of procs) {
    const key = groupKey(p.ns.pid);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, inode: p.ns.pid ?? null, level: Infinity, procs: [], children: [] }));
    g.procs.push(p);
    g.level = Math.min(g.level, key === rootKey ? 1 : Math.max(2, p.nspid.length));
  }
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const root = groups.get(rootKey)!;
  for (const g of groups.values()) {
    if (g === root) continue;
    // the namespace's parent is the one its creator lives in: walk up ppid to a shallower process
    let parent = root;
    let p = byPid.get(g.procs[0]?.ppid ?? 0);
    for (let hops = 0; p && hops < 64; hops++, p = byPid.get(p.ppid)) {
      const candidate = groups.get(groupKey(p.ns.pid));
      if (candidate && candidate !== g && p.nspid.length < g.level) { parent = candidate; break; }
    }
    parent.children.push(g);
  }
  return root;
}

function inodesOf(procs: Group['procs']): Record<NsType, number[]> {
  const out = {} as Record<NsType, number[]>;
  for (const t of NS_TYPES) out[t] = [...new Set(procs.map((p) => p.ns[t]).filter((n): n is number => n !== undefined))].sort();
  return out;
}

export function layoutNamespaces(state: EngineState, size: { width: number; height: number }): NamespacesLayout {
  const m = NS_METRICS;
  const procs = allProcesses(state);
  const containerOfPid = new Map<number, number>();
  state.containers.forEach((c, i) => c.processes.forEach((p) => containerOfPid.set(p.pid, i)));
  const containerOfNs = new Map<number, number>();
  state.containers.forEach((c, i) => { if (c.ns?.pid !== undefined && c.ns.pid !== state.hostNs.pid) containerOfNs.set(c.ns.pid, i); });

  const root = hierarchy(buildTree(state, procs), (g) => g.children);
  // containers in the engine's order, then any other namespaces by inode
  root.sort((a, b) => (containerOfNs.get(a.data.inode ?? -1) ?? 1e9) - (containerOfNs.get(b.data.inode ?? -1) ?? 1e9) || (a.data.inode ?? 0) - (b.data.inode ?? 0));

  const boxes: NsBox[] = [];
  const processes: ProcNode[] = [];

  const place = (node: HierarchyNode<Group>, x: number, y: number, width: number): number => {
    const g = node.data;
    const containerIndex = g.inode === null ? undefined : containerOfNs.get(g.inode);
    const container = containerIndex === undefined ? undefined : state.containers[containerIndex];
    const kind: NsBox['kind'] = node.depth === 0 ? 'host' : g.inode === null ? 'unknown' : container ? 'container' : 'other';
    const inodes = inodesOf(g.procs.length ? g.procs : [{ ns: node.depth === 0 ? state.hostNs : container?.ns ?? {} } as Group['procs'][number]]);
    const sharedWithHost = NS_TYPES.filter((t) => inodes[t].length > 0 && inodes[t].every((n) => n === state.hostNs[t]));
    const box: NsBox = {
      key: g.key, inode: g.inode, kind, name: container?.name ?? '', depth: node.depth, x, y, width, height: 0,
      inodes, sharedWithHost, processCount: g.procs.length,
      ...(container ? { containerId: container.id, containerIndex } : {}),
    };
    boxes.push(box);

    const inner = width - 2 * m.pad;
    const nested = node.depth > 0;
    // inside a container the chip shows its pid there and its host pid; in the VM, the pid
    const cols = Math.max(1, Math.floor((inner + m.gap) / ((nested ? m.childMinW - 2 * m.pad : m.chipW) + m.gap)));
    const chipW = (inner - m.gap * (cols - 1)) / cols;
    let cy = y + m.header;
    g.procs.forEach((p, i) => {
      const cx = x + m.pad + (i % cols) * (chipW + m.gap);
      const py = cy + Math.floor(i / cols) * (m.chipH + m.gap);
      const pidInside = p.nspid.at(-1) ?? p.pid;
      const ci = containerOfPid.get(p.pid);
      const raw = pidInside !== p.pid ? `${pidInside} ${p.name} · host ${p.pid}` : `${p.pid} ${p.name}`;
      processes.push({
        key: `p${p.pid}`, pid: p.pid, ppid: p.ppid, pidInside, nspid: p.nspid, name: p.name, ns: p.ns, box: g.key,
        text: fit(raw, chipW - 12, m.font), x: cx, y: py, width: chipW, height: m.chipH,
        ...(ci !== undefined ? { containerId: state.containers[ci].id, containerIndex: ci } : {}),
      });
    });
    cy += Math.ceil(g.procs.length / cols) * (m.chipH + m.gap) + (g.procs.length ? m.gap : 0);

    const kids = node.children ?? [];
    if (kids.length) {
      const kcols = Math.max(1, Math.min(kids.length, Math.floor((inner + m.gap) / (m.childMinW + m.gap))));
      const kw = (inner - m.gap * (kcols - 1)) / kcols;
      for (let r = 0; r < kids.length; r += kcols) {
        const heights = kids.slice(r, r + kcols).map((k, j) => place(k, x + m.pad + j * (kw + m.gap), cy, kw));
        cy += Math.max(...heights) + m.gap;
      }
    }
    // a nested box that shares namespaces with the VM says which, on a line of its own
    if (node.depth > 0 && sharedWithHost.length) cy += m.footer;
    box.height = Math.max(cy - y + m.pad - (kids.length ? m.gap : 0), m.header + m.pad);
    return box.height;
  };

  const height = place(root, 0, 0, size.width);
  return { width: size.width, height: Math.max(height, 1), boxes, processes };
}
