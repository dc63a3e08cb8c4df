// The presenter's actors against a fake guest and real Checkpoints: a jump to a step with a
// checkpoint is one restore; a reopened presenter (no checkpoints) restores the boot state
// and types every earlier step's commands, saving each step as it goes; a demo types the
// step's commands and pauses at a key.
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import type { CourseLesson } from '../../lib/lessons/format';
import { Checkpoints } from '../checkpoints';
import { presenterRunner, presentLesson } from './presenter-runner';

const step = (command: string) => ({ commands: command ? [{ text: command, runnable: true }] : [] });
const lesson = {
  id: 'demo', picture: 'namespaces',
  languages: { en: { steps: [step('touch a'), step(''), step('touch c\ntouch d'), step('ls')] } },
} as unknown as CourseLesson;

function fakeGuest() {
  const listeners = new Set<(b: Uint8Array) => void>();
  let line = '';
  const typed: string[] = [];
  const states: string[] = [];
  return {
    typed,
    guest: {
      sendTerminal(data: string) {
        if (data === '\r') {
          typed.push(line);
          line = '';
          // the shell answers with a prompt (and the line editor's cursor query)
          setTimeout(() => listeners.forEach((l) => l(new TextEncoder().encode('\r\nroot@dockhand:~# \x1b[6n'))), 5);
        } else if (data === '\x15') line = '';
        else line += data;
      },
      onTerminal(listener: (b: Uint8Array) => void) { listeners.add(listener); return () => listeners.delete(listener); },
    },
    // each saved state is the commands typed so far: a restore shows where the machine went back to
    holder: {
      saveState: async () => { states.push(typed.join(';')); return new TextEncoder().encode(typed.join(';')).buffer as ArrayBuffer; },
      restoreState: async (s: ArrayBuffer) => { typed.splice(0, typed.length, ...new TextDecoder().decode(s).split(';').filter(Boolean)); },
    },
  };
}

function setup() {
  const fake = fakeGuest();
  const checkpoints = new Checkpoints(fake.holder);
  const restored: string[] = [];
  const actor = createActor(presenterRunner({
    guest: fake.guest, checkpoints, lessons: [lesson], settle: async () => {}, onRestored: (r) => restored.push(r.from),
  })).start();
  return { ...fake, checkpoints, restored, actor, ready: () => waitFor(actor, (s) => s.matches('ready'), { timeout: 10_000 }) };
}

describe('presenter runner', () => {
  it('reopened at step 3: restores the boot state, types steps 1 and 2, and saves each step on the way', async () => {
    const { actor, typed, checkpoints, restored, ready } = setup();
    await checkpoints.saveBoot();
    actor.send({ type: 'present.open', lesson: presentLesson(lesson), step: 2, now: 0 });
    await ready();
    expect(restored).toEqual(['boot']);
    expect(typed).toEqual(['touch a']);
    expect([0, 1, 2, 3].map((s) => checkpoints.has('demo', s))).toEqual([true, true, true, false]);
    expect(actor.getSnapshot().context).toMatchObject({ step: 2, error: null });
    expect(actor.getSnapshot().context.lastRestore?.step).toBe(2);
  });

  it('plays a step (every line, waiting for the prompt), then jumps back with one restore', async () => {
    const { actor, typed, checkpoints, restored, ready } = setup();
    await checkpoints.saveBoot();
    actor.send({ type: 'present.open', lesson: presentLesson(lesson), now: 0 });
    await ready();
    actor.send({ type: 'step.next', now: 1 });
    await ready();
    actor.send({ type: 'step.next', now: 2 });
    await ready();
    actor.send({ type: 'demo.play' });
    await waitFor(actor, (s) => s.matches('ready') && s.context.played, { timeout: 10_000 });
    expect(typed).toEqual(['touch c', 'touch d']);
    actor.send({ type: 'step.jump', step: 1, now: 3 });
    await ready();
    expect(restored).toEqual(['step']);
    expect(typed).toEqual([]); // step 2 was saved before anything was typed
  });

  it('pauses mid-line and resumes at the same character', async () => {
    const { actor, typed, checkpoints, ready } = setup();
    await checkpoints.saveBoot();
    actor.send({ type: 'present.open', lesson: presentLesson(lesson), now: 0 });
    await ready();
    actor.send({ type: 'demo.play' });
    await waitFor(actor, (s) => s.context.position >= 4, { timeout: 5_000 });
    actor.send({ type: 'demo.pause' });
    const at = actor.getSnapshot().context.position;
    await new Promise((r) => setTimeout(r, 200));
    expect(actor.getSnapshot().context.position).toBe(at); // nothing typed while paused
    actor.send({ type: 'demo.play' });
    await waitFor(actor, (s) => s.context.played, { timeout: 10_000 });
    expect(typed).toEqual(['touch a']); // one line, not a restarted or doubled one
  });
});
