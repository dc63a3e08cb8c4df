// The whole course on the real guest, as a student who clicks every Run button would take it:
// each lesson from the fresh machine; each step's checks (the same runChecks the lesson page
// uses) fail first, then the step's `sh run` blocks run in order and the checks must pass. A block that takes the kernel
// down (lesson 05's panic) is answered as the page answers it: the step's checkpoint, saved
// when the step began, is restored and the student goes on.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/lessons/checks';
import { loadCourse } from '../../src/lib/lessons/catalog';
import type { GuestSession } from '../../src/lib/guest/session';
import { useGuest } from './guest';

const guest = useGuest();
const course = loadCourse();
const BLOCK_TIMEOUT_MS = 30_000;

/**
 * Runs one block as the terminal's shell would: in the directory the last block left (a block
 * may `cd`), from root's home at first. Its exit status does not matter (some steps show a refusal).
 */
async function runBlock(session: GuestSession, text: string): Promise<'ok' | 'crashed'> {
  const script = `cd "$(cat /tmp/course-cwd 2>/dev/null || echo /root)" || exit 1\n${text}\npwd > /tmp/course-cwd`;
  const result = await session.exec(script, { timeoutMs: BLOCK_TIMEOUT_MS }).catch(() => null);
  if (result && !result.timedOut) return 'ok';
  const alive = await session.ping(3000).then(() => true, () => false);
  return alive ? 'ok' : 'crashed';
}

/** The page's check dependencies, on the test's guest. */
const deps = (session: GuestSession) => ({
  shell: async (script: string) => {
    const r = await session.exec(script, { timeoutMs: BLOCK_TIMEOUT_MS });
    return { exitCode: r.exitCode, output: r.stdout + r.stderr };
  },
  engineState: () => session.engineState(),
});

describe('the course, every lesson and step on the real guest', () => {
  let fresh: ArrayBuffer;

  for (const lesson of course.lessons) {
    for (const language of ['en', 'ko'] as const) {
      // the checks are the same in both languages (the validator makes sure); run each lesson once, in English
      if (language === 'ko') continue;
      const { title, steps } = lesson.languages[language];
      it(`${lesson.id}: ${title}`, async () => {
        const session = guest();
        fresh ??= await session.saveState();
        await session.restoreState(fresh);
        for (const step of steps) {
          const checkpoint = await session.saveState();
          // the check must see the step's work: before the commands run, it fails
          const before = await runChecks(step.checks, deps(session));
          expect(before.passed, `${lesson.id} step ${step.index + 1} "${step.title}" passes before its commands ran:\n${before.output}`).toBe(false);
          let crashes = 0;
          for (const command of step.commands.filter((c) => c.runnable)) {
            if ((await runBlock(session, command.text)) === 'crashed') {
              crashes++;
              await session.restoreState(checkpoint);
            }
          }
          const result = await runChecks(step.checks, deps(session));
          expect(result.passed, `${lesson.id} step ${step.index + 1} "${step.title}"${crashes ? ` (after ${crashes} reset)` : ''}:\n${result.output}`).toBe(true);
        }
      }, 240_000);
    }
  }
});
