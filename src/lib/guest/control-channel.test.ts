// Protects the host side of the control channel: replies matched by id, timeouts, events and aborts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeFrame, encodeEventFrame, encodeFrame, type ControlRequest, type GuestMessage } from '../../protocol/control';
import { ControlChannel, ControlTimeoutError } from './control-channel';

function setup() {
  const sent: ControlRequest[] = [];
  const channel = new ControlChannel((frame) => {
    const text = String.fromCharCode(...frame);
    expect(text.endsWith('\n')).toBe(true);
    sent.push(decodeFrame<ControlRequest>(text.slice(0, -1))!);
  });
  /** what the guest writes on its reply port, a byte at a time (lines cut anywhere must still come through) */
  const port = channel.stream();
  const guestWrites = (text: string) => { for (const c of text) port(Uint8Array.of(c.charCodeAt(0))); };
  const reply = (message: GuestMessage) => guestWrites(encodeFrame(message));
  return { channel, sent, guestWrites, reply };
}
const pong = (id: number, bootId = `boot-${id}`): GuestMessage => ({ id, op: 'pong', version: 1, bootId, uptimeMs: id });

describe('ControlChannel', () => {
  afterEach(() => vi.useRealTimers());

  it('writes one frame per request, with increasing ids', async () => {
    const { channel, sent } = setup();
    const pending = [channel.request({ op: 'ping' }, 1000), channel.request({ op: 'exec', cmd: 'ls', timeoutMs: 5 }, 1000)];
    expect(sent).toEqual([{ id: 1, op: 'ping' }, { id: 2, op: 'exec', cmd: 'ls', timeoutMs: 5 }]);
    channel.abortAll('done');
    await Promise.allSettled(pending);
  });

  it('matches replies to requests by id, whatever order they arrive in', async () => {
    const { channel, sent, reply } = setup();
    const pending = [1, 2, 3].map(() => channel.request({ op: 'ping' }, 1000));
    for (const id of [3, 1, 2]) reply(pong(sent[id - 1].id));
    expect((await Promise.all(pending)).map((r) => (r as { bootId: string }).bootId)).toEqual(['boot-1', 'boot-2', 'boot-3']);
  });

  it('skips console noise, junk before a frame, and replies nobody waits for', async () => {
    const { channel, guestWrites, reply } = setup();
    const answer = channel.request({ op: 'ping' }, 1000);
    guestWrites('random console output\r\n\u0000\u00ff\n');
    reply(pong(99)); // unknown id
    guestWrites('junk on the same line' + encodeFrame(pong(1, 'the-one')));
    await expect(answer).resolves.toMatchObject({ id: 1, bootId: 'the-one' });
  });

  it('rejects with ControlTimeoutError when the guest does not answer, and ignores a late reply', async () => {
    vi.useFakeTimers();
    const { channel, reply } = setup();
    const answer = channel.request({ op: 'exec', cmd: 'sleep 9' }, 1500);
    const settled = expect(answer).rejects.toThrow(new ControlTimeoutError('exec', 1500));
    vi.advanceTimersByTime(1499);
    vi.advanceTimersByTime(1);
    await settled;
    await expect(answer).rejects.toThrow(/did not answer 'exec' within 1500 ms/);
    expect(() => reply(pong(1))).not.toThrow();
  });

  it('hands messages without an id to event listeners until they unsubscribe', () => {
    const { channel, reply } = setup();
    const events: unknown[] = [];
    const off = channel.onEvent((e) => events.push(e));
    const hello: GuestMessage = { op: 'hello', version: 1, bootId: 'b', uptimeMs: 5 };
    reply(hello);
    off();
    reply(hello);
    expect(events).toEqual([hello]);
  });

  it('abortAll fails every request in flight with the reason and clears their timers', async () => {
    vi.useFakeTimers();
    const { channel, reply } = setup();
    const pending = [channel.request({ op: 'ping' }, 1000), channel.request({ op: 'ping' }, 1000)];
    channel.abortAll('the machine state was restored');
    for (const p of pending) await expect(p).rejects.toThrow('the machine state was restored');
    expect(vi.getTimerCount()).toBe(0);
    reply(pong(1)); // too late: ignored
    // the channel still works afterwards
    const next = channel.request({ op: 'ping' }, 1000);
    reply(pong(3));
    await expect(next).resolves.toMatchObject({ id: 3 });
  });

  it('reads the engine events\' own stream: UTF-8 frames, the x-ray decoded into steps', () => {
    const { channel } = setup();
    const events = channel.stream();
    const seen: unknown[] = [];
    channel.onEvent((e) => seen.push(e));
    const frame = encodeEventFrame({ op: 'xray', command: 'docker run –v 한글', ms: 4, started: 100, dropped: 0,
      lines: 'l 101.500 0.250 mount proc on /proc\nd 100.250 1.000 mkdir /sys/fs/cgroup/dockhand/x' });
    const bytes = new TextEncoder().encode(frame);
    events(bytes.subarray(0, 20)); // a frame may arrive in pieces
    events(bytes.subarray(20));
    expect(seen).toEqual([{ op: 'xray', command: 'docker run –v 한글', ms: 4, dropped: 0, steps: [
      { op: 'mkdir', detail: '/sys/fs/cgroup/dockhand/x', ms: 1, by: 'daemon', at: 0.25 },
      { op: 'mount', detail: 'proc on /proc', ms: 0.25, by: 'launcher', at: 1.5 },
    ] }]);
  });
});
