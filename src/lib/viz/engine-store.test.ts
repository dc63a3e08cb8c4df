import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineState } from '../../protocol/engine';
import { benchState, benchXray } from './bench-fixture';
import { EngineStore, type EngineSource } from './engine-store.svelte';

/** A source whose engineState answers are released by hand. */
function fakeSource() {
  const listeners = new Set<(e: EngineEvent) => void>();
  const pending: Array<{ resolve: (s: EngineState) => void; reject: (e: Error) => void }> = [];
  const source: EngineSource = {
    engineState: () => new Promise((resolve, reject) => pending.push({ resolve, reject })),
    onEngineEvent: (cb) => { listeners.add(cb); return () => listeners.delete(cb); },
  };
  return { source, pending, listeners, emit: (e: EngineEvent) => listeners.forEach((l) => l(e)) };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('EngineStore', () => {
  it('loads a snapshot at start and fills the history from it', async () => {
    const f = fakeSource();
    const store = new EngineStore(f.source);
    expect(store.state).toBeNull();
    const s = benchState(2);
    f.pending[0].resolve(s);
    await tick();
    expect(f.pending).toHaveLength(1);
    expect(store.state).toBe(s);
    expect(Object.keys(store.history)).toEqual(s.containers.map((c) => c.id));
    store.dispose();
  });

  it('a burst of events makes one request in flight and one queued', async () => {
    const f = fakeSource();
    const store = new EngineStore(f.source, { refreshNow: false });
    for (const op of ['container.created', 'container.started'] as const) f.emit({ op, containerId: 'x', name: 'x', time: 1 });
    f.emit(benchXray());
    expect(f.pending).toHaveLength(1);
    expect(store.history.x.state).toBe('running');
    expect(store.lastXray?.command).toContain('docker run');
    f.pending[0].resolve(benchState(0, 0));
    await tick();
    await tick();
    expect(f.pending).toHaveLength(2);
    f.pending[1].resolve(benchState(0, 0));
    await tick();
    expect(f.pending).toHaveLength(2);
    store.dispose();
  });

  it('keeps background x-rays apart from the last command', () => {
    const f = fakeSource();
    const store = new EngineStore(f.source, { refreshNow: false });
    f.emit(benchXray());
    f.emit({ ...benchXray(), command: '' });
    expect(store.lastXray?.command).not.toBe('');
    expect(store.backgroundXray?.command).toBe('');
    store.dispose();
  });

  it('records an error and clears it on the next answer', async () => {
    const f = fakeSource();
    const store = new EngineStore(f.source);
    f.pending[0].reject(new Error('timed out'));
    await tick();
    expect(store.error).toBe('timed out');
    const done = store.refresh();
    f.pending[1].resolve(benchState(1));
    await done;
    expect(store.error).toBeNull();
    expect(store.refreshes).toBe(1);
  });

  it('after dispose it stops listening and ignores late answers', async () => {
    const f = fakeSource();
    const store = new EngineStore(f.source);
    store.dispose();
    expect(f.listeners.size).toBe(0);
    f.pending[0].resolve(benchState(1));
    await tick();
    expect(store.state).toBeNull();
  });
  it('collects a build step by step, asking for a snapshot only when it ends', () => {
    const f = fakeSource();
    const store = new EngineStore(f.source, { refreshNow: false });
    const step = { op: 'build.step', build: 'b1', of: 2, line: 1, instruction: 'FROM busybox' } as const;
    f.emit({ ...step, step: 1, status: 'start' });
    f.emit({ ...step, step: 1, status: 'config', ms: 2 });
    expect(store.build?.steps.map((s) => s.status)).toEqual(['config']);
    expect(f.pending).toHaveLength(0);
    f.emit({ ...step, step: 2, line: 2, instruction: 'COPY a /a', status: 'layer', diffId: 'sha256:aa', size: 5 });
    f.emit({ ...step, step: 2, status: 'built', diffId: 'sha256:img' });
    expect(store.build).toMatchObject({ status: 'built', imageId: 'sha256:img' });
    expect(f.pending).toHaveLength(1);
    store.dispose();
  });
});
