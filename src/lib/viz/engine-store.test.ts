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

  it("keeps the last command's packet path, and clears it when the next snapshot moved no packet", async () => {
    const f = fakeSource();
    const store = new EngineStore(f.source);
    f.pending[0].resolve(benchState(4, 1, 0));
    await tick();
    expect(store.path).toBeNull();
    for (const [traffic, hot] of [[1, true], [1, false]] as const) {
      f.emit(benchXray());
      f.pending.at(-1)!.resolve(benchState(4, 2, traffic));
      await tick();
      expect(store.path !== null).toBe(hot);
    }
    store.dispose();
  });

  it('asks for one snapshot per command: at its x-ray, not at each lifecycle event', async () => {
    const f = fakeSource();
    const store = new EngineStore(f.source, { refreshNow: false, quietMs: 30 });
    for (const op of ['container.created', 'container.started', 'container.exited', 'container.removed'] as const) {
      f.emit({ op, containerId: 'x', name: 'x', time: 1 });
    }
    expect(f.pending).toHaveLength(0);
    expect(store.history.x.state).toBe('removed');
    f.emit(benchXray());
    expect(f.pending).toHaveLength(1);
    expect(store.lastXray?.command).toContain('docker run');
    f.pending[0].resolve(benchState(0, 0));
    // the quiet-spell request was cancelled by the x-ray
    await new Promise((r) => setTimeout(r, 60));
    expect(f.pending).toHaveLength(1);
    store.dispose();
  });

  it('lifecycle events without an x-ray ask once, after a quiet spell', async () => {
    const f = fakeSource();
    const store = new EngineStore(f.source, { refreshNow: false, quietMs: 30 });
    f.emit({ op: 'container.exited', containerId: 'x', name: 'x', exitCode: 0, time: 1 });
    await new Promise((r) => setTimeout(r, 10));
    f.emit({ op: 'container.removed', containerId: 'x', name: 'x', time: 2 });
    expect(f.pending).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(f.pending).toHaveLength(1);
    store.dispose();
  });

  it('x-rays in a burst make one request in flight and one queued', async () => {
    const f = fakeSource();
    const store = new EngineStore(f.source, { refreshNow: false });
    for (let i = 0; i < 3; i++) f.emit(benchXray());
    expect(f.pending).toHaveLength(1);
    f.pending[0].resolve(benchState(0, 0));
    await tick();
    await tick();
    expect(f.pending).toHaveLength(2);
    f.pending[1].resolve(benchState(0, 0));
    await tick();
    expect(f.pending).toHaveLength(2);
    store.dispose();
  });

  it('marks the writable-layer changes that are new since the previous snapshot', async () => {
    const f = fakeSource();
    const store = new EngineStore(f.source);
    const s1 = benchState(1);
    const c = s1.containers[0];
    c.upperDir = { entries: [{ path: '/etc', kind: 'dir', lower: true }, { path: '/etc/motd', kind: 'whiteout', lower: true }], truncated: false };
    f.pending[0].resolve(s1);
    await tick();
    expect(store.changes).toEqual([{ containerId: c.id, path: '/etc/motd', kind: 'D' }]);
    const s2 = benchState(1);
    s2.containers[0].upperDir = { entries: [...c.upperDir.entries, { path: '/etc/hosts.allow', kind: 'file', lower: true }], truncated: false };
    const done = store.refresh();
    f.pending[1].resolve(s2);
    await done;
    expect(store.changes).toEqual([
      { containerId: c.id, path: '/etc/motd', kind: 'D' },
      { containerId: c.id, path: '/etc/hosts.allow', kind: 'C', fresh: true },
    ]);
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
  it('collects a build step by step; the build\'s x-ray asks for the snapshot', () => {
    const f = fakeSource();
    const store = new EngineStore(f.source, { refreshNow: false });
    const step = { op: 'build.step', build: 'b1', of: 2, line: 1, instruction: 'FROM busybox' } as const;
    f.emit({ ...step, step: 1, status: 'start' });
    f.emit({ ...step, step: 1, status: 'config', ms: 2 });
    expect(store.build?.steps.map((s) => s.status)).toEqual(['config']);
    f.emit({ ...step, step: 2, line: 2, instruction: 'COPY a /a', status: 'layer', diffId: 'sha256:aa', size: 5 });
    f.emit({ ...step, step: 2, status: 'built', diffId: 'sha256:img' });
    expect(store.build).toMatchObject({ status: 'built', imageId: 'sha256:img' });
    expect(f.pending).toHaveLength(0);
    f.emit({ ...benchXray(), command: 'docker build -t x .' });
    expect(f.pending).toHaveLength(1);
    store.dispose();
  });
});
