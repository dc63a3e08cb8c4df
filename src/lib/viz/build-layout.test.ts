import { describe, expect, it } from 'vitest';
import { layoutBuild, BUILD_METRICS as M } from './build-layout';
import type { BuildRun } from './build-steps';

const run: BuildRun = {
  id: 'b1', of: 5, status: 'failed', failedLine: 4,
  steps: [
    { step: 1, line: 1, instruction: 'FROM busybox', status: 'base', ms: 2 },
    { step: 2, line: 2, instruction: 'COPY hello.sh /hello.sh', status: 'cached', diffId: 'sha256:' + 'a'.repeat(64), size: 120, ms: 4 },
    { step: 3, line: 3, instruction: 'RUN chmod +x /hello.sh', status: 'layer', diffId: 'sha256:' + 'b'.repeat(64), size: 4000, ms: 800 },
    { step: 4, line: 4, instruction: 'RUN false', status: 'failed' },
  ],
};

describe('layoutBuild', () => {
  it('stacks the steps bottom up: step 1 lowest, each above the one before', () => {
    const l = layoutBuild(run, 800);
    expect(l.rows.map((r) => r.step)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < l.rows.length; i++) expect(l.rows[i].y + l.rows[i].height).toBeLessThanOrEqual(l.rows[i - 1].y);
    expect(l.rows[0].y + l.rows[0].height + M.pad + M.gap).toBeCloseTo(l.height);
    expect(Math.min(...l.rows.map((r) => r.y))).toBeGreaterThanOrEqual(M.pad);
  });

  it('config-only steps are thin, layers and a failing RUN full height', () => {
    const l = layoutBuild(run, 800);
    expect(l.rows.map((r) => r.thick)).toEqual([false, true, true, true]);
    expect(l.rows[0].height).toBe(M.thinH);
    expect(l.rows[1].detail).toBe('aaaaaaaaaaaa · 120 B · 4.00 ms');
    expect(l.rows[2].sizeBar).toBeGreaterThan(l.rows[1].sizeBar);
    expect(l.rows[1].where).toBe('2/5 · Dockerfile:2');
    expect(l).toMatchObject({ seen: 4, of: 5, status: 'failed' });
  });

  it('cuts long instructions to the width', () => {
    const long = { ...run, steps: [{ step: 1, line: 1, instruction: `RUN ${'echo hi && '.repeat(40)}`, status: 'layer' as const, size: 1 }] };
    const r = layoutBuild(long, 560).rows[0];
    expect(r.instruction.endsWith('…')).toBe(true);
    expect(r.instruction.length * M.font * 0.6).toBeLessThan(560);
  });
});
