// The pure parts of a demo: the typing schedule, the jump plan, the clicker's keys and the
// queries dropped from replayed terminal output.
import { describe, expect, it } from 'vitest';
import { jumpPlan } from './jump-plan';
import { keyAction } from './keys';
import { QUICK, READABLE, scheduleMs, typingSchedule } from './typing';

describe('typing schedule', () => {
  it('types each line after clearing it, pauses before Enter and waits for the prompt', () => {
    const keys = typingSchedule(['docker ps', 'ls\n\necho 한글'], READABLE);
    const sent = keys.map((k) => k.data).join('');
    expect(sent).toBe('\x15docker ps\r\x15ls\r\x15echo 한글\r');
    expect(keys.filter((k) => k.untilPrompt).length).toBe(3);
    expect(keys.filter((k) => k.data === '\r').every((k) => k.delayMs === READABLE.beforeEnterMs && k.untilPrompt)).toBe(true);
    // one keystroke per character as seen, at the readable pace
    expect(keys.filter((k) => k.data === '한' || k.data === '글').map((k) => k.delayMs)).toEqual([70, 70]);
    expect(scheduleMs(keys)).toBe((9 + 2 + 7) * 70 + 3 * 600);
    expect(scheduleMs(keys, keys.length - 1)).toBe(600);
  });

  it('long lines go faster so none takes longer than the cap; quick mode is quick', () => {
    const long = 'x'.repeat(300);
    const keys = typingSchedule([long], READABLE);
    expect(scheduleMs(keys) - READABLE.beforeEnterMs).toBeLessThanOrEqual(READABLE.maxLineMs);
    expect(scheduleMs(typingSchedule(['docker run --rm busybox echo hi'], QUICK))).toBeLessThan(200);
    expect(typingSchedule(['', '  \n'])).toEqual([]);
  });
});

describe('jump plan', () => {
  const saved = (...steps: number[]) => (s: number) => steps.includes(s);
  it('restores the step itself when it was saved', () => {
    expect(jumpPlan(2, saved(0, 2, 3))).toEqual({ restore: 2, play: [] });
  });
  it('else the latest saved step before it, then plays the steps in between', () => {
    expect(jumpPlan(4, saved(0, 2))).toEqual({ restore: 2, play: [2, 3] });
  });
  it('with nothing saved, from the boot state through every earlier step', () => {
    expect(jumpPlan(2, saved())).toEqual({ restore: 'boot', play: [0, 1] });
    expect(jumpPlan(0, saved())).toEqual({ restore: 'boot', play: [] });
    expect(() => jumpPlan(-1, saved())).toThrow(/no step/);
  });
});

describe('clicker keys', () => {
  it('PageDown/PageUp always, other keys only outside the terminal', () => {
    expect(keyAction({ key: 'PageDown', typing: true })).toEqual({ type: 'next' });
    expect(keyAction({ key: 'PageUp', typing: true })).toEqual({ type: 'previous' });
    expect(keyAction({ key: 'ArrowRight', typing: true })).toBeNull();
    expect(keyAction({ key: 'ArrowRight', typing: false })).toEqual({ type: 'next' });
    expect(keyAction({ key: 'ArrowLeft', typing: false })).toEqual({ type: 'previous' });
    expect(keyAction({ key: 'b', typing: false })).toEqual({ type: 'blank' });
    expect(keyAction({ key: '.', typing: false })).toEqual({ type: 'blank' });
    expect(keyAction({ key: 'b', typing: true })).toBeNull();
    expect(keyAction({ key: '+', typing: false })).toEqual({ type: 'zoom', by: 1 });
    expect(keyAction({ key: 'PageDown', ctrlKey: true, typing: false })).toBeNull();
    expect(keyAction({ key: 'x', typing: false })).toBeNull();
  });
});

describe('replayed terminal output', () => {
  it('drops the queries a terminal would answer, and nothing else', async () => {
    const { withoutQueries } = await import('./terminal-queries');
    const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    const dec = (b: Uint8Array) => String.fromCharCode(...b);
    expect(dec(withoutQueries(enc('root@dockhand:~# \x1b[6n')))).toBe('root@dockhand:~# ');
    expect(dec(withoutQueries(enc('a\x1b[5nb\x1b[cc\x1b[>0cd')))).toBe('abcd');
    const colours = enc('\x1b[1;32mok\x1b[0m \xc3\xa9');
    expect(withoutQueries(colours)).toEqual(colours);
  });
});
