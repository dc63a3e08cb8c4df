import { describe, expect, it } from 'vitest';
import { applyEvent, type LifecycleHistory } from './lifecycle-history';
import { DIAGRAM_EDGES, layoutLifecycle } from './lifecycle-layout';

const SIZE = { width: 960, height: 400 };

function history(): LifecycleHistory {
  let h: LifecycleHistory = {};
  const ev = (op: 'container.created' | 'container.started' | 'container.exited' | 'container.removed', id: string, time: number) =>
    (h = applyEvent(h, { op, containerId: id, name: `n-${id}`, time }));
  ev('container.created', 'a', 1); ev('container.started', 'a', 2); ev('container.exited', 'a', 3); ev('container.removed', 'a', 4);
  ev('container.created', 'b', 5); ev('container.started', 'b', 6);
  ev('container.created', 'c', 7); ev('container.exited', 'c', 8); // a start that failed
  return h;
}

describe('lifecycle layout', () => {
  const layout = layoutLifecycle(history(), SIZE);

  it('has all six states as lanes, left to right, and every docker transition', () => {
    expect(layout.states.map((s) => s.state).sort()).toEqual(['created', 'exited', 'paused', 'removed', 'restarting', 'running']);
    for (const [a, b] of DIAGRAM_EDGES) expect(layout.edges.some((e) => e.key === `${a}>${b}`)).toBe(true);
    for (const e of layout.edges) expect(e.d).toMatch(/^M[\d.]+,[\d.]+Q/);
  });

  it('places each container in the lane of its current state', () => {
    const at = (id: string) => layout.tokens.find((t) => t.containerId === id)!;
    const lane = (s: string) => layout.states.find((x) => x.state === s)!;
    expect(at('a').state).toBe('removed');
    expect(at('b').x).toBeGreaterThanOrEqual(lane('running').x);
    expect(at('b').x + at('b').width).toBeLessThanOrEqual(lane('running').x + lane('running').width);
    expect(at('b').y).toBeGreaterThan(lane('running').y + lane('running').height);
    expect(lane('running').count).toBe(1);
  });

  it('marks the transitions taken, by whom, and adds unusual ones as extra', () => {
    const e = (k: string) => layout.edges.find((x) => x.key === k)!;
    expect(e('created>running')).toMatchObject({ taken: 2, extra: false });
    expect(e('created>running').containers.sort()).toEqual(['a', 'b']);
    expect(e('running>paused').taken).toBe(0);
    expect(e('created>exited')).toMatchObject({ taken: 1, extra: true });
    expect(layout.tokens.find((t) => t.containerId === 'a')!.path).toEqual(['created>running', 'running>exited', 'exited>removed']);
  });

  it('draws forward arcs above the headers and backward ones below', () => {
    const up = layout.edges.find((x) => x.key === 'created>running')!;
    const down = layout.edges.find((x) => x.key === 'paused>running')!;
    const header = layout.states[0];
    expect(up.above && up.labelY < header.y).toBe(true);
    expect(!down.above && down.labelY > header.y + header.height).toBe(true);
  });

  it('an empty history still draws the diagram', () => {
    const l = layoutLifecycle({}, SIZE);
    expect(l.tokens).toEqual([]);
    expect(l.height).toBe(SIZE.height);
  });
});
