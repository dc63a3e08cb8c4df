// Protects machine snapshots: restoreState brings back the guest's files exactly as saved, and the agent answers.
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

describe('save and restore the machine state', () => {
  it('a file deleted after saveState is back after restoreState', async () => {
    await run(guest(), 'echo "saved at $(date +%s)" > /root/keep.txt && sync');
    const written = await run(guest(), 'cat /root/keep.txt');
    const bootId = await run(guest(), 'cat /proc/sys/kernel/random/boot_id');

    const state = await guest().saveState();
    expect(state.byteLength).toBeGreaterThan(1024 * 1024);

    await run(guest(), 'rm /root/keep.txt && echo after-save > /root/later.txt');
    expect(await run(guest(), 'test -e /root/keep.txt && echo present || echo absent')).toBe('absent');

    await guest().restoreState(state);
    expect(await run(guest(), 'cat /root/keep.txt')).toBe(written);
    expect(await run(guest(), 'test -e /root/later.txt && echo present || echo absent')).toBe('absent');
    // the same boot, still answering
    expect(await run(guest(), 'cat /proc/sys/kernel/random/boot_id')).toBe(bootId);
    await guest().ping();
    expect(await run(guest(), 'echo alive')).toBe('alive');
  }, TEST_TIMEOUT);
});
