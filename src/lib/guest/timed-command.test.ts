import { describe, expect, it } from 'vitest';
import { median, parseTimes, timeInGuest, timingScript, warmedUp } from './timed-command';

/** Runs a timing script in Node with a fake `os` whose every exec takes the next of `durations` ms. */
function runScript(script: string, durations: number[]): { times: number[]; warmed: number } {
  let clock = 0;
  let out = '';
  const os = {
    now: () => clock,
    open: () => 1,
    O_WRONLY: 1,
    exec: () => { clock += durations.shift() ?? 1; return 0; },
  };
  const std = { exit: (code: number) => { throw new Error(`exit ${code}`); } };
  const body = script.replace(/^import .*$/gm, '');
  new Function('os', 'std', 'print', body)(os, std, (text: string) => { out += text; });
  return JSON.parse(out);
}

describe('timed guest commands', () => {
  it('writes a QuickJS module that times each run with os.now', () => {
    const script = timingScript(['docker', 'run', '--rm', 'busybox', 'true'], 3, 1);
    expect(script).toContain('i < 1');
    expect(script).toContain('i < 3');
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

  it('warms up in batches until the median stops falling by 10 %, then times the runs', () => {
    expect(warmedUp([])).toBe(false);
    expect(warmedUp([1000, 240])).toBe(false);
    expect(warmedUp([1000, 240, 120, 125])).toBe(true);
    const slowThenSteady = [900, 800, 700, 300, 250, 200, 120, 118, 121, 119, 120, 122, 50, 51, 52];
    const { times, warmed } = runScript(timingScript(['docker', 'version'], 3, 0, undefined, { batch: 3, maxWarmup: 30 }), [...slowThenSteady]);
    expect(warmed).toBe(12); // batches of 3: medians 800, 250, 119, 120 → flat after the fourth
    expect(times.slice(warmed)).toEqual([50, 51, 52]);
    const neverSteady = Array.from({ length: 20 }, (_, i) => 1000 / (i + 1));
    expect(runScript(timingScript(['true'], 2, 1, undefined, { batch: 2, maxWarmup: 6 }), neverSteady).warmed).toBe(7);
    // a plateau before the last drop: flat after 6 runs, but at least 12 are asked for
    const plateau = [90, 92, 91, 93, 90, 91, 40, 20, 15, 15, 16, 15, 15, 14, 15, 7, 7, 7];
    const longer = runScript(timingScript(['docker', 'version'], 3, 0, undefined, { batch: 3, maxWarmup: 30, minWarmup: 12 }), [...plateau]);
    expect(longer.warmed).toBe(15); // medians 91, 91 (flat, but only 6 runs), 20, 15, 15: flat after 15
    expect(runScript(timingScript(['docker', 'version'], 3, 0, undefined, { batch: 3, maxWarmup: 30 }), [...plateau]).warmed).toBe(6);
    expect(parseTimes('{"times":[9,8,7,1,2],"warmed":3}', 0)).toEqual({ warmup: [9, 8, 7], samples: [1, 2] });
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
