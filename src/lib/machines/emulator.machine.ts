// Owns the emulator's lifecycle for the app: idle → booting → ready, or failed (with a
// retry). The boot itself is the `bootGuest` actor, so tests can provide their own.
import { assign, fromPromise, setup } from 'xstate';
import type { BootProgress } from '../guest/boot-phases';
import type { BootMode, GuestSession } from '../guest/session';

export interface BootInput { mode: BootMode; onProgress: (progress: BootProgress) => void }

export interface EmulatorContext {
  mode: BootMode;
  progress: BootProgress;
  session: GuestSession | null;
  error: string | null;
}

export type EmulatorEvent =
  | { type: 'guest.boot'; mode: BootMode }
  | { type: 'guest.progress'; progress: BootProgress };

export const emulatorMachine = setup({
  types: { context: {} as EmulatorContext, events: {} as EmulatorEvent },
  actors: {
    bootGuest: fromPromise<GuestSession, BootInput>(async () => {
      throw new Error('bootGuest is provided by the app');
    }),
  },
}).createMachine({
  id: 'emulator',
  initial: 'idle',
  context: { mode: 'snapshot', progress: { phase: 'download', value: 0, text: 'waiting' }, session: null, error: null },
  states: {
    idle: {
      on: { 'guest.boot': { target: 'booting', actions: assign({ mode: ({ event }) => event.mode }) } },
    },
    booting: {
      entry: assign({ error: null, session: null, progress: { phase: 'download', value: 0, text: 'starting' } }),
      invoke: {
        src: 'bootGuest',
        input: ({ context, self }) => ({
          mode: context.mode,
          onProgress: (progress: BootProgress) => self.send({ type: 'guest.progress', progress }),
        }),
        onDone: { target: 'ready', actions: assign({ session: ({ event }) => event.output }) },
        onError: {
          target: 'failed',
          actions: assign({ error: ({ event }) => (event.error instanceof Error ? event.error.message : String(event.error)) }),
        },
      },
      on: { 'guest.progress': { actions: assign({ progress: ({ event }) => event.progress }) } },
    },
    ready: {},
    failed: {
      on: { 'guest.boot': { target: 'booting', actions: assign({ mode: ({ event }) => event.mode }) } },
    },
  },
});
