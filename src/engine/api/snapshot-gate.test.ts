import { describe, expect, it } from 'vitest';
import { GRACE_MS, LONG_MS, SnapshotGate } from './snapshot-gate';

describe('the snapshot gate: the student\'s commands before the pictures\' snapshots', () => {
  it('an idle daemon snapshots at once', () => {
    expect(new SnapshotGate().waitMs(5)).toBe(0);
  });

  it('after a command ends, it waits GRACE_MS for the next one', () => {
    const gate = new SnapshotGate();
    gate.started(100);
    gate.ended(300);
    expect(gate.waitMs(300)).toBe(GRACE_MS);
    expect(gate.waitMs(300 + GRACE_MS)).toBe(0);
  });

  it('a loop of short commands keeps it waiting until the loop ends', () => {
    const gate = new SnapshotGate();
    let now = 0;
    for (let i = 0; i < 5; i++) {
      gate.started(now);
      expect(gate.waitMs(now)).toBeGreaterThan(0);
      now += 120;
      gate.ended(now);
      now += 40; // the next command arrives within the grace
      expect(gate.waitMs(now)).toBeGreaterThan(0);
    }
    expect(gate.waitMs(now + GRACE_MS)).toBe(0);
  });

  it('a long command (an interactive shell) gets snapshots beside it after LONG_MS', () => {
    const gate = new SnapshotGate();
    gate.started(1000);
    expect(gate.waitMs(1200)).toBe(LONG_MS - 200);
    expect(gate.waitMs(1000 + LONG_MS)).toBe(0);
    gate.started(5000); // a second command while the first still runs: the long one still counts
    expect(gate.waitMs(5000)).toBe(0);
  });
});
