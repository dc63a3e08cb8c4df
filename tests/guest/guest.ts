// Shared by the guest tests: one booted guest per test file, and a strict `run` that fails loudly.
import { afterAll, beforeAll } from 'vitest';
import { bootNodeGuest } from '../../src/lib/guest/node';
import type { GuestSession } from '../../src/lib/guest/session';

export const BOOT_TIMEOUT = 120_000;
export const TEST_TIMEOUT = 60_000;

/** Boots one guest for the calling file (restored from the saved state) and destroys it afterwards. */
export function useGuest(): () => GuestSession {
  let guest: GuestSession | undefined;
  beforeAll(async () => {
    guest = await bootNodeGuest();
  }, BOOT_TIMEOUT);
  afterAll(async () => {
    await guest?.destroy();
  }, 30_000);
  return () => {
    if (!guest) throw new Error('the guest did not boot');
    return guest;
  };
}

/** Runs a command that must exit 0 and returns its stdout, trimmed. */
export async function run(guest: GuestSession, cmd: string, timeoutMs = 30_000): Promise<string> {
  const r = await guest.exec(cmd, { timeoutMs });
  if (r.exitCode !== 0 || r.timedOut) {
    throw new Error(`\`${cmd}\` failed (exit ${r.exitCode}${r.timedOut ? ', timed out' : ''})\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
  return r.stdout.trim();
}

/** `pid:[4026531836]` → 4026531836 */
export function nsInode(link: string): number {
  const m = /^\w+:\[(\d+)\]$/.exec(link.trim());
  if (!m) throw new Error(`not a namespace link: ${JSON.stringify(link)}`);
  return Number(m[1]);
}
