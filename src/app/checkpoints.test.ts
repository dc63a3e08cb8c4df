// Checkpoints: kept per lesson step, the least recently saved dropped first, the boot state
// as the fallback, and a copy handed to the emulator.
import { describe, expect, it } from 'vitest';
import { Checkpoints, type StateHolder } from './checkpoints';

function fakeGuest() {
  let n = 0;
  const restored: number[] = [];
  const guest: StateHolder = {
    saveState: async () => new Uint8Array([++n]).buffer,
    restoreState: async (state) => { restored.push(new Uint8Array(state)[0]); },
  };
  return { guest, restored };
}

describe('Checkpoints', () => {
  it('restores the step\'s own checkpoint, else the boot state', async () => {
    const { guest, restored } = fakeGuest();
    const checkpoints = new Checkpoints(guest);
    await checkpoints.saveBoot(); // state 1
    await checkpoints.save('demo', 0); // state 2
    expect(await checkpoints.restore('demo', 0)).toMatchObject({ from: 'step' });
    expect(await checkpoints.restore('demo', 3)).toMatchObject({ from: 'boot' });
    expect(await checkpoints.restore(null)).toMatchObject({ from: 'boot' });
    expect(restored).toEqual([2, 1, 1]);
  });

  it('keeps the snapshot the machine was restored from as the boot state, rather than saving the whole RAM again', async () => {
    const { guest, restored } = fakeGuest();
    const checkpoints = new Checkpoints({ ...guest, bootSnapshot: new Uint8Array([42]).buffer });
    await checkpoints.saveBoot();
    await checkpoints.save('demo', 0); // state 1: saveState was not called for the boot
    expect(await checkpoints.restore(null)).toMatchObject({ from: 'boot' });
    expect(await checkpoints.restore('demo', 0)).toMatchObject({ from: 'step' });
    expect(restored).toEqual([42, 1]);
  });

  it('keeps at most `limit` checkpoints, dropping the oldest saved', async () => {
    const { guest } = fakeGuest();
    const checkpoints = new Checkpoints(guest, 2);
    await checkpoints.save('a', 0);
    await checkpoints.save('a', 1);
    await checkpoints.save('a', 0); // saved again: now the newest
    await checkpoints.save('a', 2);
    expect(checkpoints.size).toBe(2);
    expect([checkpoints.has('a', 0), checkpoints.has('a', 1), checkpoints.has('a', 2)]).toEqual([true, false, true]);
  });

  it('says when there is nothing to go back to', async () => {
    const checkpoints = new Checkpoints(fakeGuest().guest);
    await expect(checkpoints.restore('a', 0)).rejects.toThrow(/no saved machine state/);
  });

  it('is restoring (and not idle) only while a restore runs', async () => {
    let release!: () => void;
    const guest: StateHolder = { saveState: async () => new ArrayBuffer(1), restoreState: () => new Promise((r) => { release = r; }) };
    const checkpoints = new Checkpoints(guest);
    await checkpoints.saveBoot();
    const pending = checkpoints.restore(null);
    expect(checkpoints.restoring).toBe(true);
    let idle = false;
    void checkpoints.whenIdle().then(() => { idle = true; });
    await Promise.resolve();
    expect(idle).toBe(false);
    release();
    await pending;
    expect(checkpoints.restoring).toBe(false);
    expect(idle).toBe(true);
  });
});
