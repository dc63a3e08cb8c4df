// The emulator machine with the page's actors: boot in the browser, watch for a panic or a
// hang, and reset by restoring a saved state (which one is the page's choice).
import { createActor, fromCallback, fromPromise } from 'xstate';
import { bootBrowserGuest } from '../lib/guest/browser';
import type { GuestSession } from '../lib/guest/session';
import { emulatorMachine, type BootInput, type EmulatorEvent, type GuestInput } from '../lib/machines/emulator.machine';
import { watchGuest } from './guest-watch';

export interface EmulatorDeps {
  /** puts a crashed machine back to a saved state */
  reset: (session: GuestSession) => Promise<void>;
  /** true while pings would be unfair (hidden tab, a restore under way) */
  watchPaused: () => boolean;
}

export function createEmulator(deps: EmulatorDeps) {
  return createActor(emulatorMachine.provide({
    actors: {
      bootGuest: fromPromise<GuestSession, BootInput>(({ input }) => bootBrowserGuest(input)),
      watchGuest: fromCallback<EmulatorEvent, GuestInput>(({ input, sendBack }) =>
        watchGuest(input.session, (crash) => sendBack({ type: 'guest.crashed', crash }), { paused: deps.watchPaused })),
      resetGuest: fromPromise<void, GuestInput>(({ input }) => deps.reset(input.session)),
    },
  }));
}

export type Emulator = ReturnType<typeof createEmulator>;
