// The lesson machine wired to the page: checkpoints in memory, commands typed into the
// student's terminal, checks run over the control channel, progress in localStorage.
import { fromPromise } from 'xstate';
import type { EngineState } from '../protocol/engine';
import { runChecks, type CheckResult } from '../lib/lessons/checks';
import { recordLesson, type ProgressStorage } from '../lib/lessons/progress';
import {
  lessonMachine, type CheckpointInput, type ProgressParams, type RestoreInput, type RunCheckInput, type TypeCommandInput,
} from '../lib/machines/lesson.machine';
import type { Checkpoints, Restored } from './checkpoints';

export interface RunnerGuest {
  exec(cmd: string, options?: { timeoutMs?: number }): Promise<{ exitCode: number; stdout: string; stderr: string; timedOut: boolean }>;
  engineState(timeoutMs?: number): Promise<EngineState>;
  sendTerminal(data: string): void;
  onTerminal(listener: (bytes: Uint8Array) => void, replay?: boolean): () => void;
}

export interface RunnerDeps {
  guest: RunnerGuest;
  checkpoints: Checkpoints;
  storage: ProgressStorage;
  /** after a step was put back (the page asks for a prompt, refreshes the pictures, shows the time) */
  onRestored: (restored: Restored) => void;
  /** the control channel timed out: the guest may be hung */
  onHang: (detail: string) => void;
  onProgress?: (params: ProgressParams) => void;
  /** resolves when the guest is quiet (no engine snapshot being collected): a checkpoint saved
   *  mid-request makes every restore of it finish that request first */
  settle?: () => Promise<void>;
  /** ms between typed characters */
  typeDelayMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isTimeout = (error: unknown) => error instanceof Error && error.name === 'ControlTimeoutError';

export function lessonRunner(deps: RunnerDeps) {
  const { guest, checkpoints } = deps;
  const watchHang = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      if (isTimeout(error)) deps.onHang((error as Error).message);
      throw error;
    }
  };

  return lessonMachine.provide({
    actors: {
      saveCheckpoint: fromPromise<void, CheckpointInput>(async ({ input }) => {
        await deps.settle?.();
        await checkpoints.save(input.lessonId, input.stepIndex);
      }),
      restoreCheckpoint: fromPromise<void, RestoreInput>(async ({ input }) => {
        const restored = await checkpoints.restore(input.lessonId, input.stepIndex);
        deps.onRestored(restored);
      }),
      typeCommand: fromPromise<void, TypeCommandInput>(({ input }) => typeInto(guest, input.command.text, deps.typeDelayMs ?? 18)),
      runCheck: fromPromise<CheckResult, RunCheckInput>(({ input }) => runChecks(input.checks, {
        shell: async (script) => {
          const result = await watchHang(guest.exec(script, { timeoutMs: 15_000 }));
          return { exitCode: result.timedOut ? 124 : result.exitCode, output: result.stdout + result.stderr };
        },
        engineState: () => watchHang(engineStateSoon(guest)),
      })),
    },
    actions: {
      saveProgress: (_, params: ProgressParams) => {
        recordLesson(deps.storage, params.lessonId, { step: params.step, passed: params.passed, done: params.done });
        deps.onProgress?.(params);
      },
    },
  });
}

/** Right after a restore the daemon may briefly answer "not running": ask again for up to ~5 s. */
export async function engineStateSoon(guest: Pick<RunnerGuest, 'engineState'>, withinMs = 5_000, everyMs = 400): Promise<EngineState> {
  const until = Date.now() + withinMs;
  for (;;) {
    try {
      return await guest.engineState(10_000);
    } catch (error) {
      if (isTimeout(error) || Date.now() + everyMs > until) throw error;
      await sleep(everyMs);
    }
  }
}

/**
 * An engine snapshot for the pictures that waits out a restore under way and, when a restore
 * aborted it, asks again afterwards (instead of reporting "the machine state was restored").
 */
export async function engineStateAround(checkpoints: Pick<Checkpoints, 'whenIdle' | 'restoring'>, guest: Pick<RunnerGuest, 'engineState'>): Promise<EngineState> {
  await checkpoints.whenIdle();
  try {
    return await engineStateSoon(guest);
  } catch (error) {
    if (!checkpoints.restoring && !/state was restored/.test(String(error))) throw error;
    await checkpoints.whenIdle();
    return engineStateSoon(guest);
  }
}

/**
 * Types a command into the terminal as if on the keyboard, line by line; before the next line
 * waits for the shell's prompt (up to 30 s), so the output of one line is not mixed with the
 * echo of the next.
 */
export async function typeInto(guest: Pick<RunnerGuest, 'sendTerminal' | 'onTerminal'>, text: string, delayMs: number): Promise<void> {
  let tail = '';
  const decoder = new TextDecoder();
  const stop = guest.onTerminal((bytes) => { tail = (tail + decoder.decode(bytes, { stream: true })).slice(-200); }, false);
  try {
    guest.sendTerminal('\x15'); // Ctrl-U: drop whatever was half typed on the line
    const lines = text.split('\n').filter((line) => line.trim());
    for (const [i, line] of lines.entries()) {
      // long lines type faster, so none takes more than about a second
      const perChar = Math.min(delayMs, 1000 / Math.max(1, line.length));
      for (const char of line) {
        guest.sendTerminal(char);
        if (perChar >= 1) await sleep(perChar);
      }
      tail = '';
      guest.sendTerminal('\r');
      if (i < lines.length - 1) await untilPrompt(() => tail, 30_000);
    }
  } finally {
    stop();
  }
}

/** Waits (up to timeoutMs) until the terminal's last output ends in a shell prompt. */
export async function untilPrompt(tail: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  // the line editor may follow its prompt with a query (ESC [6n: where is the cursor?)
  while (Date.now() < until && !/[#$] (\x1b\[[0-9;?]*[A-Za-z])*$/.test(tail())) await sleep(50);
}
