// The presentation machine with fake actors: steps forward save checkpoints, back restores,
// a jump goes to the right step and reports its time, the demo pauses and resumes where it
// stopped, and the audience flags change at any time.
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, waitFor, type AnyEventObject } from 'xstate';
import { presentationMachine, stepZoom, type DemoInput, type PresentLesson, type StepInput } from './presentation.machine';

const lesson: PresentLesson = { id: 'l', playable: [true, false, true], picture: 'layers' };

function start(options: { restoreFails?: boolean; demoKeys?: number } = {}) {
  const log: string[] = [];
  let emit: ((e: AnyEventObject) => void) | null = null;
  const machine = presentationMachine.provide({
    actors: {
      enterStep: fromPromise<void, StepInput>(async ({ input }) => { log.push(`save ${input.step}`); }),
      restoreStep: fromPromise<{ ms: number }, StepInput>(async ({ input }) => {
        log.push(`restore ${input.step}`);
        if (options.restoreFails) throw new Error('no state');
        return { ms: 42 };
      }),
      playDemo: fromCallback<AnyEventObject, DemoInput>(({ input, sendBack }) => {
        log.push(`play ${input.step} from ${input.position}`);
        emit = sendBack;
        return () => { log.push('stop'); };
      }),
    },
  });
  const actor = createActor(machine).start();
  return { actor, log, emit: (e: AnyEventObject) => emit!(e), settled: () => waitFor(actor, (s) => s.matches('ready')) };
}

describe('presentation machine', () => {
  it('opens a lesson at its first step and saves that step as it enters', async () => {
    const { actor, log, settled } = start();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'present.open', lesson, now: 1000 });
    await settled();
    const ctx = actor.getSnapshot().context;
    expect([ctx.step, ctx.picture, ctx.startedAt, ctx.stepStartedAt]).toEqual([0, 'layers', 1000, 1000]);
    expect(log).toEqual(['save 0']);
  });

  it('next enters (and saves) the next step; previous and jump restore; the restore time is kept', async () => {
    const { actor, log, settled } = start();
    actor.send({ type: 'present.open', lesson, now: 0 });
    await settled();
    actor.send({ type: 'step.next', now: 5 });
    await settled();
    actor.send({ type: 'step.next', now: 6 });
    await settled();
    actor.send({ type: 'step.next', now: 7 }); // the last step: nothing further
    expect(actor.getSnapshot().context.step).toBe(2);
    actor.send({ type: 'step.jump', step: 0, now: 8 });
    await settled();
    expect(actor.getSnapshot().context).toMatchObject({ step: 0, lastRestore: { step: 0, ms: 42 } });
    actor.send({ type: 'step.jump', step: 3, now: 9 }); // no such step
    actor.send({ type: 'step.previous', now: 9 }); // none before the first
    expect(actor.getSnapshot().value).toBe('ready');
    actor.send({ type: 'step.jump', step: 2, now: 10 });
    await settled();
    actor.send({ type: 'step.previous', now: 11 });
    await settled();
    expect(actor.getSnapshot().context.step).toBe(1);
    expect(log).toEqual(['save 0', 'save 1', 'save 2', 'restore 0', 'restore 2', 'restore 1']);
  });

  it('a failed restore stays on the step it was on and says why', async () => {
    const { actor, settled } = start({ restoreFails: true });
    actor.send({ type: 'present.open', lesson, now: 0 });
    await settled();
    actor.send({ type: 'step.next', now: 1 });
    await settled();
    actor.send({ type: 'step.previous', now: 2 });
    await settled();
    expect(actor.getSnapshot().context).toMatchObject({ step: 1, error: 'no state' });
  });

  it('plays a step, pauses, resumes from the same keystroke, and plays again from the start once done', async () => {
    const { actor, log, emit, settled } = start();
    actor.send({ type: 'present.open', lesson, now: 0 });
    await settled();
    actor.send({ type: 'demo.play' });
    expect(actor.getSnapshot().value).toBe('playing');
    emit({ type: 'demo.progress', position: 7 });
    actor.send({ type: 'demo.pause' });
    expect(actor.getSnapshot().context.position).toBe(7);
    actor.send({ type: 'demo.play' });
    emit({ type: 'demo.done' });
    expect(actor.getSnapshot().context).toMatchObject({ played: true, position: 0 });
    actor.send({ type: 'demo.play' });
    expect(log).toEqual(['save 0', 'play 0 from 0', 'stop', 'play 0 from 7', 'stop', 'play 0 from 0']);
    // moving on stops the typing
    actor.send({ type: 'step.next', now: 3 });
    await settled();
    expect(log.slice(-2)).toEqual(['stop', 'save 1']);
    actor.send({ type: 'demo.play' }); // step 1 has nothing to play
    expect(actor.getSnapshot().value).toBe('ready');
  });

  it('reopened on a later step, plays up to it instead of saving step 0', async () => {
    const { actor, log, settled } = start();
    actor.send({ type: 'present.open', lesson, step: 2, now: 50, startedAt: 10 });
    expect(actor.getSnapshot().value).toBe('restoring');
    await settled();
    expect(actor.getSnapshot().context).toMatchObject({ step: 2, startedAt: 10 });
    expect(log).toEqual(['restore 2']);
  });

  it('a prepared state put back moves the presentation to its lesson and step and saves that step', async () => {
    const { actor, log, settled } = start();
    actor.send({ type: 'present.open', lesson, now: 0 });
    await settled();
    const other: PresentLesson = { id: 'other', playable: [true, true], picture: 'xray' };
    actor.send({ type: 'state.loaded', lesson: other, step: 1, now: 9 });
    await settled();
    expect(actor.getSnapshot().context).toMatchObject({ lesson: { id: 'other' }, step: 1, stepStartedAt: 9 });
    expect(log).toEqual(['save 0', 'save 1']);
  });

  it('blank, zoom, spotlight and picture change at any time; a new picture drops the spotlight', async () => {
    const { actor } = start();
    actor.send({ type: 'present.open', lesson, now: 0 });
    actor.send({ type: 'display.blank' });
    actor.send({ type: 'display.zoom', by: 1 });
    actor.send({ type: 'display.zoom', by: 1 });
    actor.send({ type: 'display.spotlight', target: 'container box' });
    expect(actor.getSnapshot().context).toMatchObject({ blank: true, zoom: 1.5, spotlight: 'container box' });
    actor.send({ type: 'display.picture', picture: 'xray' });
    actor.send({ type: 'display.blank' });
    expect(actor.getSnapshot().context).toMatchObject({ blank: false, picture: 'xray', spotlight: null });
    expect([stepZoom(1, -1), stepZoom(2, 1), stepZoom(1.25, 1)]).toEqual([1, 2, 1.5]);
  });
});
