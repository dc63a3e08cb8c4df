import { describe, expect, it } from 'vitest';
import type { BuildEvent } from '../../protocol/engine';
import { applyBuildEvent, currentBuild, EMPTY_BUILDS, KEEP_RUNS, type BuildHistory } from './build-steps';

const ev = (build: string, step: number, status: BuildEvent['status'], extra: Partial<BuildEvent> = {}): BuildEvent =>
  ({ op: 'build.step', build, step, of: 4, line: step, instruction: status === 'failed' ? '' : `I${step}`, status, ...extra });
const run = (events: BuildEvent[], from: BuildHistory = EMPTY_BUILDS) => events.reduce(applyBuildEvent, from);

describe('applyBuildEvent', () => {
  it('orders the steps of a build and records what became of each', () => {
    const h = run([
      ev('b1', 1, 'start'), ev('b1', 1, 'config', { ms: 3 }),
      ev('b1', 2, 'start'), ev('b1', 2, 'cached', { diffId: 'sha256:aa', size: 10, ms: 5 }),
      ev('b1', 3, 'start'), ev('b1', 3, 'layer', { diffId: 'sha256:bb', size: 20, ms: 900 }),
      ev('b1', 4, 'start'), ev('b1', 4, 'config', { ms: 1 }),
      ev('b1', 4, 'built', { diffId: 'sha256:image' }),
    ]);
    const b = currentBuild(h)!;
    expect(b).toMatchObject({ id: 'b1', of: 4, status: 'built', imageId: 'sha256:image' });
    expect(b.steps.map((s) => [s.step, s.instruction, s.status, s.diffId, s.size, s.ms])).toEqual([
      [1, 'I1', 'config', undefined, undefined, 3],
      [2, 'I2', 'cached', 'sha256:aa', 10, 5],
      [3, 'I3', 'layer', 'sha256:bb', 20, 900],
      [4, 'I4', 'config', undefined, undefined, 1],
    ]);
  });

  it('FROM is the base at once: no other event comes for it', () => {
    const b = currentBuild(run([ev('b1', 1, 'start', { instruction: 'FROM busybox' }), ev('b1', 2, 'start')]))!;
    expect(b.steps.map((s) => s.status)).toEqual(['base', 'running']);
  });

  it('shows a running step, and a failed one keeps its instruction and line', () => {
    let h = run([ev('b1', 1, 'start'), ev('b1', 1, 'config'), ev('b1', 2, 'start', { line: 7, instruction: 'RUN false' })]);
    expect(currentBuild(h)!.steps[1]).toMatchObject({ status: 'running', instruction: 'RUN false' });
    h = applyBuildEvent(h, ev('b1', 2, 'failed', { line: 7 }));
    const b = currentBuild(h)!;
    expect(b.status).toBe('failed');
    expect(b.failedLine).toBe(7);
    expect(b.steps[1]).toMatchObject({ status: 'failed', instruction: 'RUN false', line: 7 });
  });

  it('a failure before any step (a Dockerfile error) fails the run without a step', () => {
    const b = currentBuild(run([ev('b1', 0, 'failed', { line: 3 })]))!;
    expect(b).toMatchObject({ status: 'failed', failedLine: 3, steps: [] });
  });

  it('a new build becomes current; late events of the old one update it only', () => {
    let h = run([ev('b1', 1, 'start'), ev('b2', 1, 'start')]);
    expect(h.current).toBe('b2');
    h = applyBuildEvent(h, ev('b1', 1, 'layer', { diffId: 'sha256:x' }));
    expect(h.current).toBe('b2');
    expect(h.runs.b1.steps[0].status).toBe('layer');
    expect(h.runs.b2.steps[0].status).toBe('running');
  });

  it(`keeps the last ${KEEP_RUNS} runs`, () => {
    const h = run(Array.from({ length: KEEP_RUNS + 3 }, (_, i) => ev(`b${i}`, 1, 'start')));
    expect(h.order).toHaveLength(KEEP_RUNS);
    expect(Object.keys(h.runs)).toHaveLength(KEEP_RUNS);
    expect(h.current).toBe(`b${KEEP_RUNS + 2}`);
    expect(h.runs.b0).toBeUndefined();
  });

  it('does not change the history it was given', () => {
    const before = run([ev('b1', 1, 'start')]);
    const copy = structuredClone(before);
    applyBuildEvent(before, ev('b1', 1, 'layer'));
    expect(before).toEqual(copy);
  });
});
