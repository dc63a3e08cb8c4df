// Protects boot progress: real kernel console lines move the progress bar forward, in order.
import { describe, expect, it } from 'vitest';
import { ConsoleTail, downloadProgress, milestoneFor } from './boot-phases';

// lines from a real cold boot of the guest (Linux 6.12.117), in the order they appear
const BOOT_LINES: [string, string, number, string][] = [
  ['[    0.000000] Linux version 6.12.117 (root@vm) (gcc (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 Sun Nov 29 01:46:10 UTC 2026', 'kernel', 0.4, 'kernel 6.12.117 started'],
  ['[    0.189026] Calibrating delay loop (skipped), value calculated using timer frequency.. 2000.00 BogoMIPS (lpj=10000000)', 'kernel', 0.5, 'kernel: CPU and memory'],
  ['[    0.254747] pid_max: default: 32768 minimum: 301', 'kernel', 0.5, 'kernel: CPU and memory'],
  ['[    0.506162] NET: Registered PF_INET protocol family', 'kernel', 0.6, 'kernel: networking'],
  ['[    0.535710] TCP: Hash tables configured (established 1024 bind 1024)', 'kernel', 0.6, 'kernel: networking'],
  ['[    0.665509] Serial: 8250/16550 driver, 4 ports, IRQ sharing disabled', 'kernel', 0.7, 'kernel: devices'],
  ['[    1.544033] Freeing unused kernel image (initmem) memory: 232K', 'userland', 0.8, 'starting /init'],
  ['[    1.546470] Run /init as init process', 'userland', 0.8, 'starting /init'],
  ['dockhand: ready (boot id 4818bec6-9fcf-4d5e-89ca-e08d57116621, uptime 2.97s)', 'userland', 0.95, 'system started'],
];

describe('milestoneFor', () => {
  it.each(BOOT_LINES)('%s', (line, phase, value, text) => {
    expect(milestoneFor(line)).toEqual({ phase, value, text });
  });

  it('never moves backwards over a real boot', () => {
    const values = BOOT_LINES.flatMap(([line]) => milestoneFor(line)?.value ?? []);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it.each([
    '',
    '[    0.665509] serial8250: ttyS0 at I/O 0x3f8 (irq = 4, base_baud = 115200) is a 16550A',
    '[    0.300000] Linux agpgart interface v0.103',
    'Linux version',
    '~ # ',
  ])('ignores %j', (line) => {
    expect(milestoneFor(line)).toBeNull();
  });
});

describe('downloadProgress', () => {
  it.each([
    ['cold', 0, 100, 0],
    ['cold', 50, 100, 0.15],
    ['cold', 100, 100, 0.3],
    ['cold', 250, 100, 0.3], // capped
    ['cold', 10, 0, 0], // total unknown
    ['snapshot', 25, 100, 0.2],
    ['snapshot', 100, 100, 0.8],
  ] as const)('%s %i/%i → %f', (mode, loaded, total, value) => {
    const p = downloadProgress(mode, loaded, total);
    expect(p.phase).toBe('download');
    expect(p.value).toBeCloseTo(value, 10);
  });

  it('says how much was downloaded, in MB', () => {
    expect(downloadProgress('cold', 1_500_000, 3_000_000).text).toBe('downloading 1.5 MB / 3.0 MB');
  });
});

describe('ConsoleTail', () => {
  const feed = (tail: ConsoleTail, text: string) => Array.from(text, (c) => tail.push(c.charCodeAt(0))).filter((l) => l !== null);

  it('returns completed lines without their \\r\\n and keeps the unfinished one in text()', () => {
    const tail = new ConsoleTail();
    expect(feed(tail, 'first\r\nsecond\nthi')).toEqual(['first', 'second']);
    expect(tail.text()).toBe('first\nsecond\nthi');
  });

  it('keeps only the last lines', () => {
    const tail = new ConsoleTail(3);
    feed(tail, 'a\nb\nc\nd\ne\n');
    expect(tail.text()).toBe('c\nd\ne');
  });

  it('skips empty lines in text() and caps a runaway line at 1000 chars', () => {
    const tail = new ConsoleTail();
    feed(tail, '\n\nx\n');
    expect(tail.text()).toBe('x');
    const [long] = feed(tail, 'y'.repeat(5000) + '\n');
    expect(long).toBe('y'.repeat(1000));
  });
});
