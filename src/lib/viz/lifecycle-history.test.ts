import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineState } from '../../protocol/engine';
import { benchState } from './bench-fixture';
import { applyEvent, MAX_REMOVED, normalizeState, observeSnapshot, type LifecycleHistory } from './lifecycle-history';

const ev = (op: 'container.created' | 'container.started' | 'container.exited' | 'container.removed', time: number, exitCode?: number): EngineEvent =>
  ({ op, containerId: 'c1', name: 'web', time, ...(exitCode !== undefined ? { exitCode } : {}) });

function withState(status: string, time: number, id = 'c1'): EngineState {
  const s = benchState(1);
  return { ...s, time, containers: [{ ...s.containers[0], id, name: 'web', state: status }] };
}

describe('lifecycle history', () => {
  it('follows created → running → exited → removed from events', () => {
    let h: LifecycleHistory = {};
    for (const e of [ev('container.created', 1), ev('container.started', 2), ev('container.exited', 3, 137), ev('container.removed', 4)]) h = applyEvent(h, e);
    expect(h.c1.state).toBe('removed');
    expect(h.c1.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['created>running', 'running>exited', 'exited>removed']);
    expect(h.c1.transitions[1].exitCode).toBe(137);
  });

  it('ignores xray events and repeated states', () => {
    let h = applyEvent({}, ev('container.started', 1));
    h = applyEvent(h, ev('container.started', 2));
    expect(applyEvent(h, { op: 'xray', command: 'docker ps', steps: [], ms: 1, dropped: 0 })).toBe(h);
    expect(h.c1.transitions).toEqual([]);
    expect(h.c1.state).toBe('running');
  });

  it('a snapshot adds what has no event (pause) and a container seen before listening', () => {
    let h = applyEvent({}, ev('container.started', 10));
    h = observeSnapshot(h, withState('paused', 20));
    expect(h.c1.transitions.at(-1)).toMatchObject({ from: 'running', to: 'paused', via: 'snapshot' });
    const fresh = observeSnapshot({}, withState('running', 5, 'c2'));
    expect(fresh.c2).toMatchObject({ state: 'running', transitions: [] });
  });

  it('a snapshot older than the last event changes nothing', () => {
    let h = applyEvent({}, ev('container.created', 10));
    h = applyEvent(h, ev('container.started', 30));
    h = observeSnapshot(h, withState('created', 20));
    expect(h.c1.state).toBe('running');
    expect(h.c1.transitions).toHaveLength(1);
  });

  it('a container gone from a newer snapshot is removed', () => {
    let h = applyEvent({}, ev('container.started', 10));
    h = observeSnapshot(h, { ...withState('running', 20), containers: [] });
    expect(h.c1.state).toBe('removed');
  });

  it('keeps only the newest removed containers', () => {
    let h: LifecycleHistory = {};
    for (let i = 0; i < MAX_REMOVED + 5; i++) {
      h = applyEvent(h, { op: 'container.removed', containerId: `r${i}`, name: `r${i}`, time: i });
    }
    expect(Object.keys(h)).toHaveLength(MAX_REMOVED);
    expect(h.r0).toBeUndefined();
  });

  it('maps engine statuses onto the diagram', () => {
    expect(normalizeState('dead')).toBe('exited');
    expect(normalizeState('paused')).toBe('paused');
  });
});
