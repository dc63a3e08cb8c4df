// Times a command from inside the guest: QuickJS's os.now() (ms, µs resolution) around
// os.exec, so the number is what the guest spent and not the control channel's round trip.
// busybox has no `date +%N`; the guest's qjs is already there. Used by the VM page and the bench.
//
// Warm-up matters under emulation: v86 compiles guest code to wasm as it runs and its cache is
// not in the saved state, so a restored machine runs each new code path several times slower
// at first. `docker run --rm busybox true` measured in Node, batches of 10 after a restore:
// medians 1023, 245, 120, 129 ms. `steady` keeps warming up until that curve is flat.

export interface TimedGuest {
  putFile(name: string, bytes: Uint8Array): Promise<void>;
  exec(cmd: string, options?: { timeoutMs?: number }): Promise<{ exitCode: number; stdout: string; stderr: string }>;
}

export interface TimedRuns {
  /** ms of each timed run, in order */
  samples: number[];
  /** ms of the untimed warm-up runs (v86 compiles new guest code paths on first use) */
  warmup: number[];
}

/** Warm up in batches until a batch's median is no longer well below the one before (or `maxWarmup` runs). */
export interface SteadyOptions {
  batch: number;
  maxWarmup: number;
  /**
   * runs to make before the rule may stop the warm-up: the JIT's curve has plateaus (`docker
   * version` after a restore, batch medians 80 92 98 54 53 47 37 17 15 15 ms) that look flat
   */
  minWarmup?: number;
}

/**
 * How the bench and the dev tools (xray, profile) warm a command up: at least 60 runs, then
 * batches of 10 until flat, at most 120. The VM page warms up less (its student waits): its
 * steady figure is an upper bound.
 */
export const BENCH_WARMUP: SteadyOptions = { batch: 10, minWarmup: 60, maxWarmup: 120 };

/**
 * The steadiness rule, run in the guest (embedded by its source, so it must stay self-contained):
 * warm once the last batch's median fell by less than 10 % from the batch before.
 */
export function warmedUp(medians: number[]): boolean {
  if (medians.length < 2) return false;
  return medians[medians.length - 1] > 0.9 * medians[medians.length - 2];
}

/** The QuickJS module that runs argv (warm-up runs, then `runs` timed ones) and prints every duration as JSON. */
export function timingScript(argv: readonly string[], runs: number, warmup = 0, between?: readonly string[], steady?: SteadyOptions): string {
  return `import * as os from 'os';
import * as std from 'std';
const warmedUp = ${warmedUp.toString()};
const times = [];
function once() {
  const t = os.now();
  const status = os.exec(${JSON.stringify(argv)}, { stdout: os.open('/dev/null', os.O_WRONLY) });
  times.push(os.now() - t);
  if (status !== 0) { print(JSON.stringify({ error: 'exit status ' + status })); std.exit(1); }
  ${between ? `os.exec(${JSON.stringify(between)}, { stdout: os.open('/dev/null', os.O_WRONLY) }); // not timed` : ''}
}
for (let i = 0; i < ${warmup}; i++) once();
${steady ? `const medians = [];
while (times.length < ${warmup + steady.maxWarmup} && (times.length < ${warmup + (steady.minWarmup ?? 0)} || !warmedUp(medians))) {
  const from = times.length;
  for (let i = 0; i < ${steady.batch}; i++) once();
  const batch = times.slice(from).sort((a, b) => a - b);
  medians.push(batch[batch.length >> 1]);
}` : ''}
const warmed = times.length;
for (let i = 0; i < ${runs}; i++) once();
print(JSON.stringify({ times, warmed }));`;
}

/** Parses the script's output; throws with the guest's words when the command failed. */
export function parseTimes(stdout: string, warmup: number): TimedRuns {
  const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { times?: number[]; warmed?: number; error?: string };
  if (out.error || !out.times) throw new Error(`the timed command failed: ${out.error ?? 'no output'}`);
  const warmed = out.warmed ?? warmup;
  return { warmup: out.times.slice(0, warmed), samples: out.times.slice(warmed) };
}

let scripts = 0;

export async function timeInGuest(
  guest: TimedGuest, argv: readonly string[],
  options: { runs?: number; warmup?: number; between?: readonly string[]; steady?: SteadyOptions; timeoutMs?: number } = {},
): Promise<TimedRuns> {
  const { runs = 1, warmup = 0 } = options;
  const name = `timed-${(scripts++).toString(36)}.mjs`;
  await guest.putFile(name, new TextEncoder().encode(timingScript(argv, runs, warmup, options.between, options.steady)));
  const result = await guest.exec(`qjs -m /mnt/host/${name}`, { timeoutMs: options.timeoutMs ?? 120_000 });
  if (result.exitCode !== 0 && !result.stdout.includes('"error"')) throw new Error(`qjs failed: ${result.stderr.trim()}`);
  return parseTimes(result.stdout, warmup);
}

export const median = (values: readonly number[]): number => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
