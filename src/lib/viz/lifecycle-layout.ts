// Lifecycle picture (pure): the container state diagram as an arc diagram. States are
// lanes side by side; transitions are arcs (left-to-right above the lane headers, right-to-
// left below them); each container is a token in the lane of its current state, and the
// arcs it has taken carry its id so the picture can light up its path.
import { path as d3path, scaleBand } from 'd3';
import { LIFECYCLE_STATES, type LifecycleHistory, type LifecycleState } from './lifecycle-history';
import { fit } from './text';

/** Lane order chosen so the common moves (start, pause, exit, rm) are short arcs. */
export const LANE_ORDER: LifecycleState[] = ['created', 'restarting', 'running', 'paused', 'exited', 'removed'];

/** The transitions docker has, as `from>to`; the key is also the label's key. */
export const DIAGRAM_EDGES: Array<[LifecycleState, LifecycleState]> = [
  ['created', 'running'], ['created', 'removed'], ['running', 'paused'], ['paused', 'running'],
  ['running', 'exited'], ['running', 'restarting'], ['restarting', 'running'], ['restarting', 'exited'],
  ['exited', 'running'], ['exited', 'removed'], ['running', 'removed'], ['paused', 'exited'],
];

export interface StateNode { state: LifecycleState; x: number; y: number; width: number; height: number; laneBottom: number; count: number }

export interface EdgeNode {
  key: string; from: LifecycleState; to: LifecycleState;
  /** SVG path of the arc */
  d: string;
  /** apex, for the verb label */
  labelX: number; labelY: number;
  above: boolean;
  /** how many times any container took it */
  taken: number;
  /** ids of the containers that took it */
  containers: string[];
  /** not in docker's diagram but seen (e.g. a start that failed: created → exited) */
  extra: boolean;
}

export interface TokenNode {
  key: string; containerId: string; name: string; state: LifecycleState; text: string;
  /** edge keys it has taken, oldest first */
  path: string[];
  x: number; y: number; width: number; height: number;
}

export interface LifecycleLayout { width: number; height: number; states: StateNode[]; edges: EdgeNode[]; tokens: TokenNode[] }

export const LIFECYCLE_METRICS = { pad: 12, header: 42, arcBase: 20, arcStep: 24, tokenH: 30, tokenGap: 6, inset: 6, font: 14 };

const edgeKey = (from: string, to: string) => `${from}>${to}`;
const arcHeight = (span: number) => LIFECYCLE_METRICS.arcBase + span * LIFECYCLE_METRICS.arcStep;

export function layoutLifecycle(history: LifecycleHistory, size: { width: number; height: number }): LifecycleLayout {
  const m = LIFECYCLE_METRICS;
  const lane = scaleBand<LifecycleState>().domain(LANE_ORDER).range([m.pad, size.width - m.pad]).paddingInner(0.1);
  const w = lane.bandwidth();
  const cx = (s: LifecycleState) => (lane(s) ?? 0) + w / 2;
  const entries = Object.values(history);

  // edges taken, with counts and who took them
  const taken = new Map<string, { n: number; ids: Set<string> }>();
  for (const c of entries) {
    for (const t of c.transitions) {
      const k = edgeKey(t.from, t.to);
      const e = taken.get(k) ?? { n: 0, ids: new Set<string>() };
      e.n++;
      e.ids.add(c.id);
      taken.set(k, e);
    }
  }
  const pairs = [...DIAGRAM_EDGES];
  for (const k of taken.keys()) {
    const [from, to] = k.split('>') as [LifecycleState, LifecycleState];
    if (!pairs.some(([a, b]) => a === from && b === to)) pairs.push([from, to]);
  }
  const span = (a: LifecycleState, b: LifecycleState) => Math.abs(LANE_ORDER.indexOf(a) - LANE_ORDER.indexOf(b));
  const forward = (a: LifecycleState, b: LifecycleState) => LANE_ORDER.indexOf(a) < LANE_ORDER.indexOf(b);
  const maxUp = Math.max(0, ...pairs.filter(([a, b]) => forward(a, b)).map(([a, b]) => arcHeight(span(a, b))));
  const maxDown = Math.max(0, ...pairs.filter(([a, b]) => !forward(a, b)).map(([a, b]) => arcHeight(span(a, b))));
  const headerY = m.pad + maxUp + m.font + 4;
  const headerBottom = headerY + m.header;
  const tokensTop = headerBottom + maxDown + m.font + 12;

  const edges: EdgeNode[] = pairs.map(([from, to]) => {
    const above = forward(from, to);
    const h = arcHeight(span(from, to));
    // start and end apart from the centre so an arc and its reverse do not overlap
    const x1 = cx(from) + (above ? 12 : -12);
    const x2 = cx(to) + (above ? -12 : 12);
    const y = above ? headerY : headerBottom;
    const apexY = above ? y - h : y + h;
    const p = d3path();
    p.moveTo(x1, y);
    // a quadratic's apex is halfway to its control point: aim the control at twice the height
    p.quadraticCurveTo((x1 + x2) / 2, above ? y - 2 * h : y + 2 * h, x2, y);
    const t = taken.get(edgeKey(from, to));
    return {
      key: edgeKey(from, to), from, to, d: p.toString(), labelX: (x1 + x2) / 2, labelY: above ? apexY - 4 : apexY + m.font + 2,
      above, taken: t?.n ?? 0, containers: [...(t?.ids ?? [])],
      extra: !DIAGRAM_EDGES.some(([a, b]) => a === from && b === to),
    };
  });

  const perLane = new Map<LifecycleState, number>();
  const tokens: TokenNode[] = entries.map((c) => {
    const k = perLane.get(c.state) ?? 0;
    perLane.set(c.state, k + 1);
    return {
      key: `t:${c.id}`, containerId: c.id, name: c.name, state: c.state, text: fit(c.name, w - 2 * m.inset - 12, m.font),
      path: c.transitions.map((t) => edgeKey(t.from, t.to)),
      x: (lane(c.state) ?? 0) + m.inset, y: tokensTop + k * (m.tokenH + m.tokenGap), width: w - 2 * m.inset, height: m.tokenH,
    };
  });
  const tallest = Math.max(0, ...perLane.values());
  const bottom = Math.max(size.height, tokensTop + tallest * (m.tokenH + m.tokenGap) + m.pad);

  const states: StateNode[] = LIFECYCLE_STATES.map((s) => ({
    state: s, x: lane(s) ?? 0, y: headerY, width: w, height: m.header, laneBottom: bottom - m.pad, count: perLane.get(s) ?? 0,
  }));
  return { width: size.width, height: bottom, states, edges, tokens };
}
