// Owns the emulator's lifecycle for the app: idle → booting → ready ⇄ crashed → resetting →
// ready, or failed (with a retry). Side effects are named actors, so tests provide their own:
//   bootGuest    boots or restores the machine, reporting progress
//   watchGuest   while ready: reports a kernel panic or a hang as `guest.crashed`
//   resetGuest   puts a crashed machine back to a saved state (the app picks which)
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type { BootProgress } from '../guest/boot-phases';
import type { BootMode, GuestSession } from '../guest/session';

export interface BootInput { mode: BootMode; onProgress: (progress: BootProgress) => void }
export interface GuestInput { session: GuestSession }

/** Why the machine stopped: the kernel said so (panic), or the agent stopped answering (hang). */
export interface Crash { kind: 'panic' | 'hang'; detail: string }

export interface EmulatorContext {
  mode: BootMode;
  progress: BootProgress;
  session: GuestSession | null;
  error: string | null;
  crash: Crash | null;
  /** when the reset under way started (performance.now()), and how long the last one took, in ms */
  resetStartedAt: number | null;
  resetMs: number | null;
}

export type EmulatorEvent =
  | { type: 'guest.boot'; mode: BootMode }
  | { type: 'guest.progress'; progress: BootProgress }
  | { type: 'guest.crashed'; crash: Crash }
  | { type: 'guest.reset' };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const emulatorMachine = setup({
  types: { context: {} as EmulatorContext, events: {} as EmulatorEvent },
  actors: {
    bootGuest: fromPromise<GuestSession, BootInput>(async () => {
      throw new Error('bootGuest is provided by the app');
    }),
    // Without a watcher nothing is detected; the app provides one (src/app/guest-watch.ts).
    watchGuest: fromCallback<EmulatorEvent, GuestInput>(() => () => {}),
    resetGuest: fromPromise<void, GuestInput>(async () => {
      throw new Error('resetGuest is provided by the app');
    }),
  },
}).createMachine({
  id: 'emulator',
  initial: 'idle',
  context: {
    mode: 'snapshot', progress: { phase: 'download', value: 0, text: 'waiting' }, session: null, error: null, crash: null, resetStartedAt: null, resetMs: null,
  },
  states: {
    idle: {
      on: { 'guest.boot': { target: 'booting', actions: assign({ mode: ({ event }) => event.mode }) } },
    },
    booting: {
      entry: assign({ error: null, session: null, crash: null, progress: { phase: 'download', value: 0, text: 'starting' } }),
      invoke: {
        src: 'bootGuest',
        input: ({ context, self }) => ({
          mode: context.mode,
          onProgress: (progress: BootProgress) => self.send({ type: 'guest.progress', progress }),
        }),
        onDone: { target: 'ready', actions: assign({ session: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: assign({ error: ({ event }) => message(event.error) }) },
      },
      on: { 'guest.progress': { actions: assign({ progress: ({ event }) => event.progress }) } },
    },
    ready: {
      invoke: { src: 'watchGuest', input: ({ context }) => ({ session: context.session! }) },
      on: { 'guest.crashed': { target: 'crashed', actions: assign({ crash: ({ event }) => event.crash }) } },
    },
    crashed: {
      on: { 'guest.reset': 'resetting' },
    },
    resetting: {
      entry: assign({ error: null, resetStartedAt: () => performance.now() }),
      invoke: {
        src: 'resetGuest',
        input: ({ context }) => ({ session: context.session! }),
        onDone: {
          target: 'ready',
          actions: assign({ crash: null, resetMs: ({ context }) => Math.round(performance.now() - (context.resetStartedAt ?? performance.now())) }),
        },
        // The saved state did not come back: stay crashed, say why, let the student try again.
        onError: { target: 'crashed', actions: assign({ error: ({ event }) => message(event.error) }) },
      },
    },
    failed: {
      on: { 'guest.boot': { target: 'booting', actions: assign({ mode: ({ event }) => event.mode }) } },
    },
  },
});

