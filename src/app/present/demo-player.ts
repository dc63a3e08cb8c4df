// Plays a keystroke schedule (lib/present/typing.ts) into the guest's terminal: one key at a
// time, reporting how far it got so a pause can resume at the same key, and waiting for the
// shell's prompt after each Enter so a command's output is on screen before the next begins.
import type { Keystroke } from '../../lib/present/typing';
import { untilPrompt, type RunnerGuest } from '../lesson-runner';

export type TerminalGuest = Pick<RunnerGuest, 'sendTerminal' | 'onTerminal'>;

export interface PlayOptions {
  from?: number;
  /** after each key: the index of the next one */
  onProgress?: (next: number) => void;
  signal?: AbortSignal;
  /** a command may run long (a docker build): give up waiting for its prompt after this */
  promptTimeoutMs?: number;
}

/** Resolves true when every key was sent, false when stopped by the signal. */
export async function playKeys(guest: TerminalGuest, keys: readonly Keystroke[], options: PlayOptions = {}): Promise<boolean> {
  const { signal } = options;
  let tail = '';
  const decoder = new TextDecoder();
  const stop = guest.onTerminal((bytes) => { tail = (tail + decoder.decode(bytes, { stream: true })).slice(-200); }, false);
  try {
    for (let i = options.from ?? 0; i < keys.length; i++) {
      const key = keys[i];
      if (key.delayMs > 0 && !(await sleep(key.delayMs, signal))) return false;
      if (signal?.aborted) return false;
      if (key.untilPrompt) tail = '';
      if (key.data) guest.sendTerminal(key.data);
      // counted as sent before the prompt wait: a pause there resumes with the next line
      options.onProgress?.(i + 1);
      if (key.untilPrompt) await untilPromptOrAbort(() => tail, options.promptTimeoutMs ?? 60_000, signal);
      if (signal?.aborted) return false;
    }
    return true;
  } finally {
    stop();
  }
}

function untilPromptOrAbort(tail: () => string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  // the prompt wait polls: an abort shows as an empty tail check ending early
  return untilPrompt(() => (signal?.aborted ? '$ ' : tail()), timeoutMs);
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(true); }, ms);
    const onAbort = () => { clearTimeout(timer); resolve(false); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
