import { describe, expect, it } from 'vitest';
import { benchXray } from './bench-fixture';
import { layoutXray, XRAY_METRICS } from './xray-layout';

const SIZE = { width: 960, height: 200 };

describe('xray layout', () => {
  const event = benchXray();
  const layout = layoutXray(event, SIZE);

  it('one bar per step, in order, each row below the last', () => {
    expect(layout.bars.map((b) => b.op)).toEqual(event.steps.map((s) => s.op));
    for (let i = 1; i < layout.bars.length; i++) expect(layout.bars[i].y).toBeGreaterThan(layout.bars[i - 1].y);
    expect(layout.command).toBe(event.command);
  });

  it('bars start at their time and are as long as they took, within the plot', () => {
    const [a, b] = [layout.bars[1], layout.bars[7]];
    expect(b.x).toBeGreaterThan(a.x);
    expect(b.width / a.width).toBeCloseTo(event.steps[7].ms / event.steps[1].ms, 5);
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plotX);
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plotX + layout.plotWidth + XRAY_METRICS.minBar);
    }
    expect(layout.bars[4].by).toBe('launcher');
    expect(layout.ticks.length).toBeGreaterThan(1);
  });

  it('lays steps without start times end to end', () => {
    const l = layoutXray({ op: 'xray', command: '', steps: [{ op: 'a', detail: '', ms: 1 }, { op: 'b', detail: '', ms: 3 }], ms: 0, dropped: 2 }, SIZE);
    expect(l.totalMs).toBe(4);
    expect(l.bars[1].x).toBeCloseTo(l.bars[0].x + l.bars[0].width, 5);
    expect(l.dropped).toBe(2);
  });

  it('no command yet: no bars', () => {
    expect(layoutXray(null, SIZE).bars).toEqual([]);
  });
});
