// Build picture (pure): the latest docker build as a stack growing upwards, one row per
// Dockerfile step, bottom first like the layers picture. Steps that made a filesystem layer
// (new or from the cache) are full rows with a size bar; config-only steps (FROM, CMD, ENV…)
// are thin rows; the step running now is dashed; the failing one is marked with its line.
import { scaleSqrt } from 'd3';
import type { BuildRun, BuildStep, StepStatus } from './build-steps';
import { fit, formatBytes, formatMs, shortDigest } from './text';

export interface BuildRow {
  key: string;
  step: number;
  status: StepStatus;
  /** a full row (a filesystem layer, or a RUN/COPY still running or failed), or a thin one */
  thick: boolean;
  /** `Step 2/4 · Dockerfile:3` */
  where: string;
  /** the instruction, cut to fit */
  instruction: string;
  /** the short diff_id, size and time, when known */
  detail: string;
  sizeBar: number;
  x: number; y: number; width: number; height: number;
  step$: BuildStep;
}

export interface BuildLayout {
  width: number; height: number;
  rows: BuildRow[];
  /** how many of `of` steps have been seen */
  seen: number; of: number;
  status: BuildRun['status'];
  imageId: string;
}

export const BUILD_METRICS = { pad: 12, thickH: 50, thinH: 26, gap: 4, font: 14, detailW: 0.45 };

const layerMaking = /^(RUN|COPY|ADD|WORKDIR)\b/i;

export function layoutBuild(run: BuildRun, width: number): BuildLayout {
  const m = BUILD_METRICS;
  const inner = width - 2 * m.pad;
  const sizeBar = scaleSqrt().domain([0, Math.max(1, ...run.steps.map((s) => s.size ?? 0))]).range([0, inner - 16]);
  const thickOf = (s: BuildStep) => s.status === 'cached' || s.status === 'layer' || ((s.status === 'running' || s.status === 'failed') && layerMaking.test(s.instruction));
  const total = run.steps.reduce((h, s) => h + (thickOf(s) ? m.thickH : m.thinH) + m.gap, 0);
  let y = m.pad + total;
  const rows: BuildRow[] = run.steps.map((s) => {
    const thick = thickOf(s);
    const height = thick ? m.thickH : m.thinH;
    y -= height + m.gap;
    const parts = [s.diffId ? shortDigest(s.diffId) : '', s.size !== undefined ? formatBytes(s.size) : '', s.ms !== undefined ? formatMs(s.ms) : ''].filter(Boolean);
    const detail = fit(parts.join(' · '), inner * m.detailW, m.font);
    const where = `${s.step}/${run.of} · Dockerfile:${s.line}`;
    // the instruction takes what the step number and the detail leave
    const room = inner - 16 - (thick ? 0 : where.length * m.font * 0.6 + 12) - (thick ? 0 : inner * m.detailW);
    return {
      key: `${run.id}:${s.step}`, step: s.step, status: s.status, thick, where, detail,
      instruction: fit(s.instruction, Math.max(40, thick ? inner - 16 - inner * m.detailW : room), m.font),
      sizeBar: s.size ? sizeBar(s.size) : 0, x: m.pad, y, width: inner, height, step$: s,
    };
  });
  return {
    width, height: m.pad * 2 + total, rows, seen: run.steps.length, of: run.of, status: run.status,
    imageId: run.imageId ? shortDigest(run.imageId) : '',
  };
}
