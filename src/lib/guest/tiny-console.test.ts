import { describe, expect, it } from 'vitest';
import { answerIn, parseBanner, TINY_PROMPT } from './tiny-console';

const BANNER = [
  '', 'DockOS 0.1 \u2014 not Linux', 'tsc: 997 MHz (measured against the PIT)', 'kernel entry: 564.9 ms on the TSC',
  'kernel init: 23.6 ms (entry to here)', 'memory: 15 MB (multiboot memory map)',
  'boot id: 93f4b4ad-8bbf-99f0-4a49-5eca7169a000', TINY_PROMPT,
].join('\r\n');

describe('DockOS console', () => {
  it('reads the banner once the prompt has arrived', () => {
    expect(parseBanner(BANNER)).toEqual({
      name: 'DockOS', version: '0.1', tscMhz: 997, entryTscMs: 564.9, initMs: 23.6, memoryMb: 15,
      bootId: '93f4b4ad-8bbf-99f0-4a49-5eca7169a000',
    });
  });

  it('waits for the whole banner', () => {
    expect(parseBanner(BANNER.slice(0, BANNER.indexOf('memory')))).toBeNull();
  });

  it('finds the answer between the echoed command and the next prompt', () => {
    expect(answerIn('uname -r\r\n0.1-dockos\r\ndockos> ', 'uname -r')).toBe('0.1-dockos');
    expect(answerIn('ps\r\nPID  NAME\r\n  1  dockos-shell\r\ndockos> ', 'ps')).toBe('PID  NAME\n  1  dockos-shell');
  });

  it('has no answer until the prompt comes back', () => {
    expect(answerIn('uptime\r\nup 12', 'uptime')).toBeNull();
    expect(answerIn('upti', 'uptime')).toBeNull();
  });
});
