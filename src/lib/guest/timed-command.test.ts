import { describe, expect, it } from 'vitest';
import { median, parseTimes, timeInGuest, timingScript } from './timed-command';

describe('timed guest commands', () => {
  it('writes a QuickJS module that times each run with os.now', () => {
    const script = timingScript(['docker', 'run', '--rm', 'busybox', 'true'], 3, 1);
    expect(script).toContain('i < 4');
    expect(script).toContain('["docker","run","--rm","busybox","true"]');
    expect(script).toMatch(/os\.now\(\) - t/);
  });

  it('splits warm-up runs from timed ones, and reports a failed command', () => {
    expect(parseTimes('{"times":[90,20,21]}\n', 1)).toEqual({ warmup: [90], samples: [20, 21] });
    expect(() => parseTimes('{"error":"exit status 125"}', 0)).toThrow(/exit status 125/);
  });

  it('puts the script on the 9p share and runs it with qjs', async () => {
    const calls: string[] = [];
    const guest = {
      putFile: async (name: string) => { calls.push(`put ${name}`); },
      exec: async (cmd: string) => { calls.push(cmd); return { exitCode: 0, stdout: '{"times":[5,6]}', stderr: '' }; },
    };
    expect((await timeInGuest(guest, ['true'], { runs: 2 })).samples).toEqual([5, 6]);
    expect(calls[1]).toMatch(/^qjs -m \/mnt\/host\/timed-\w+\.mjs$/);
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
