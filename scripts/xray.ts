// `npm run xray [-- 'docker run --rm busybox true'] [-- --runs N] [-- --warm]`: runs a command in a
// restored guest N times (timed inside the guest) and prints the engine's x-ray of the last run:
// every kernel step of the daemon and of the launcher, with its start (ms after the command
// began) and duration. For finding where a command's time goes. Runs after the nftables add-on
// is unpacked, as `npm run bench` does. `--warm`: first warm v86's JIT up until the command's
// time is steady (src/lib/guest/timed-command.ts), so the x-ray shows the engine, not the JIT.
import { bootNodeGuest, waitForNftables } from '../src/lib/guest/node';
import { BENCH_WARMUP, timeInGuest } from '../src/lib/guest/timed-command';
import type { EngineEvent } from '../src/protocol/engine';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const warmAt = args.indexOf('--warm');
const warm = warmAt >= 0 && args.splice(warmAt, 1).length > 0;
const command = args[0] ?? 'docker run --rm busybox true';

const guest = await bootNodeGuest({ addonDelayMs: 0 });
try {
  await waitForNftables(guest); // steady state, as the bench measures it
  const xrays: EngineEvent[] = [];
  guest.onEngineEvent((e) => { if (e.op === 'xray' && e.command) xrays.push(e); });
  await guest.engineState(); // the subscription is in place once this is answered
  const { warmup, samples } = await timeInGuest(guest, ['sh', '-c', command], {
    runs, steady: warm ? BENCH_WARMUP : undefined, timeoutMs: 600_000,
  });
  if (warmup.length) console.log(`warm-up: ${warmup.length} runs, ${warmup.map(Math.round).join(', ')} ms`);
  console.log(`${command}: [${samples.map(Math.round).join(', ')}] ms (inside the guest, each run)`);
  await new Promise((r) => setTimeout(r, 1000));
  const last = xrays.at(-1);
  if (last?.op !== 'xray') throw new Error('no x-ray arrived');
  console.log(`x-ray of the last run (${last.ms.toFixed(1)} ms in the daemon):\n    at     ms  by        step`);
  for (const s of last.steps) {
    console.log(`${(s.at ?? 0).toFixed(1).padStart(6)} ${s.ms.toFixed(1).padStart(6)}  ${(s.by ?? '').padEnd(8)}  ${s.op} ${s.detail}`);
  }
} finally {
  await guest.destroy();
}
