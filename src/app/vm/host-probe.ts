// What the page asks the container host (the Linux guest) for: a container's start time (in
// the guest's clock), a container's memory (its cgroup's memory.current from the engine's
// state), the kernel's identity seen from the host and from inside a container, N containers
// started in a row, and the panic.
import type { GuestSession } from '../../lib/guest/session';
import { median, timeInGuest } from '../../lib/guest/timed-command';
import { mb } from './measure';

export type Host = Pick<GuestSession, 'exec' | 'putFile' | 'engineState'>;

export interface Identity { kernel: string; bootId: string; processes: number }

/** A container start, timed in the guest: the first run of the measurement and the steady state after warm-up. */
export interface ContainerRunTiming {
  /** median of the timed runs, once v86 has compiled the code paths they take (the engine's own cost) */
  ms: number;
  /** the measurement's first run: right after a restore, mostly v86 compiling guest code to wasm */
  firstMs: number;
  /** runs before the timed ones (the first one included) */
  warmupRuns: number;
}

/**
 * How the page warms up: v86 compiles guest code to wasm as it runs and its cache is not in the
 * saved state, so after a restore the first 20–30 runs take 500–1000 ms before settling near
 * 90–130 ms. Batches of 10 (5 were too noisy: a slow run in a batch stopped the warm-up early)
 * until a batch's median falls by less than 10 % (timed-command.ts's rule), after at least 40
 * runs (the JIT's curve has plateaus: stopped after 21 runs, the page once reported 339 ms where
 * its next two measurements gave 118 and 99) and at most 80; then 10 timed runs (with 5, one
 * slow stretch of the emulator's JIT could move the median by half). The bench warms up longer
 * (BENCH_WARMUP); here the student waits.
 */
export const CONTAINER_WARMUP = { batch: 10, minWarmup: 40, maxWarmup: 80 } as const;
export const CONTAINER_RUNS = 10;

/** `docker run --rm busybox true`, timed inside the guest: one first run, warm-up until steady, then the timed runs. */
export async function timeContainerRun(host: Host): Promise<ContainerRunTiming> {
  const { samples, warmup } = await timeInGuest(host, ['docker', 'run', '--rm', 'busybox', 'true'],
    { runs: CONTAINER_RUNS, warmup: 1, steady: CONTAINER_WARMUP, timeoutMs: 240_000 });
  return { ms: Math.round(median(samples)), firstMs: Math.round(warmup[0]), warmupRuns: warmup.length };
}

const IDENTITY = 'uname -r; cat /proc/sys/kernel/random/boot_id; ls -d /proc/[0-9]* | wc -l';

function identityFrom(stdout: string): Identity {
  const [kernel = '', bootId = '', count = '0'] = stdout.trim().split('\n').map((l) => l.trim());
  return { kernel, bootId, processes: Number(count) };
}

async function must(host: Host, cmd: string, timeoutMs = 60_000): Promise<string> {
  const r = await host.exec(cmd, { timeoutMs });
  if (r.exitCode !== 0) throw new Error(`\`${cmd}\` failed (exit ${r.exitCode}): ${r.stderr.trim()}`);
  return r.stdout;
}

/** The kernel the VM runs, and the one a container sees: the same release, the same boot id. */
export async function identities(host: Host): Promise<{ host: Identity; container: Identity }> {
  const [vm, container] = [await must(host, IDENTITY), await must(host, `docker run --rm busybox sh -c '${IDENTITY}'`)];
  return { host: identityFrom(vm), container: identityFrom(container) };
}

/** A container's memory: one left running (sleep), its cgroup's memory.current read from the engine, then removed. */
export async function containerMemoryMb(host: Host): Promise<number> {
  const id = (await must(host, 'docker run -d --rm busybox sleep 600')).trim();
  try {
    const state = await host.engineState();
    const found = state.containers.find((c) => c.id.startsWith(id.slice(0, 12)) || id.startsWith(c.id));
    if (found?.cgroup?.memoryCurrent === undefined) throw new Error('the engine reported no memory.current for the container');
    return mb(found.cgroup.memoryCurrent);
  } finally {
    await host.exec(`docker kill ${id.slice(0, 12)}`, { timeoutMs: 30_000 });
  }
}

/** N containers started one after the other (`docker run -d`), timed in the guest; their memory summed; then killed. */
export async function scaleContainers(host: Host, n: number): Promise<{ ms: number; memoryMb: number }> {
  const loop = `for i in $(seq ${n}); do docker run -d --rm busybox sleep 600 >/dev/null || exit 1; done`;
  const { samples } = await timeInGuest(host, ['sh', '-c', loop], { runs: 1 });
  try {
    const state = await host.engineState();
    const running = state.containers.filter((c) => c.state === 'running');
    return { ms: Math.round(samples[0]), memoryMb: mb(running.reduce((sum, c) => sum + (c.cgroup?.memoryCurrent ?? 0), 0)) };
  } finally {
    await host.exec('docker kill $(docker ps -q) >/dev/null 2>&1; true', { timeoutMs: 60_000 });
  }
}

/** The command the page (and the student) runs to crash the host's kernel from a container. */
export const PANIC_COMMAND = `docker run --rm --privileged busybox sh -c 'echo c > /proc/sysrq-trigger'`;

/** Sends it and does not wait: the kernel never answers (the emulator machine sees the panic on the console). */
export function panicHost(host: Host): void {
  host.exec(PANIC_COMMAND, { timeoutMs: 15_000 }).catch(() => {
    // expected: the control channel dies with the kernel
  });
}
