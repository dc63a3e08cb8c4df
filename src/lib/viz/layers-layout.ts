// Layers picture (pure): each image a stack of read-only layers, bottom first, in a column;
// a layer several images use is drawn once (in the first column using it) and the other
// columns show a dashed slot linked to it; each container's writable layer sits on top of
// its image's stack. `changes` (copy-ups, whiteouts, additions) mark the writable layers:
// a chip with changes grows to list them, the ones new since the last command first.
import { linkHorizontal, scaleBand, scaleSqrt } from 'd3';
import type { EngineState, ImageState } from '../../protocol/engine';
import { fit, formatBytes, shortDigest } from './text';

/** A path changed in a container's writable layer: A added, C copied up, D whiteout. */
export interface LayerChange {
  containerId: string; path: string; kind: 'A' | 'C' | 'D';
  /** new since the previous snapshot (the last command that wrote in this container) */
  fresh?: boolean;
}

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

/** One changed path listed in a writable chip; y is relative to the chip. */
export interface ChangeLine { key: string; path: string; kind: LayerChange['kind']; fresh: boolean; text: string; y: number }

export interface WritableNode {
  key: string; containerId: string; containerIndex: number; name: string; upper: string; imageId: string;
  text: string; changes: LayerChange[]; counts: Record<LayerChange['kind'], number>;
  /** changes listed in the chip (fresh first), and how many did not fit (or the engine left out) */
  lines: ChangeLine[]; more: number; truncated: boolean;
  /** some change is new since the previous snapshot */
  fresh: boolean;
  x: number; y: number; width: number; height: number;
}

export interface LayersLayout {
  width: number; height: number;
  columns: ImageColumn[]; layers: LayerNode[]; ghosts: GhostNode[]; writables: WritableNode[];
  /** containers whose image is gone (not drawn) */
  unplaced: string[];
}

export const LAYER_METRICS = { pad: 12, rowH: 50, rowGap: 4, chipMinW: 130, chipH: 30, chipGap: 6, joint: 22, label: 50, font: 14, lineH: 20, maxLines: 4, tag: 22 };

/** The chip's listed changes: fresh ones first, then in the engine's (walk) order. */
function changeLines(mine: readonly LayerChange[], width: number): { lines: ChangeLine[]; more: number } {
  const m = LAYER_METRICS;
  const sorted = [...mine.filter((c) => c.fresh), ...mine.filter((c) => !c.fresh)];
  const shown = sorted.length > m.maxLines ? sorted.slice(0, m.maxLines - 1) : sorted;
  const lines = shown.map((c, i) => ({
    key: `${c.kind}${c.path}`, path: c.path, kind: c.kind, fresh: !!c.fresh,
    text: fit(c.path, width - m.tag - 10, m.font), y: m.chipH + i * m.lineH,
  }));
  return { lines, more: sorted.length - shown.length };
}

const chipHeight = (lines: number, more: number) =>
  LAYER_METRICS.chipH + (lines + (more ? 1 : 0)) * LAYER_METRICS.lineH + (lines ? 4 : 0);

/** `C1 D1`: how many paths of each kind, for the chip's corner. */
export const badgeOf = (counts: Record<LayerChange['kind'], number>) =>
  (['A', 'C', 'D'] as const).filter((k) => counts[k]).map((k) => `${k}${counts[k]}`).join(' ');

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
  const changesOf = new Map<string, LayerChange[]>();
  for (const ch of changes) changesOf.set(ch.containerId, [...(changesOf.get(ch.containerId) ?? []), ch]);
  const chipW = (colW - m.chipGap * (perRow - 1)) / perRow;
  // each chip's listed changes; in each column a row of chips is as tall as its tallest
  const listed = new Map(state.containers.map((c) => [c.id, changeLines(changesOf.get(c.id) ?? [], chipW)]));
  const rowHeights = new Map<string, number[]>();
  for (const image of images) {
    const rows: number[] = [];
    (byImage.get(image.id) ?? []).forEach(({ c }, k) => {
      const row = Math.floor(k / perRow);
      const l = listed.get(c.id)!;
      rows[row] = Math.max(rows[row] ?? 0, chipHeight(l.lines.length, l.more + (c.upperDir?.truncated ? 1 : 0)));
    });
    rowHeights.set(image.id, rows);
  }
  /** from a stack's top up to the top of the column's chip row r */
  const rise = (imageId: string, r: number) => rowHeights.get(imageId)!.slice(0, r + 1).reduce((sum, h) => sum + h + m.chipGap, 0) - m.chipGap;
  // one baseline for all stacks, as low as the tallest column (its chips on its layers) needs
  const columnHeight = (i: ImageState) => {
    const rows = rowHeights.get(i.id)!;
    return (rows.length ? rise(i.id, rows.length - 1) + m.joint : 0) + i.layers.length * (m.rowH + m.rowGap);
  };
  const baseline = m.pad + Math.max(0, ...images.map(columnHeight));

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
    (byImage.get(image.id) ?? []).forEach(({ index, c }, k) => {
      const row = Math.floor(k / perRow);
      const mine = changesOf.get(c.id) ?? [];
      const { lines, more } = listed.get(c.id)!;
      const truncated = c.upperDir?.truncated ?? false;
      const height = chipHeight(lines.length, more + (truncated ? 1 : 0));
      const counts = { A: 0, C: 0, D: 0 };
      for (const x of mine) counts[x.kind]++;
      writables.push({
        key: `rw:${c.id}`, containerId: c.id, containerIndex: index, name: c.name, upper: c.rootfs.upper, imageId: image.id,
        text: fit(c.name, chipW - (mine.length ? 12 + 8.4 * badgeOf(counts).length : 12), m.font), changes: mine, counts,
        lines, more, truncated, fresh: mine.some((x) => x.fresh),
        // the first row sits right on the stack, later rows on it; a chip stands on its row's bottom
        x: x + (k % perRow) * (chipW + m.chipGap), y: stackTop - m.joint - (row ? rise(image.id, row - 1) + m.chipGap : 0) - height,
        width: chipW, height,
      });
    });
  }
  return { width: size.width, height: baseline + m.label, columns, layers, ghosts, writables, unplaced };
}
