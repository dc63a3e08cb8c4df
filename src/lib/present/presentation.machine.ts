// The one owner of the presentation: which lesson and step is shown, whether its demo is
// playing, and what the audience screen does (blank, zoom, spotlight, picture). The windows
// render from its context; everything that touches the VM is an actor the app provides:
//   enterStep    save the checkpoint of a step entered going forward
//   restoreStep  put the machine where step N starts (its checkpoint, or play up to it)
//   playDemo     type the step's commands (a callback actor: demo.progress, demo.done)
import { assign, fromCallback, fromPromise, setup, type AnyEventObject } from 'xstate';
import { ZOOM_LEVELS, type Zoom } from './protocol';

export interface PresentLesson {
  id: string;
  /** per step: does it have commands to play */
  playable: boolean[];
  picture: string;
}

export interface PresentationContext {
  lesson: PresentLesson | null;
  step: number;
  /** the step to restore to while restoring */
  target: number;
  /** the next keystroke of the step's demo (0: from the start) */
  position: number;
  /** the demo of this step ran to its end */
  played: boolean;
  blank: boolean;
  zoom: Zoom;
  spotlight: string | null;
  picture: string;
  /** epoch ms: when presenting began and when this step was entered (for the timers) */
  startedAt: number;
  stepStartedAt: number;
  lastRestore: { step: number; ms: number } | null;
  error: string | null;
}

export type PresentationEvent =
  | { type: 'present.open'; lesson: PresentLesson; step?: number; now: number; startedAt?: number }
  | { type: 'present.close' }
  | { type: 'demo.play' }
  | { type: 'demo.pause' }
  | { type: 'demo.progress'; position: number }
  | { type: 'demo.done' }
  | { type: 'step.next'; now: number }
  | { type: 'step.previous'; now: number }
  | { type: 'step.jump'; step: number; now: number }
  | { type: 'step.reset'; now: number }
  | { type: 'display.blank'; blank?: boolean }
  | { type: 'display.zoom'; zoom?: Zoom; by?: 1 | -1 }
  | { type: 'display.spotlight'; target: string | null }
  | { type: 'display.picture'; picture: string }
  /** a named state was put back: it is step `step` of `lesson` now */
  | { type: 'state.loaded'; lesson: PresentLesson; step: number; now: number };

export interface StepInput { lessonId: string; step: number }
export interface DemoInput extends StepInput { position: number }
export interface Restored { ms: number }

export type PresentationState = 'idle' | 'entering' | 'ready' | 'playing' | 'restoring';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const notProvided = (name: string) => fromPromise(async () => { throw new Error(`${name} is provided by the app`); });
const nowOf = (event: AnyEventObject) => (typeof event.now === 'number' ? event.now : Date.now());

export const presentationMachine = setup({
  types: { context: {} as PresentationContext, events: {} as PresentationEvent },
  actors: {
    enterStep: notProvided('enterStep') as ReturnType<typeof fromPromise<void, StepInput>>,
    restoreStep: notProvided('restoreStep') as ReturnType<typeof fromPromise<Restored, StepInput>>,
    playDemo: fromCallback<AnyEventObject, DemoInput>(() => {
      throw new Error('playDemo is provided by the app');
    }),
  },
  guards: {
    hasNext: ({ context }) => context.lesson !== null && context.step < context.lesson.playable.length - 1,
    hasPrevious: ({ context }) => context.step > 0,
    playable: ({ context }) => context.lesson?.playable[context.step] === true,
    validJump: ({ context, event }) => event.type === 'step.jump' && context.lesson !== null
      && Number.isInteger(event.step) && event.step >= 0 && event.step < context.lesson.playable.length,
    resumeLater: ({ event }) => event.type === 'present.open' && (event.step ?? 0) > 0,
  },
  actions: {
    enterNext: assign(({ context, event }) => ({ step: context.step + 1, position: 0, played: false, stepStartedAt: nowOf(event), error: null })),
    aimAt: assign(({ context, event }) => ({
      target: event.type === 'step.jump' ? event.step : event.type === 'step.previous' ? context.step - 1 : context.step,
      error: null,
    })),
  },
}).createMachine({
  id: 'presentation',
  initial: 'idle',
  context: {
    lesson: null, step: 0, target: 0, position: 0, played: false, blank: false, zoom: 1, spotlight: null,
    picture: 'namespaces', startedAt: 0, stepStartedAt: 0, lastRestore: null, error: null,
  },
  on: {
    // the audience screen: any time, also while the machine is busy
    'display.blank': { actions: assign({ blank: ({ context, event }) => event.blank ?? !context.blank }) },
    'display.zoom': { actions: assign({ zoom: ({ context, event }) => event.zoom ?? stepZoom(context.zoom, event.by ?? 1) }) },
    'display.spotlight': { actions: assign({ spotlight: ({ event }) => event.target }) },
    // another picture shows other parts: the spotlight does not carry over
    'display.picture': { actions: assign({ picture: ({ event }) => event.picture, spotlight: null }) },
  },
  states: {
    idle: {
      on: {
        'present.open': [
          // reopened on a later step: the machine is new, so play up to it
          { guard: 'resumeLater', target: 'restoring', actions: assign(({ event }) => ({ ...opened(event), target: event.step ?? 0 })) },
          { target: 'entering', actions: assign(({ event }) => opened(event)) },
        ],
      },
    },
    entering: {
      invoke: {
        src: 'enterStep',
        input: ({ context }) => ({ lessonId: context.lesson!.id, step: context.step }),
        onDone: 'ready',
        // without a checkpoint a jump back here plays up to it instead
        onError: { target: 'ready', actions: assign({ error: ({ event }) => message(event.error) }) },
      },
    },
    ready: {
      on: {
        'demo.play': { guard: 'playable', target: 'playing', actions: assign({ position: ({ context }) => (context.played ? 0 : context.position), played: false }) },
        'step.next': { guard: 'hasNext', target: 'entering', actions: 'enterNext' },
        'step.previous': { guard: 'hasPrevious', target: 'restoring', actions: 'aimAt' },
        'step.jump': { guard: 'validJump', target: 'restoring', actions: 'aimAt' },
        'step.reset': { target: 'restoring', actions: 'aimAt' },
        'state.loaded': { target: 'entering', actions: assign(({ event }) => ({ ...moved(event.lesson, event.step, nowOf(event)) })) },
        'present.close': { target: 'idle', actions: assign({ lesson: null, blank: false, spotlight: null }) },
      },
    },
    playing: {
      invoke: {
        src: 'playDemo',
        input: ({ context }) => ({ lessonId: context.lesson!.id, step: context.step, position: context.position }),
      },
      on: {
        'demo.progress': { actions: assign({ position: ({ event }) => event.position }) },
        'demo.done': { target: 'ready', actions: assign({ position: 0, played: true }) },
        'demo.pause': 'ready',
        // moving on stops the typing where it is
        'step.next': { guard: 'hasNext', target: 'entering', actions: 'enterNext' },
        'step.previous': { guard: 'hasPrevious', target: 'restoring', actions: 'aimAt' },
        'step.jump': { guard: 'validJump', target: 'restoring', actions: 'aimAt' },
        'step.reset': { target: 'restoring', actions: 'aimAt' },
      },
    },
    restoring: {
      invoke: {
        src: 'restoreStep',
        input: ({ context }) => ({ lessonId: context.lesson!.id, step: context.target }),
        onDone: {
          target: 'ready',
          actions: assign(({ context, event }) => ({
            ...moved(context.lesson!, context.target, Date.now()), lastRestore: { step: context.target, ms: event.output.ms },
          })),
        },
        onError: { target: 'ready', actions: assign({ error: ({ event }) => message(event.error), position: 0 }) },
      },
    },
  },
});

function opened(event: Extract<PresentationEvent, { type: 'present.open' }>): Partial<PresentationContext> {
  return { ...moved(event.lesson, 0, event.now), picture: event.lesson.picture, startedAt: event.startedAt ?? event.now, spotlight: null, blank: false };
}

function moved(lesson: PresentLesson, step: number, now: number): Partial<PresentationContext> {
  return { lesson, step, position: 0, played: false, stepStartedAt: now, error: null };
}

export function stepZoom(zoom: Zoom, by: 1 | -1): Zoom {
  const i = ZOOM_LEVELS.indexOf(zoom) + by;
  return ZOOM_LEVELS[Math.max(0, Math.min(ZOOM_LEVELS.length - 1, i))];
}
