// The second VM's lifecycle: boot, a panic, a fresh boot replacing the old machine, and a failed boot that says why.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { SecondVm } from '../../lib/guest/second-vm';
import { secondVmMachine } from './second-vm.machine';

function fakeVm(name: string, destroyed: string[]): SecondVm {
  return { destroy: async () => { destroyed.push(name); } } as unknown as SecondVm;
}

describe('second VM machine', () => {
  it('boots, panics, and a new boot switches the old machine off first', async () => {
    const destroyed: string[] = [];
    let n = 0;
    const actor = createActor(secondVmMachine.provide({ actors: { bootVm: fromPromise(async () => fakeVm(`vm${++n}`, destroyed)) } })).start();
    actor.send({ type: 'vm.boot' });
    const running = await waitFor(actor, (s) => s.matches('running'));
    expect(running.context.boots).toBe(1);
    actor.send({ type: 'vm.panicked' });
    expect(actor.getSnapshot().value).toBe('panicked');
    actor.send({ type: 'vm.boot' });
    const again = await waitFor(actor, (s) => s.matches('running'));
    expect(destroyed).toEqual(['vm1']);
    expect(again.context.boots).toBe(2);
    actor.send({ type: 'vm.stop' });
    await waitFor(actor, (s) => s.matches('idle'));
    expect(destroyed).toEqual(['vm1', 'vm2']);
  });

  it('keeps the reason of a failed boot, and can try again', async () => {
    let fail = true;
    const actor = createActor(secondVmMachine.provide({
      actors: { bootVm: fromPromise(async () => { if (fail) throw new Error('DockOS did not print its banner'); return fakeVm('ok', []); }) },
    })).start();
    actor.send({ type: 'vm.boot' });
    const failed = await waitFor(actor, (s) => s.matches('failed'));
    expect(failed.context.error).toMatch(/did not print its banner/);
    fail = false;
    actor.send({ type: 'vm.boot' });
    expect((await waitFor(actor, (s) => s.matches('running'))).context.error).toBeNull();
  });
});
