// Times a command from inside the guest: QuickJS's os.now() (ms, µs resolution) around
// os.exec, so the number is what the guest spent and not the control channel's round trip.
// busybox has no `date +%N`; the guest's qjs is already there. Used by the VM page and the bench.

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

/** The QuickJS module that runs argv `warmup + runs` times and prints every duration as JSON. */
export function timingScript(argv: readonly string[], runs: number, warmup = 0, between?: readonly string[]): string {
  return `import * as os from 'os';
const times = [];
for (let i = 0; i < ${warmup + runs}; i++) {
  const t = os.now();
  const status = os.exec(${JSON.stringify(argv)}, { stdout: os.open('/dev/null', os.O_WRONLY) });
  times.push(os.now() - t);
  if (status !== 0) { print(JSON.stringify({ error: 'exit status ' + status })); std.exit(1); }
  ${between ? `os.exec(${JSON.stringify(between)}, { stdout: os.open('/dev/null', os.O_WRONLY) }); // not timed` : ''}
}
print(JSON.stringify({ times }));`.replace("import * as os from 'os';", "import * as os from 'os';\nimport * as std from 'std';");
}

/** Parses the script's output; throws with the guest's words when the command failed. */
export function parseTimes(stdout: string, warmup: number): TimedRuns {
  const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { times?: number[]; error?: string };
  if (out.error || !out.times) throw new Error(`the timed command failed: ${out.error ?? 'no output'}`);
  return { warmup: out.times.slice(0, warmup), samples: out.times.slice(warmup) };
}

let scripts = 0;

export async function timeInGuest(
  guest: TimedGuest, argv: readonly string[], options: { runs?: number; warmup?: number; between?: readonly string[]; timeoutMs?: number } = {},
): Promise<TimedRuns> {
  const { runs = 1, warmup = 0 } = options;
  const name = `timed-${(scripts++).toString(36)}.mjs`;
  await guest.putFile(name, new TextEncoder().encode(timingScript(argv, runs, warmup, options.between)));
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
