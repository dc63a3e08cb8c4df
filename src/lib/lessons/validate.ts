// Judges parsed lessons: required frontmatter, steps that each offer a check and a hint,
// shell snippets that busybox sh can run, and ko/en pairs that differ only in their
// words — same steps, same commands, same checks — so a check proven in one language
// holds in the other.
import { PICTURES, START_STATES, type Lesson, type LessonError } from './format';

const KNOWN_KEYS = ['title', 'summary', 'picture', 'start'];

// bash-only syntax that busybox sh (ash) rejects or reads differently.
const BASHISMS: [RegExp, string][] = [
  [/\[\[/, '[[ ... ]] is bash; use [ ... ]'],
  [/<<</, 'here-strings (<<<) are bash; use echo ... |'],
  [/(^|[\s;])function\s/, '"function" is bash; use name() { ... }'],
  [/&>/, '&> is bash; use >file 2>&1'],
];

export function validateLesson(lesson: Lesson): LessonError[] {
  const errors: LessonError[] = [];
  const error = (line: number, message: string) => { errors.push({ file: lesson.file, line, message }); };
  const { meta } = lesson;

  for (const [key, field] of Object.entries(meta)) {
    if (key === 'order') error(field.line, 'order comes from the folder number, not the frontmatter');
    else if (!KNOWN_KEYS.includes(key)) error(field.line, `unknown frontmatter key "${key}" (${KNOWN_KEYS.join(', ')})`);
  }
  if (!lesson.title) error(meta.title?.line ?? 1, 'missing title');
  if (!lesson.summary) error(meta.summary?.line ?? 1, 'missing summary');
  if (!meta.picture) error(1, `missing picture (one of ${PICTURES.join(', ')})`);
  else if (!(PICTURES as readonly string[]).includes(lesson.picture)) {
    error(meta.picture.line, `unknown picture "${lesson.picture}" (one of ${PICTURES.join(', ')})`);
  }
  if (!(START_STATES as readonly string[]).includes(lesson.start)) {
    error(meta.start?.line ?? 1, `unknown start state "${lesson.start}" (one of ${START_STATES.join(', ')})`);
  }

  if (!lesson.steps.length) error(1, 'a lesson needs at least one step (## heading)');
  for (const step of lesson.steps) {
    if (!step.title) error(step.line, 'a step needs a title after ##');
    if (!step.checks.length) error(step.line, `step "${step.title}" has no check (a \`\`\`check block with shell: or engine: lines)`);
    if (!step.hints.length) error(step.line, `step "${step.title}" has no hint (hint: lines in its check block)`);
    for (const check of step.checks) {
      if (check.kind !== 'shell') continue;
      for (const [pattern, message] of BASHISMS) if (pattern.test(check.script)) error(check.line, message);
    }
  }
  return errors;
}

/** What must be equal across languages: everything but the prose. */
function stepData(lesson: Lesson) {
  return lesson.steps.map((step) => ({
    checks: step.checks.map((c) => (c.kind === 'shell' ? `shell: ${c.script.trim()}` : `engine: ${c.source}`)),
    commands: step.commands.filter((c) => c.runnable).map((c) => c.text.trim()),
  }));
}

/** ko and en of one lesson: same picture, start, step count, runnable commands and checks. */
export function validatePair(a: Lesson, b: Lesson): LessonError[] {
  const errors: LessonError[] = [];
  const error = (line: number, message: string) => { errors.push({ file: b.file, line, message }); };
  const other = `${a.language}.md`;
  if (a.picture !== b.picture) error(b.meta.picture?.line ?? 1, `picture "${b.picture}" differs from ${other} ("${a.picture}")`);
  if (a.start !== b.start) error(b.meta.start?.line ?? 1, `start "${b.start}" differs from ${other} ("${a.start}")`);
  if (a.steps.length !== b.steps.length) {
    error(1, `${b.steps.length} steps, but ${other} has ${a.steps.length}`);
    return errors;
  }
  const [left, right] = [stepData(a), stepData(b)];
  b.steps.forEach((step, i) => {
    const [x, y] = [left[i], right[i]];
    const firstDiff = (p: string[], q: string[]) => Array.from({ length: Math.max(p.length, q.length) }, (_, k) => k).find((k) => p[k] !== q[k]);
    const check = firstDiff(x.checks, y.checks);
    if (check !== undefined) {
      error(step.checks[check]?.line ?? step.line, `step ${i + 1}: check differs from ${other} (line ${a.steps[i].checks[check]?.line ?? a.steps[i].line}); checks must be identical, only text differs`);
    }
    const command = firstDiff(x.commands, y.commands);
    if (command !== undefined) {
      const [mine, theirs] = [step.commands.filter((c) => c.runnable), a.steps[i].commands.filter((c) => c.runnable)];
      error(mine[command]?.line ?? step.line, `step ${i + 1}: runnable command differs from ${other} (line ${theirs[command]?.line ?? a.steps[i].line}); commands must be identical`);
    }
  });
  return errors;
}
