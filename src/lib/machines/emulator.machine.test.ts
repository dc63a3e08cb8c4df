// The emulator lifecycle machine: progress while booting, ready with a session, failure with
// a retry, and a crash (panic or hang) reported while ready, reset back to ready.
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import type { BootProgress } from '../guest/boot-phases';
import type { GuestSession } from '../guest/session';
import { emulatorMachine, type BootInput, type EmulatorEvent, type GuestInput } from './emulator.machine';

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

  describe('crashes', () => {
    // A watcher the test drives by hand, and a reset that succeeds or fails on request.
    function crashable(reset: () => Promise<void> = async () => {}) {
      const watch = { report: (_: EmulatorEvent) => {}, started: 0, stopped: 0 };
      const resets: GuestInput[] = [];
      const actor = createActor(emulatorMachine.provide({
        actors: {
          bootGuest: fromPromise<GuestSession, BootInput>(async () => fakeSession),
          watchGuest: fromCallback<EmulatorEvent, GuestInput>(({ sendBack }) => {
            watch.started++;
            watch.report = sendBack;
            return () => { watch.stopped++; };
          }),
          resetGuest: fromPromise<void, GuestInput>(async ({ input }) => { resets.push(input); await reset(); }),
        },
      })).start();
      actor.send({ type: 'guest.boot', mode: 'snapshot' });
      return { actor, watch, resets };
    }

    it('watches the guest only while ready, and a kernel panic makes it crashed', async () => {
      const { actor, watch } = crashable();
      await waitFor(actor, (s) => s.matches('ready'));
      expect(watch.started).toBe(1);
      watch.report({ type: 'guest.crashed', crash: { kind: 'panic', detail: 'Kernel panic - not syncing: sysrq triggered crash' } });
      const crashed = await waitFor(actor, (s) => s.matches('crashed'));
      expect(crashed.context.crash).toEqual({ kind: 'panic', detail: 'Kernel panic - not syncing: sysrq triggered crash' });
      expect(crashed.context.session).toBe(fakeSession);
      expect(watch.stopped).toBe(1);
    });

    it('a hang reported from outside the watcher (an exec that timed out) is a crash too', async () => {
      const { actor } = crashable();
      await waitFor(actor, (s) => s.matches('ready'));
      actor.send({ type: 'guest.crashed', crash: { kind: 'hang', detail: 'exec timed out' } });
      expect(actor.getSnapshot().value).toBe('crashed');
      expect(actor.getSnapshot().context.crash?.kind).toBe('hang');
    });

    it('resets with the session, comes back ready with a fresh watcher, and times the reset', async () => {
      const { actor, watch, resets } = crashable(() => new Promise((r) => setTimeout(r, 20)));
      await waitFor(actor, (s) => s.matches('ready'));
      actor.send({ type: 'guest.crashed', crash: { kind: 'hang', detail: 'no pong' } });
      actor.send({ type: 'guest.reset' });
      expect(actor.getSnapshot().value).toBe('resetting');
      const ready = await waitFor(actor, (s) => s.matches('ready'));
      expect(resets).toEqual([{ session: fakeSession }]);
      expect(ready.context.crash).toBeNull();
      expect(ready.context.resetMs).toBeGreaterThanOrEqual(15);
      expect(watch.started).toBe(2);
    });

    it('stays crashed with the reason when the reset fails, and can try again', async () => {
      let attempts = 0;
      const { actor } = crashable(async () => { if (++attempts === 1) throw new Error('restore failed'); });
      await waitFor(actor, (s) => s.matches('ready'));
      actor.send({ type: 'guest.crashed', crash: { kind: 'panic', detail: 'oops' } });
      actor.send({ type: 'guest.reset' });
      const still = await waitFor(actor, (s) => s.matches('crashed') && s.context.error !== null);
      expect(still.context.error).toBe('restore failed');
      expect(still.context.crash?.kind).toBe('panic');
      actor.send({ type: 'guest.reset' });
      const ready = await waitFor(actor, (s) => s.matches('ready'));
      expect(ready.context.error).toBeNull();
    });

    it('ignores crash reports and resets outside their states', async () => {
      const { actor } = crashable();
      actor.send({ type: 'guest.reset' });
      await waitFor(actor, (s) => s.matches('ready'));
      actor.send({ type: 'guest.reset' });
      expect(actor.getSnapshot().value).toBe('ready');
    });
  });
});
