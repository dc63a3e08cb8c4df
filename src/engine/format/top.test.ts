import { describe, expect, it } from 'vitest';
import { cpuTime, passwdName, startTime, topTable, ttyName } from './top';

describe('docker top', () => {
  it('formats ps -ef fields', () => {
    expect(cpuTime(0)).toBe('00:00:00');
    expect(cpuTime(90061)).toBe('1-01:01:01');
    expect(ttyName(0)).toBe('?');
    expect(ttyName((136 << 8) | 2)).toBe('pts/2');
    expect(ttyName((4 << 8) | 64)).toBe('ttyS0');
    const now = Date.parse('2026-11-29T03:00:00Z') / 1000;
    expect(startTime(now - 120, now)).toBe('02:58');
    expect(startTime(now - 2 * 86400, now)).toBe('Nov27');
    expect(passwdName('root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false', 65534)).toBe('nobody');
    expect(passwdName('', 1000)).toBe('1000');
  });

  it('lays out a table like docker/cli', () => {
    const boot = Date.parse('2026-11-29T02:00:00Z') / 1000;
    const stat = (pid: number, ppid: number, comm: string) =>
      `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 100 0 0 0 150 50 0 0 20 0 1 0 360000 1000 100 4294967295`;
    const out = topTable(
      [{ pid: 812, stat: stat(812, 800, 'sleep'), uid: 0, cmdline: 'sleep\x0060\x00' }],
      { now: boot + 3660, bootTime: boot, hz: 100 }, () => 'root',
    );
    expect(out).toBe(
      'UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD\n'
      + 'root                812                 800                 3                   03:00               ?                   00:00:02            sleep 60\n',
    );
  });
});
