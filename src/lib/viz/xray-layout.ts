// X-ray picture (pure): the last docker command's kernel steps as a timeline, one row per
// step, a bar from when it started for how long it took (d3 scaleLinear over the command's
// time). Steps without a start time (background work) are laid end to end.
import { format, scaleLinear } from 'd3';
import type { XrayEvent } from '../../protocol/engine';
import { fit, formatMs } from './text';

export type { XrayEvent };

export interface XrayBar {
  key: string; index: number; op: string; detail: string; ms: number; at: number; by: 'daemon' | 'launcher';
  /** "op detail", cut to the label column */
  text: string; msText: string;
  x: number; width: number; y: number; height: number;
}

export interface XrayTick { x: number; label: string }

export interface XrayLayout {
  width: number; height: number;
  command: string; totalMs: number; dropped: number;
  /** left edge of the bars' area and its width */
  plotX: number; plotWidth: number; axisY: number;
  ticks: XrayTick[]; bars: XrayBar[];
}

const trim = format('~g');
const tickLabel = (ms: number) => (ms >= 1000 ? `${trim(ms / 1000)} s` : `${trim(ms)} ms`);

export const XRAY_METRICS = { pad: 12, axis: 34, rowH: 26, rowGap: 4, labelShare: 0.46, msW: 80, minBar: 2, font: 14 };

export function layoutXray(event: XrayEvent | null, size: { width: number; height: number }): XrayLayout {
  const m = XRAY_METRICS;
  const steps = event?.steps ?? [];
  let cursor = 0;
  const timed = steps.map((s) => {
    const at = s.at ?? cursor;
    cursor = at + s.ms;
    return { ...s, at };
  });
  const totalMs = Math.max(event?.ms ?? 0, cursor, ...timed.map((s) => s.at + s.ms), 0.001);
  const plotX = m.pad + Math.round((size.width - 2 * m.pad) * m.labelShare);
  const plotWidth = size.width - m.pad - m.msW - plotX;
  const x = scaleLinear().domain([0, totalMs]).range([plotX, plotX + plotWidth]);
  const axisY = m.pad + m.axis;
  const bars: XrayBar[] = timed.map((s, i) => ({
    key: `s${i}`, index: i, op: s.op, detail: s.detail, ms: s.ms, at: s.at, by: s.by ?? 'daemon',
    text: fit(`${s.op} ${s.detail}`, plotX - m.pad - 24, m.font), msText: formatMs(s.ms),
    x: x(s.at), width: Math.max(m.minBar, x(s.at + s.ms) - x(s.at)),
    y: axisY + m.rowGap + i * (m.rowH + m.rowGap), height: m.rowH,
  }));
  // about one tick per 100 px, labelled without trailing zeros so they do not collide
  const ticks = x.ticks(Math.max(2, Math.floor(plotWidth / 100))).map((t) => ({ x: x(t), label: tickLabel(t) }));
  const height = Math.max(size.height, axisY + m.rowGap + bars.length * (m.rowH + m.rowGap) + m.pad + (event?.dropped ? m.rowH : 0));
  return { width: size.width, height, command: event?.command ?? '', totalMs, dropped: event?.dropped ?? 0, plotX, plotWidth, axisY, ticks, bars };
}
