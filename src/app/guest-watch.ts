// Watches a running guest for the two ways it stops: the kernel panics (it says so on the
// console, "Kernel panic - not syncing: …") or it hangs (the control agent stops answering
// pings). Reports once, then stays quiet; the emulator machine starts a new watch after a reset.
import type { Crash } from '../lib/machines/emulator.machine';

export interface WatchedGuest {
  onTerminal(listener: (bytes: Uint8Array) => void, replay?: boolean): () => void;
  ping(timeoutMs?: number): Promise<unknown>;
}

export interface WatchOptions {
  pingEveryMs?: number;
  pingTimeoutMs?: number;
  /** true while a ping would be unfair: a hidden tab (timers throttled) or a restore under way */
  paused?: () => boolean;
}

const PANIC = /Kernel panic - not syncing[^\r\n]*/;
/** enough of the console's tail to find the marker when it arrives split across chunks */
const WINDOW = 512;

export function watchGuest(guest: WatchedGuest, onCrash: (crash: Crash) => void, options: WatchOptions = {}): () => void {
  const { pingEveryMs = 10_000, pingTimeoutMs = 5_000, paused = () => false } = options;
  let stopped = false;
  const report = (crash: Crash) => {
    if (stopped) return;
    stop();
    onCrash(crash);
  };

  const decoder = new TextDecoder();
  let tail = '';
  const stopOutput = guest.onTerminal((bytes) => {
    tail = (tail + decoder.decode(bytes, { stream: true })).slice(-WINDOW);
    const panic = PANIC.exec(tail);
    if (panic) report({ kind: 'panic', detail: panic[0].trim() });
  }, false);

  // A ping that fails twice in a row by timing out is a hang; other failures (the state was
  // restored while it was in flight) say nothing about the guest.
  const answers = async (): Promise<boolean> => {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await guest.ping(pingTimeoutMs);
        return true;
      } catch (error) {
        if (!(error instanceof Error && error.name === 'ControlTimeoutError')) return true;
        if (paused()) return true;
      }
    }
    return false;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    if (stopped) return;
    if (!paused() && !(await answers())) {
      report({ kind: 'hang', detail: `the guest agent did not answer two pings within ${pingTimeoutMs / 1000} s` });
    }
    if (!stopped) timer = setTimeout(poll, pingEveryMs);
  };
  timer = setTimeout(poll, pingEveryMs);

  function stop() {
    stopped = true;
    clearTimeout(timer);
    stopOutput();
  }
  return stop;
}
