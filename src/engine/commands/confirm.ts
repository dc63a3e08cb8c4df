// The prune commands' question ("Are you sure you want to continue? [y/N]"), asked on the
// client's terminal unless -f; anything but y/Y cancels, as in Docker.
import * as kernel from '../kernel';
import type { CommandContext } from './context';

/** True to go on; false after printing "<what> has been cancelled". */
export async function confirmPrune(io: CommandContext['io'], warning: string, what: string): Promise<boolean> {
  io.out(`WARNING! ${warning}\nAre you sure you want to continue? [y/N] `);
  const answer = io.fds[0] >= 0 ? await kernel.readLine(io.fds[0]) : null;
  if (/^\s*[yY]\s*$/.test(answer ?? '')) return true;
  if (answer === null) io.out('\n');
  io.err(`${what} has been cancelled\n`);
  return false;
}
