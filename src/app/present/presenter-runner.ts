// The presentation machine wired to the page: checkpoints for entering and restoring steps,
// the jump plan for steps without one, the demo player for typing a step's commands.
import { fromCallback, fromPromise, type AnyEventObject } from 'xstate';
import type { CourseLesson } from '../../lib/lessons/format';
import { jumpPlan } from '../../lib/present/jump-plan';
import {
  presentationMachine, type DemoInput, type PresentLesson, type Restored, type StepInput,
} from '../../lib/present/presentation.machine';
import { QUICK, READABLE, typingSchedule } from '../../lib/present/typing';
import type { Checkpoints, Restored as CheckpointRestored } from '../checkpoints';
import { playKeys, type TerminalGuest } from './demo-player';

export interface PresenterDeps {
  guest: TerminalGuest;
  checkpoints: Checkpoints;
  lessons: readonly CourseLesson[];
  /** after a restore: a fresh prompt, the pictures refreshed, the time logged */
  onRestored: (restored: CheckpointRestored) => void;
  /** resolves when no engine snapshot is being taken (a checkpoint mid-request slows every restore of it) */
  settle: () => Promise<void>;
}

/** What the machine needs of a lesson: its id, which steps have commands, its picture. */
export function presentLesson(lesson: CourseLesson): PresentLesson {
  return { id: lesson.id, playable: lesson.languages.en.steps.map((s) => s.commands.some((c) => c.runnable)), picture: lesson.picture };
}

/** The commands a step's demo types: its runnable blocks (the same in both languages). */
export function stepCommands(lesson: CourseLesson, step: number): string[] {
  return (lesson.languages.en.steps[step]?.commands ?? []).filter((c) => c.runnable).map((c) => c.text);
}

export function presenterRunner(deps: PresenterDeps) {
  const { checkpoints, guest } = deps;
  const find = (id: string) => {
    const lesson = deps.lessons.find((l) => l.id === id);
    if (!lesson) throw new Error(`no lesson ${id}`);
    return lesson;
  };
  const enter = async (lessonId: string, step: number) => {
    await deps.settle();
    await checkpoints.save(lessonId, step);
  };

  return presentationMachine.provide({
    actors: {
      enterStep: fromPromise<void, StepInput>(({ input }) => enter(input.lessonId, input.step)),
      restoreStep: fromPromise<Restored, StepInput>(async ({ input }) => {
        const lesson = find(input.lessonId);
        const started = performance.now();
        const plan = jumpPlan(input.step, (k) => checkpoints.has(lesson.id, k));
        // the boot state is where every lesson starts ("fresh")
        const restored = await checkpoints.restore(plan.restore === 'boot' ? null : lesson.id, plan.restore === 'boot' ? 0 : plan.restore);
        deps.onRestored(restored);
        for (const step of plan.play) {
          // catching up: each step entered is saved, so the next jump here is one restore
          if (!checkpoints.has(lesson.id, step)) await enter(lesson.id, step);
          await playKeys(guest, typingSchedule(stepCommands(lesson, step), QUICK));
        }
        if (plan.play.length) await enter(lesson.id, input.step);
        return { ms: Math.round(performance.now() - started) };
      }),
      playDemo: fromCallback<AnyEventObject, DemoInput>(({ input, sendBack }) => {
        const stop = new AbortController();
        const keys = typingSchedule(stepCommands(find(input.lessonId), input.step), READABLE);
        void playKeys(guest, keys, {
          from: input.position,
          signal: stop.signal,
          onProgress: (position) => { if (!stop.signal.aborted) sendBack({ type: 'demo.progress', position }); },
        }).then((finished) => { if (finished && !stop.signal.aborted) sendBack({ type: 'demo.done' }); });
        return () => stop.abort();
      }),
    },
  });
}
