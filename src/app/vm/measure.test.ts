import { describe, expect, it } from 'vitest';
import { barRows, maxVms, plannedUseMb, ratio, tabMemory } from './measure';

describe('VM page arithmetic', () => {
  it('fits as many VMs as the budget leaves, at least one, at most the cap', () => {
    expect(maxVms(300, 20)).toBe(7);
    expect(maxVms(440, 20)).toBe(1);
    expect(maxVms(0, 20)).toBe(8);
  });

  it('plans against the whole tab when measured, else the JS heap plus the machines it allocated', () => {
    expect(plannedUseMb({ mb: 410, what: 'measureUserAgentSpecificMemory' }, 163)).toBe(410);
    // the JS heap leaves out the machines' wasm memory: the host's 130 MB and a Linux VM's 33 MB
    expect(plannedUseMb({ mb: 40, what: 'performance.memory (JS heap)' }, 163)).toBe(203);
    expect(plannedUseMb(null, 163)).toBe(300);
    // a 33 MB Linux VM: 7 fit beside 203 MB, 1 beside 420 MB; more is refused by the page
    expect(maxVms(203, 33)).toBe(7);
    expect(maxVms(420, 33)).toBe(1);
  });

  it('draws finished timings as measured and running ones as they grow', () => {
    const rows = barRows([
      { key: 'c', side: 'container', label: 'run', ms: 120, startedAt: 0, source: 'guest' },
      { key: 'v', side: 'vm', label: 'boot', ms: null, startedAt: 1000, source: 'host' },
    ], 1450);
    expect(rows.map((r) => [r.key, r.ms, r.live])).toEqual([['c', 120, false], ['v', 450, true]]);
  });

  it('compares only when both are known', () => {
    expect(ratio(2400, 120)).toBe(20);
    expect(ratio(null, 120)).toBeNull();
  });

  it('reads the tab memory the browser offers', async () => {
    expect(await tabMemory({ memory: { usedJSHeapSize: 50 * 2 ** 20 } } as unknown as Performance, false))
      .toEqual({ mb: 50, what: 'performance.memory (JS heap)' });
    expect(await tabMemory({ measureUserAgentSpecificMemory: async () => ({ bytes: 400 * 2 ** 20 }) } as unknown as Performance, true))
      .toEqual({ mb: 400, what: 'measureUserAgentSpecificMemory' });
    expect(await tabMemory({} as Performance, false)).toBeNull();
  });
});
