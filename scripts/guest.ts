// `npm run guest -- '<shell command line>'`: boots the guest in Node (from the saved state
// when there is one that fits, else cold), runs the command line in the guest's shell,
// prints its output and exits with its exit status.
import { bootNodeGuest } from '../src/lib/guest/node';
import { bundleGuest } from './lib/bundle-guest';

const args = process.argv.slice(2);
const cold = args[0] === '--cold' ? (args.shift(), true) : false;
if (args.length === 0) {
  console.error("usage: npm run guest -- [--cold] '<shell command line>'");
  process.exit(2);
}

try {
  const guestFiles = await bundleGuest();
  const guest = await bootNodeGuest({ mode: cold ? 'cold' : 'snapshot', guestFiles });
  if (guest.snapshotFallbackReason && !cold) console.error(`[guest] cold boot: ${guest.snapshotFallbackReason}`);
  const result = await guest.exec(args.join(' '), { timeoutMs: 10 * 60_000 });
  process.stdout.write(result.stdoutBytes);
  process.stderr.write(result.stderr);
  await guest.destroy();
  process.exit(result.exitCode);
} catch (error) {
  console.error(`[guest] ${(error as Error).message}`);
  process.exit(125);
}
