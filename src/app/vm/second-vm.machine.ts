// The second VM's lifecycle (the Linux VM or DockOS), the emulator machine's counterpart:
// idle → booting → running ⇄ (panicked) → booting again, or failed (with why) and a retry.
// Booting is a named actor so tests provide their own; the page provides the real one.
import { assign, fromPromise, setup } from 'xstate';
import type { SecondVm } from '../../lib/guest/second-vm';

export interface SecondVmContext {
  vm: SecondVm | null;
  error: string | null;
  /** boots so far (each one a new machine: new memory, new BIOS run, new boot id) */
  boots: number;
}

export type SecondVmEvent =
  | { type: 'vm.boot' }
  | { type: 'vm.panicked' }
  | { type: 'vm.stop' };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const secondVmMachine = setup({
  types: { context: {} as SecondVmContext, events: {} as SecondVmEvent },
  actors: {
    bootVm: fromPromise<SecondVm, void>(async () => {
      throw new Error('bootVm is provided by the page');
    }),
    stopVm: fromPromise<void, { vm: SecondVm | null }>(async ({ input }) => {
      await input.vm?.destroy();
    }),
  },
}).createMachine({
  id: 'secondVm',
  initial: 'idle',
  context: { vm: null, error: null, boots: 0 },
  states: {
    idle: { on: { 'vm.boot': 'booting' } },
    booting: {
      entry: assign({ error: null }),
      invoke: {
        src: 'bootVm',
        onDone: { target: 'running', actions: assign({ vm: ({ event }) => event.output, boots: ({ context }) => context.boots + 1 }) },
        onError: { target: 'failed', actions: assign({ vm: null, error: ({ event }) => message(event.error) }) },
      },
    },
    running: {
      on: { 'vm.panicked': 'panicked', 'vm.boot': 'replacing', 'vm.stop': 'stopping' },
    },
    panicked: {
      on: { 'vm.boot': 'replacing', 'vm.stop': 'stopping' },
    },
    // a new boot is a new machine: the old one is switched off first
    replacing: {
      invoke: { src: 'stopVm', input: ({ context }) => ({ vm: context.vm }), onDone: { target: 'booting', actions: assign({ vm: null }) }, onError: { target: 'booting', actions: assign({ vm: null }) } },
    },
    stopping: {
      invoke: { src: 'stopVm', input: ({ context }) => ({ vm: context.vm }), onDone: { target: 'idle', actions: assign({ vm: null }) }, onError: { target: 'idle', actions: assign({ vm: null }) } },
    },
    failed: { on: { 'vm.boot': 'booting' } },
  },
});
