// `npm run profile [-- 'docker run --rm busybox true'] [-- --seconds N]`: where the guest's CPU
// time goes while a command runs in a loop. Builds scripts/profile/psample.c for i386 (needs
// gcc-multilib, as `npm run images` does), boots the guest in Node with the page's event
// subscription, warms v86's JIT up on the command (src/lib/guest/timed-command.ts), then
// samples every process with the kernel's cpu-clock perf event while the command loops, and
// prints the share of samples per process and mode, and the kernel's functions when the
// kernel's System.map from `npm run images` is at hand. Samples land where the emulator
// delivers the timer interrupt, so treat small differences as noise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootNodeGuest, waitForNftables } from '../src/lib/guest/node';
import { BENCH_WARMUP, timeInGuest } from '../src/lib/guest/timed-command';
import { byProcessAndMode, KERNEL_BASE, parseSamples, parseSystemMap, symbolAt, tally, type Row } from './lib/profile-report';

const args = process.argv.slice(2);
const secondsAt = args.indexOf('--seconds');
const seconds = secondsAt >= 0 ? Number(args.splice(secondsAt, 2)[1]) : 10;
const command = args[0] ?? 'docker run --rm busybox true';
const SYSTEM_MAP = join(process.env.DOCKHAND_IMAGES_WORK ?? '/var/tmp/dockhand-images', 'linux-source-6.12', 'System.map');

const dir = mkdtempSync(join(tmpdir(), 'dockhand-profile-'));
const sampler = join(dir, 'psample');
const cc = spawnSync('gcc', ['-m32', '-static', '-O2', '-Wall', '-o', sampler, join(import.meta.dirname, 'profile', 'psample.c')], { encoding: 'utf8' });
if (cc.status !== 0) {
  console.error(`could not build the sampler for i386 (apt-get install gcc-multilib):\n${cc.stderr ?? cc.error}`);
  process.exit(1);
}

const print = (title: string, rows: Row[]) => {
  console.log(title);
  for (const r of rows) console.log(`${(100 * r.share).toFixed(1).padStart(6)} %  ${r.what}`);
};

const guest = await bootNodeGuest({ addonDelayMs: 0 });
try {
  await waitForNftables(guest); // steady state, as the bench measures it
  guest.onEngineEvent(() => {}); // the events the page subscribes to are part of a command's cost
  await guest.engineState();
  const argv = ['sh', '-c', command];
  const { warmup } = await timeInGuest(guest, argv, { runs: 1, steady: BENCH_WARMUP, timeoutMs: 600_000 });
  console.log(`warm-up: ${warmup.length} runs`);
  await guest.putFile('psample', readFileSync(sampler));
  await guest.putFile('profiled.sh', new TextEncoder().encode(command + '\n'));
  const run = await guest.exec([
    'cp /mnt/host/psample /tmp/psample && chmod +x /tmp/psample && cp /mnt/host/profiled.sh /tmp/profiled.sh',
    `/tmp/psample ${seconds} /tmp/samples 2>/tmp/psample.err & sampler=$!`,
    'runs=0; while kill -0 $sampler 2>/dev/null; do sh /tmp/profiled.sh >/dev/null 2>&1; runs=$((runs+1)); done',
    'echo "runs $runs"; cat /tmp/psample.err',
    // the long-lived processes, by pid: the engine daemon, the control agent
    'for p in $(pidof qjs); do case "$(tr "\\0" " " < /proc/$p/cmdline)" in *engine.js*) echo "pid $p daemon";; *agent.js*) echo "pid $p agent";; esac; done',
  ].join('\n'), { timeoutMs: (seconds + 120) * 1000 });
  if (run.exitCode !== 0) throw new Error(`sampling failed: ${run.stderr}`);
  console.log(run.stdout.split('\n').filter((l) => !l.startsWith('pid ')).join('\n').trim());
  const names = new Map<number, string>();
  for (const m of run.stdout.matchAll(/^pid (\d+) (\w+)$/gm)) names.set(Number(m[1]), m[2]);
  const samples = parseSamples((await guest.exec('cat /tmp/samples', { timeoutMs: 60_000 })).stdout);
  print(`\n${samples.length} samples while \`${command}\` looped: by process and mode`, byProcessAndMode(samples, names));
  if (existsSync(SYSTEM_MAP)) {
    const map = parseSystemMap(readFileSync(SYSTEM_MAP, 'utf8'));
    print('\nkernel functions (share of all samples)', tally(samples, (s) => (s.ip >= KERNEL_BASE ? symbolAt(map, s.ip) : null), 25));
  } else {
    console.log(`\n(no ${SYSTEM_MAP}: run \`npm run images\` to name the kernel's functions)`);
  }
} finally {
  await guest.destroy();
}
