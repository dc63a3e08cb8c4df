import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

/** A task whose runs are finished by hand. */
function manualTask() {
  const runs: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const task = () => new Promise<void>((resolve, reject) => { runs.push({ resolve, reject }); });
  return { runs, task };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('coalesce', () => {
  it('runs at once when idle', async () => {
    const { runs, task } = manualTask();
    const c = coalesce(task);
    const p = c.request();
    expect(runs).toHaveLength(1);
    expect(c.busy).toBe(true);
    runs[0].resolve();
    await p;
    await tick();
    expect(c.busy).toBe(false);
  });

  it('a burst while one run is in flight makes exactly one more run', async () => {
    const { runs, task } = manualTask();
    const c = coalesce(task);
    const first = c.request();
    const queued = [c.request(), c.request(), c.request()];
    expect(queued[0]).toBe(queued[1]);
    expect(runs).toHaveLength(1);
    runs[0].resolve();
    await first;
    await tick();
    expect(runs).toHaveLength(2);
    // while the second runs, a new request queues a third
    const third = c.request();
    expect(runs).toHaveLength(2);
    runs[1].resolve();
    await Promise.all(queued);
    await tick();
    expect(runs).toHaveLength(3);
    runs[2].resolve();
    await third;
  });

  it('a failed run does not stop the queued one, and the caller sees the error', async () => {
    const { runs, task } = manualTask();
    const c = coalesce(task);
    const first = c.request();
    const second = c.request();
    runs[0].reject(new Error('link down'));
    await expect(first).rejects.toThrow('link down');
    await tick();
    expect(runs).toHaveLength(2);
    runs[1].resolve();
    await second;
  });

  it('a task that throws synchronously rejects the request', async () => {
    const c = coalesce(() => { throw new Error('sync'); });
    await expect(c.request()).rejects.toThrow('sync');
    await tick();
    expect(c.busy).toBe(false);
  });
});
