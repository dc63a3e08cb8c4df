// Layers picture (pure): each image a stack of read-only layers, bottom first, in a column;
// a layer several images use is drawn once (in the first column using it) and the other
// columns show a dashed slot linked to it; each container's writable layer sits on top of
// its image's stack. `changes` (copy-ups, whiteouts, additions) mark the writable layers.
import { linkHorizontal, scaleBand, scaleSqrt } from 'd3';
import type { EngineState, ImageState } from '../../protocol/engine';
import { fit, formatBytes, shortDigest } from './text';

/** A path changed in a container's writable layer: A added, C copied up, D whiteout. */
export interface LayerChange { containerId: string; path: string; kind: 'A' | 'C' | 'D' }

export interface ImageColumn {
  id: string; shortId: string; refs: string[]; ref: string;
  x: number; width: number;
  /** y of the bottom of the stack; the image's label goes below it */
  baseline: number;
  /** y of the top of the stack, where its containers' writable layers join */
  stackTop: number;
}

export interface LayerNode {
  key: string; diffId: string; shortId: string; size: number; createdBy: string;
  /** the column it is drawn in (the first image using it) */
  imageId: string;
  /** position from the bottom in that image */
  index: number;
  /** refs of every image using it (more than one = shared) */
  usedBy: string[];
  line1: string; line2: string;
  /** width of the size bar (sqrt scale over all layers) */
  sizeBar: number;
  x: number; y: number; width: number; height: number;
}

/** Where a shared layer would sit in another image's stack, linked to the one drawing. */
export interface GhostNode { key: string; diffId: string; imageId: string; home: string; text: string; link: string; x: number; y: number; width: number; height: number }

export interface WritableNode {
  key: string; containerId: string; containerIndex: number; name: string; upper: string; imageId: string;
  text: string; changes: LayerChange[]; counts: Record<LayerChange['kind'], number>;
  x: number; y: number; width: number; height: number;
}

export interface LayersLayout {
  width: number; height: number;
  columns: ImageColumn[]; layers: LayerNode[]; ghosts: GhostNode[]; writables: WritableNode[];
  /** containers whose image is gone (not drawn) */
  unplaced: string[];
}

export const LAYER_METRICS = { pad: 12, rowH: 50, rowGap: 4, chipMinW: 130, chipH: 30, chipGap: 6, joint: 22, label: 50, font: 14 };

const bare = (id: string) => id.replace(/^sha256:/, '');

/** Images sharing a bottom layer side by side, so the links between them stay short. */
function ordered(images: ImageState[]): ImageState[] {
  return [...images].sort((a, b) => (a.layers[0]?.diffId ?? '').localeCompare(b.layers[0]?.diffId ?? '') || (a.refs[0] ?? a.id).localeCompare(b.refs[0] ?? b.id));
}

export function layoutLayers(state: EngineState, size: { width: number; height: number }, changes: LayerChange[] = []): LayersLayout {
  const m = LAYER_METRICS;
  const images = ordered(state.images);
  const band = scaleBand<string>().domain(images.map((i) => i.id)).range([m.pad, size.width - m.pad]).paddingInner(0.12);
  const colW = band.bandwidth();
  const perRow = Math.max(1, Math.floor((colW + m.chipGap) / (m.chipMinW + m.chipGap)));

  const byImage = new Map<string, Array<{ index: number; c: EngineState['containers'][number] }>>();
  const unplaced: string[] = [];
  state.containers.forEach((c, index) => {
    const image = images.find((i) => i.id === bare(c.imageId));
    if (!image) return void unplaced.push(c.id);
    byImage.set(image.id, [...(byImage.get(image.id) ?? []), { index, c }]);
  });
  const chipRows = Math.max(0, ...images.map((i) => Math.ceil((byImage.get(i.id)?.length ?? 0) / perRow)));
  const maxLayers = Math.max(0, ...images.map((i) => i.layers.length));
  const top = m.pad + (chipRows ? chipRows * (m.chipH + m.chipGap) + m.joint : 0);
  const baseline = top + maxLayers * (m.rowH + m.rowGap);

  const users = new Map<string, string[]>();
  for (const s of state.sharedLayers) users.set(s.diffId, s.images);
  const refOf = (id: string) => images.find((i) => i.id === id)?.refs[0] ?? shortDigest(id);
  const sizeBar = scaleSqrt().domain([0, Math.max(1, ...images.flatMap((i) => i.layers.map((l) => l.size)))]).range([0, colW - 16]);
  const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();

  const columns: ImageColumn[] = [];
  const layers: LayerNode[] = [];
  const ghosts: GhostNode[] = [];
  const home = new Map<string, LayerNode>();
  const last = new Map<string, { x: number; y: number; width: number; height: number }>();
  const changesOf = new Map<string, LayerChange[]>();
  for (const ch of changes) changesOf.set(ch.containerId, [...(changesOf.get(ch.containerId) ?? []), ch]);
  const writables: WritableNode[] = [];

  for (const image of images) {
    const x = band(image.id) ?? 0;
    const stackTop = baseline - image.layers.length * (m.rowH + m.rowGap);
    columns.push({ id: image.id, shortId: shortDigest(image.id), refs: image.refs, ref: image.refs[0] ?? `<none> ${shortDigest(image.id)}`, x, width: colW, baseline, stackTop });
    image.layers.forEach((l, index) => {
      const y = baseline - (index + 1) * (m.rowH + m.rowGap) + m.rowGap;
      const first = home.get(l.diffId);
      if (first) {
        // drawn already: a dashed slot here, linked to the nearest slot on its left (a chain
        // back to the real one, so no link crosses another column's boxes)
        const prev = last.get(l.diffId) ?? first;
        const ghost: GhostNode = {
          key: `${image.id}:${l.diffId}`, diffId: l.diffId, imageId: image.id, home: first.key,
          text: fit(shortDigest(l.diffId), colW - 32, m.font), x, y, width: colW, height: m.rowH,
          link: link({ source: [x, y + m.rowH / 2], target: [prev.x + prev.width, prev.y + prev.height / 2] }) ?? '',
        };
        ghosts.push(ghost);
        last.set(l.diffId, ghost);
        return;
      }
      const usedBy = (users.get(l.diffId) ?? [image.id]).map(refOf);
      const node: LayerNode = {
        key: l.diffId, diffId: l.diffId, shortId: shortDigest(l.diffId), size: l.size, createdBy: l.createdBy ?? '',
        imageId: image.id, index, usedBy,
        line1: fit(`${shortDigest(l.diffId)} · ${formatBytes(l.size)}`, colW - 16, m.font),
        line2: fit(l.createdBy?.replace(/^\/bin\/sh -c (#\(nop\) )?/, '') ?? '', colW - 16, m.font),
        sizeBar: sizeBar(l.size), x, y, width: colW, height: m.rowH,
      };
      home.set(l.diffId, node);
      layers.push(node);
    });
    const chipW = (colW - m.chipGap * (perRow - 1)) / perRow;
    (byImage.get(image.id) ?? []).forEach(({ index, c }, k) => {
      const row = Math.floor(k / perRow);
      const mine = changesOf.get(c.id) ?? [];
      writables.push({
        key: `rw:${c.id}`, containerId: c.id, containerIndex: index, name: c.name, upper: c.rootfs.upper, imageId: image.id,
        text: fit(c.name, chipW - (mine.length ? 36 : 12), m.font), changes: mine,
        counts: { A: mine.filter((x) => x.kind === 'A').length, C: mine.filter((x) => x.kind === 'C').length, D: mine.filter((x) => x.kind === 'D').length },
        // the first row sits right on the stack; later rows above it
        x: x + (k % perRow) * (chipW + m.chipGap), y: stackTop - m.joint - (row + 1) * (m.chipH + m.chipGap) + m.chipGap,
        width: chipW, height: m.chipH,
      });
    });
  }
  return { width: size.width, height: baseline + m.label, columns, layers, ghosts, writables, unplaced };
}
