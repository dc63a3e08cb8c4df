// The lesson runner: checkpoints on entering a step, typing, checks that pass or fail with
// hints, reset, previous/next, done and restart — all against fake actors.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { CheckResult } from '../lessons/checks';
import type { Step } from '../lessons/format';
import {
  lessonMachine, type LessonState, type CheckpointInput, type LessonInput, type ProgressParams, type RestoreInput, type RunCheckInput, type TypeCommandInput,
} from './lesson.machine';

function step(index: number, hints = 2): Step {
  return {
    index, title: `step ${index + 1}`, line: 10 * index + 5, blocks: [],
    commands: [{ text: `echo ${index}`, lang: 'sh', runnable: true, line: 10 * index + 7 }, { text: 'output', lang: '', runnable: false, line: 10 * index + 8 }],
    checks: [{ kind: 'shell', script: `test -f /tmp/${index}`, line: 10 * index + 9 }],
    hints: Array.from({ length: hints }, (_, k) => ({ text: `hint ${index}.${k + 1}`, line: 10 * index + 10 + k })),
  };
}

const lesson = { id: 'demo', start: 'fresh' as const, steps: [step(0), step(1), step(2)] };

function harness(input: Partial<LessonInput> = {}, options: { check?: (i: RunCheckInput) => Promise<CheckResult>; save?: () => Promise<void> } = {}) {
  const log = {
    saved: [] as CheckpointInput[], restored: [] as RestoreInput[], typed: [] as TypeCommandInput[],
    checked: [] as RunCheckInput[], progress: [] as ProgressParams[],
  };
  let verdicts: boolean[] = [];
  const machine = lessonMachine.provide({
    actors: {
      saveCheckpoint: fromPromise<void, CheckpointInput>(async ({ input }) => { log.saved.push(input); await options.save?.(); }),
      restoreCheckpoint: fromPromise<void, RestoreInput>(async ({ input }) => { log.restored.push(input); }),
      typeCommand: fromPromise<void, TypeCommandInput>(async ({ input }) => { log.typed.push(input); }),
      runCheck: fromPromise<CheckResult, RunCheckInput>(async ({ input }) => {
        log.checked.push(input);
        if (options.check) return options.check(input);
        const passed = verdicts.shift() ?? false;
        return { passed, output: passed ? '✓' : '✗ (exit 1)' };
      }),
    },
    actions: { saveProgress: (_, params) => { log.progress.push(params as ProgressParams); } },
  });
  const actor = createActor(machine, { input: { lesson, ...input } }).start();
  const settle = (state: LessonState) => waitFor(actor, (s) => s.matches(state));
  return {
    actor, log, settle,
    verdict: (...v: boolean[]) => { verdicts = v; },
    send: async (event: Parameters<typeof actor.send>[0], until: LessonState) => { actor.send(event); return settle(until); },
  };
}

describe('lesson machine', () => {
  it('waits in idle, then saves a checkpoint for the first step and its progress', async () => {
    const h = harness();
    expect(h.actor.getSnapshot().value).toBe('idle');
    const s = await h.send({ type: 'lesson.start' }, 'step');
    expect(s.context.stepIndex).toBe(0);
    expect(h.log.saved).toEqual([{ lessonId: 'demo', stepIndex: 0 }]);
    expect(h.log.progress).toEqual([{ lessonId: 'demo', step: 0, passed: [], done: false }]);
  });

  it('types the chosen runnable command of the step and comes back to the step', async () => {
    const h = harness();
    await h.send({ type: 'lesson.start' }, 'step');
    await h.send({ type: 'step.run' }, 'step');
    expect(h.log.typed).toEqual([{ stepIndex: 0, command: lesson.steps[0].commands[0] }]);
    h.actor.send({ type: 'step.run', command: 5 });
    h.actor.send({ type: 'step.run', command: 1 });
    expect(h.actor.getSnapshot().value).toBe('step');
    expect(h.log.typed).toHaveLength(1);
  });

  it('reveals one more hint per failed check and counts the attempts', async () => {
    const h = harness();
    h.verdict(false, false, false);
    await h.send({ type: 'lesson.start' }, 'step');
    let s = await h.send({ type: 'step.check' }, 'failed');
    expect(h.log.checked[0]).toEqual({ lessonId: 'demo', stepIndex: 0, checks: lesson.steps[0].checks });
    expect(s.context.failedAttempts).toBe(1);
    expect(s.context.hints.map((x) => x.text)).toEqual(['hint 0.1']);
    expect(s.context.result).toEqual({ passed: false, output: '✗ (exit 1)' });
    h.actor.send({ type: 'step.check' });
    s = await h.settle('failed');
    h.actor.send({ type: 'step.check' });
    s = await waitFor(h.actor, (x) => x.matches('failed') && x.context.failedAttempts === 3);
    expect(s.context.hints.map((x) => x.text)).toEqual(['hint 0.1', 'hint 0.2']);
  });

  it('does not move on before the step passed, then goes to the next step with a fresh checkpoint', async () => {
    const h = harness();
    h.verdict(false, true);
    await h.send({ type: 'lesson.start' }, 'step');
    h.actor.send({ type: 'step.next' });
    expect(h.actor.getSnapshot().context.stepIndex).toBe(0);
    await h.send({ type: 'step.check' }, 'failed');
    let s = await h.send({ type: 'step.check' }, 'passed');
    expect(s.context.passed).toEqual([0]);
    expect(h.log.progress.at(-1)).toEqual({ lessonId: 'demo', step: 0, passed: [0], done: false });
    s = await h.send({ type: 'step.next' }, 'step');
    expect(s.context).toMatchObject({ stepIndex: 1, failedAttempts: 0, hints: [], result: null });
    expect(h.log.saved.map((c) => c.stepIndex)).toEqual([0, 1]);
  });

  it('resets a step to its checkpoint and forgets its failures', async () => {
    const h = harness();
    await h.send({ type: 'lesson.start' }, 'step');
    await h.send({ type: 'step.check' }, 'failed');
    const s = await h.send({ type: 'step.reset' }, 'step');
    expect(h.log.restored).toEqual([{ lessonId: 'demo', stepIndex: 0, start: 'fresh' }]);
    expect(s.context).toMatchObject({ failedAttempts: 0, hints: [], result: null });
  });

  it('goes back a step without overwriting that step\'s checkpoint, and forward again when it had passed', async () => {
    const h = harness({ step: 1, passed: [0] });
    await h.send({ type: 'lesson.start' }, 'step');
    expect(h.log.saved).toEqual([{ lessonId: 'demo', stepIndex: 1 }]);
    let s = await h.send({ type: 'step.previous' }, 'step');
    expect(s.context.stepIndex).toBe(0);
    expect(h.log.saved).toHaveLength(1);
    h.actor.send({ type: 'step.previous' });
    expect(h.actor.getSnapshot().context.stepIndex).toBe(0);
    s = await h.send({ type: 'step.next' }, 'step');
    expect(s.context.stepIndex).toBe(1);
  });

  it('finishes after the last step, saves it as done and restarts from the first step\'s checkpoint', async () => {
    const h = harness({ step: 2, passed: [0, 1] });
    h.verdict(true);
    await h.send({ type: 'lesson.start' }, 'step');
    await h.send({ type: 'step.check' }, 'passed');
    let s = await h.send({ type: 'step.next' }, 'done');
    expect(s.context.passed).toEqual([0, 1, 2]);
    expect(h.log.progress.at(-1)).toEqual({ lessonId: 'demo', step: 2, passed: [0, 1, 2], done: true });
    s = await h.send({ type: 'lesson.restart' }, 'step');
    expect(h.log.restored).toEqual([{ lessonId: 'demo', stepIndex: 0, start: 'fresh' }]);
    expect(s.context).toMatchObject({ stepIndex: 0, passed: [] });
    expect(h.log.progress.at(-1)).toEqual({ lessonId: 'demo', step: 0, passed: [], done: false });
  });

  it('goes back from done to the last step', async () => {
    const h = harness({ step: 2 });
    h.verdict(true);
    await h.send({ type: 'lesson.start' }, 'step');
    await h.send({ type: 'step.check' }, 'passed');
    await h.send({ type: 'step.next' }, 'done');
    const s = await h.send({ type: 'step.previous' }, 'step');
    expect(s.context.stepIndex).toBe(2);
  });

  it('counts a check that could not run as a failure, with its error', async () => {
    const h = harness({}, { check: async () => { throw new Error('control channel closed'); } });
    await h.send({ type: 'lesson.start' }, 'step');
    const s = await h.send({ type: 'step.check' }, 'failed');
    expect(s.context).toMatchObject({ failedAttempts: 1, error: 'control channel closed', result: { passed: false } });
  });

  it('carries on without a checkpoint when saving one fails', async () => {
    const h = harness({}, { save: async () => { throw new Error('disk full'); } });
    const s = await h.send({ type: 'lesson.start' }, 'step');
    expect(s.context.error).toBe('disk full');
  });

  it('ignores what the student does while a check runs', async () => {
    let release!: (r: CheckResult) => void;
    const h = harness({}, { check: () => new Promise((resolve) => { release = resolve; }) });
    await h.send({ type: 'lesson.start' }, 'step');
    h.actor.send({ type: 'step.check' });
    h.actor.send({ type: 'step.run' });
    h.actor.send({ type: 'step.reset' });
    expect(h.actor.getSnapshot().value).toBe('checking');
    release({ passed: true, output: '' });
    await h.settle('passed');
    expect(h.log.typed).toHaveLength(0);
    expect(h.log.restored).toHaveLength(0);
  });

  it('clamps a saved position to the lesson as it is now', () => {
    const h = harness({ step: 9, passed: [0, 7] });
    expect(h.actor.getSnapshot().context).toMatchObject({ stepIndex: 2, passed: [0] });
  });
});
