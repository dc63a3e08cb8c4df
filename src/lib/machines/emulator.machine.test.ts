// The emulator lifecycle machine: progress while booting, ready with a session, failure with a retry.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { BootProgress } from '../guest/boot-phases';
import type { GuestSession } from '../guest/session';
import { emulatorMachine, type BootInput } from './emulator.machine';

const fakeSession = { bootMode: 'snapshot' } as GuestSession;

function machineWith(boot: (input: BootInput) => Promise<GuestSession>) {
  return createActor(emulatorMachine.provide({ actors: { bootGuest: fromPromise<GuestSession, BootInput>(({ input }) => boot(input)) } }));
}

describe('emulator machine', () => {
  it('reports progress while booting and holds the session when ready', async () => {
    const seen: BootProgress[] = [];
    let release!: () => void;
    const actor = machineWith(({ onProgress }) => new Promise((resolve) => {
      onProgress({ phase: 'kernel', value: 0.5, text: 'kernel started' });
      release = () => resolve(fakeSession);
    }));
    actor.subscribe((s) => seen.push(s.context.progress));
    actor.start();
    actor.send({ type: 'guest.boot', mode: 'cold' });
    expect(actor.getSnapshot().value).toBe('booting');
    expect(actor.getSnapshot().context.mode).toBe('cold');
    await waitFor(actor, (s) => s.context.progress.phase === 'kernel');
    release();
    const ready = await waitFor(actor, (s) => s.matches('ready'));
    expect(ready.context.session).toBe(fakeSession);
    expect(seen.map((p) => p.phase)).toContain('kernel');
  });

  it('fails with the error message and boots again on request', async () => {
    let attempts = 0;
    const actor = machineWith(async () => {
      attempts++;
      if (attempts === 1) throw new Error('vm/bzImage is damaged');
      return fakeSession;
    }).start();
    actor.send({ type: 'guest.boot', mode: 'snapshot' });
    const failed = await waitFor(actor, (s) => s.matches('failed'));
    expect(failed.context.error).toBe('vm/bzImage is damaged');
    actor.send({ type: 'guest.boot', mode: 'cold' });
    const ready = await waitFor(actor, (s) => s.matches('ready'));
    expect(ready.context.error).toBeNull();
    expect(ready.context.mode).toBe('cold');
  });
});
