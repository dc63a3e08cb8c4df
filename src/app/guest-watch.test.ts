// The crash watcher: a panic on the console (even split across chunks) and pings that time
// out are reported once; a ping aborted by a restore, or missed while paused, is not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Crash } from '../lib/machines/emulator.machine';
import { watchGuest, type WatchedGuest } from './guest-watch';

class Timeout extends Error { override name = 'ControlTimeoutError'; }

function fakeGuest(ping: () => Promise<unknown>) {
  let listener: (bytes: Uint8Array) => void = () => {};
  const guest: WatchedGuest = {
    onTerminal: (l) => { listener = l; return () => { listener = () => {}; }; },
    ping: vi.fn(ping),
  };
  return { guest, print: (text: string) => listener(new TextEncoder().encode(text)) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchGuest', () => {
  it('reports a kernel panic printed on the console, even split across chunks, once', () => {
    const { guest, print } = fakeGuest(async () => ({}));
    const crashes: Crash[] = [];
    watchGuest(guest, (c) => crashes.push(c));
    print('[  12.3] sysrq: Trigger a crash\r\n[  12.4] Kernel pan');
    print('ic - not syncing: sysrq triggered crash\r\n');
    print('Kernel panic - not syncing: again\r\n');
    expect(crashes).toEqual([{ kind: 'panic', detail: 'Kernel panic - not syncing: sysrq triggered crash' }]);
  });

  it('reports a hang when two pings in a row time out', async () => {
    const { guest } = fakeGuest(() => Promise.reject(new Timeout('ping')));
    const crashes: Crash[] = [];
    watchGuest(guest, (c) => crashes.push(c), { pingEveryMs: 10_000, pingTimeoutMs: 5_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(crashes.map((c) => c.kind)).toEqual(['hang']);
    expect(guest.ping).toHaveBeenCalledTimes(2);
  });

  it('keeps quiet when the guest answers, when a ping is aborted by a restore, and while paused', async () => {
    let answer: () => Promise<unknown> = async () => ({});
    const { guest } = fakeGuest(() => answer());
    const crashes: Crash[] = [];
    let paused = false;
    watchGuest(guest, (c) => crashes.push(c), { paused: () => paused });
    await vi.advanceTimersByTimeAsync(30_000);
    answer = () => Promise.reject(new Error('the machine state was restored'));
    await vi.advanceTimersByTimeAsync(10_000);
    paused = true;
    answer = () => Promise.reject(new Timeout('ping'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(crashes).toEqual([]);
  });

  it('stops listening and polling when stopped', async () => {
    const { guest, print } = fakeGuest(() => Promise.reject(new Timeout('ping')));
    const crashes: Crash[] = [];
    const stop = watchGuest(guest, (c) => crashes.push(c));
    stop();
    print('Kernel panic - not syncing: x\n');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(crashes).toEqual([]);
    expect(guest.ping).not.toHaveBeenCalled();
  });
});
