// Runs one lesson: idle → entering (checkpoint) → step ⇄ typing / checking → passed | failed
// → … → done. Everything that touches the VM or storage is a named actor or action the
// app provides with .provide(), so tests run the machine with fakes:
//   saveCheckpoint     when a step is entered going forward (the VM state it starts from)
//   restoreCheckpoint  step.reset (that step's checkpoint) and lesson.restart (step 0's);
//                      without a checkpoint the app restores the lesson's `start` state
//   typeCommand        step.run: types a step's command into the student's terminal
//   runCheck           step.check: the step's checks (src/lib/lessons/checks.ts runChecks)
//   saveProgress       action, with the lesson's progress as params (lessons/progress.ts)
import { and, assign, fromPromise, setup } from 'xstate';
import type { CheckResult } from '../lessons/checks';
import type { Check, Command, Hint, Lesson } from '../lessons/format';

/** What the machine needs of a lesson (a parsed Lesson fits). */
export type RunnableLesson = Pick<Lesson, 'id' | 'start' | 'steps'>;

export interface LessonInput {
  lesson: RunnableLesson;
  /** resume here (from saved progress) */
  step?: number;
  passed?: number[];
}

export interface LessonContext {
  lesson: RunnableLesson;
  stepIndex: number;
  /** indexes of passed steps, ascending */
  passed: number[];
  /** failed checks on this step since entering it */
  failedAttempts: number;
  /** the step's hints revealed so far: one more per failed check */
  hints: Hint[];
  /** the last check's result on this step */
  result: CheckResult | null;
  /** the last side effect that failed (checkpoint, typing, check) */
  error: string | null;
}

export type LessonEvent =
  | { type: 'lesson.start' }
  | { type: 'lesson.restart' }
  /** types step.commands[command] (default 0) into the terminal; only runnable ones */
  | { type: 'step.run'; command?: number }
  | { type: 'step.check' }
  | { type: 'step.next' }
  | { type: 'step.previous' }
  | { type: 'step.reset' };

/** The machine's states, for snapshot.matches() in the app and tests. */
export type LessonState = 'idle' | 'entering' | 'step' | 'typing' | 'checking' | 'passed' | 'failed' | 'resetting' | 'restarting' | 'done';

export interface CheckpointInput { lessonId: string; stepIndex: number }
export interface RestoreInput extends CheckpointInput { start: string }
export interface TypeCommandInput { stepIndex: number; command: Command }
export interface RunCheckInput { lessonId: string; stepIndex: number; checks: Check[] }
export interface ProgressParams { lessonId: string; step: number; passed: number[]; done: boolean }

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const notProvided = (name: string) => fromPromise(async () => { throw new Error(`${name} is provided by the app`); });
const clearStep: Pick<LessonContext, 'failedAttempts' | 'hints' | 'result' | 'error'> = { failedAttempts: 0, hints: [], result: null, error: null };
const progress = (context: LessonContext, done = false): ProgressParams =>
  ({ lessonId: context.lesson.id, step: context.stepIndex, passed: context.passed, done });

const saveProgressNow = { type: 'saveProgress', params: ({ context }: { context: LessonContext }) => progress(context) } as const;

// What the student can do while on a step (not while a side effect is under way).
const working = {
  'step.run': { guard: 'hasCommand', target: 'typing' },
  'step.check': 'checking',
  'step.reset': 'resetting',
  'step.previous': { guard: 'hasPrevious', target: 'step', actions: ['previousStep', saveProgressNow] },
  'step.next': [
    { guard: and(['stepPassed', 'isLastStep']), target: 'done' },
    { guard: 'stepPassed', target: 'entering', actions: 'nextStep' },
  ],
  'lesson.restart': 'restarting',
} as const;

export const lessonMachine = setup({
  types: { context: {} as LessonContext, events: {} as LessonEvent, input: {} as LessonInput },
  actors: {
    saveCheckpoint: notProvided('saveCheckpoint') as ReturnType<typeof fromPromise<void, CheckpointInput>>,
    restoreCheckpoint: notProvided('restoreCheckpoint') as ReturnType<typeof fromPromise<void, RestoreInput>>,
    typeCommand: notProvided('typeCommand') as ReturnType<typeof fromPromise<void, TypeCommandInput>>,
    runCheck: notProvided('runCheck') as ReturnType<typeof fromPromise<CheckResult, RunCheckInput>>,
  },
  actions: {
    saveProgress: (_, _params: ProgressParams) => {},
    clearStep: assign(clearStep),
    nextStep: assign({ stepIndex: ({ context }) => context.stepIndex + 1, ...clearStep }),
    previousStep: assign({ stepIndex: ({ context }) => context.stepIndex - 1, ...clearStep }),
    firstStep: assign({ stepIndex: 0, passed: [], ...clearStep }),
    lastStep: assign({ stepIndex: ({ context }) => context.lesson.steps.length - 1, ...clearStep }),
    markPassed: assign({
      passed: ({ context }) => [...new Set([...context.passed, context.stepIndex])].sort((a, b) => a - b),
      error: null,
    }),
    noteError: assign({ error: ({ event }) => message((event as { error?: unknown }).error) }),
  },
  guards: {
    checkPassed: ({ event }) => (event as { output?: CheckResult }).output?.passed === true,
    stepPassed: ({ context }) => context.passed.includes(context.stepIndex),
    isLastStep: ({ context }) => context.stepIndex >= context.lesson.steps.length - 1,
    hasPrevious: ({ context }) => context.stepIndex > 0,
    hasCommand: ({ context, event }) =>
      event.type === 'step.run' && context.lesson.steps[context.stepIndex]?.commands[event.command ?? 0]?.runnable === true,
  },
}).createMachine({
  id: 'lesson',
  initial: 'idle',
  context: ({ input }) => {
    const last = Math.max(0, input.lesson.steps.length - 1);
    return {
      lesson: input.lesson,
      stepIndex: Math.min(Math.max(0, input.step ?? 0), last),
      passed: (input.passed ?? []).filter((i) => i <= last),
      ...clearStep,
    };
  },
  states: {
    idle: {
      on: { 'lesson.start': 'entering' },
    },
    entering: {
      entry: { type: 'saveProgress', params: ({ context }) => progress(context) },
      invoke: {
        src: 'saveCheckpoint',
        input: ({ context }) => ({ lessonId: context.lesson.id, stepIndex: context.stepIndex }),
        onDone: 'step',
        // No checkpoint only means step.reset falls back to the lesson's start state.
        onError: { target: 'step', actions: 'noteError' },
      },
    },
    step: { on: working },
    typing: {
      invoke: {
        src: 'typeCommand',
        input: ({ context, event }) => ({
          stepIndex: context.stepIndex,
          command: context.lesson.steps[context.stepIndex].commands[event.type === 'step.run' ? event.command ?? 0 : 0],
        }),
        onDone: 'step',
        onError: { target: 'step', actions: 'noteError' },
      },
    },
    checking: {
      entry: assign({ error: null }),
      invoke: {
        src: 'runCheck',
        input: ({ context }) => ({
          lessonId: context.lesson.id, stepIndex: context.stepIndex, checks: context.lesson.steps[context.stepIndex].checks,
        }),
        onDone: [
          {
            guard: 'checkPassed', target: 'passed',
            actions: [assign({ result: ({ event }) => event.output }), 'markPassed',
              saveProgressNow],
          },
          { target: 'failed', actions: assign(({ context, event }) => failure(context, event.output)) },
        ],
        onError: {
          target: 'failed',
          actions: assign(({ context, event }) => ({ ...failure(context, { passed: false, output: message(event.error) }), error: message(event.error) })),
        },
      },
    },
    passed: { on: working },
    failed: { on: working },
    resetting: {
      invoke: {
        src: 'restoreCheckpoint',
        input: ({ context }) => ({ lessonId: context.lesson.id, stepIndex: context.stepIndex, start: context.lesson.start }),
        onDone: { target: 'step', actions: 'clearStep' },
        onError: { target: 'step', actions: ['clearStep', 'noteError'] },
      },
    },
    restarting: {
      entry: 'firstStep',
      invoke: {
        src: 'restoreCheckpoint',
        input: ({ context }) => ({ lessonId: context.lesson.id, stepIndex: 0, start: context.lesson.start }),
        onDone: 'entering',
        onError: { target: 'entering', actions: 'noteError' },
      },
    },
    done: {
      entry: { type: 'saveProgress', params: ({ context }) => progress(context, true) },
      on: {
        'lesson.restart': 'restarting',
        'step.previous': { target: 'step', actions: ['lastStep', saveProgressNow] },
      },
    },
  },
});

/** A failed check: count it and reveal one more hint. */
function failure(context: LessonContext, result: CheckResult): Partial<LessonContext> {
  const failedAttempts = context.failedAttempts + 1;
  const hints = context.lesson.steps[context.stepIndex].hints;
  return { failedAttempts, hints: hints.slice(0, Math.min(failedAttempts, hints.length)), result };
}
