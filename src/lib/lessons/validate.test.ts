// The validator: per-lesson rules and the ko/en pair rules, each error naming its line.
import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse';
import { validateLesson, validatePair } from './validate';

const lesson = (body: string, language = 'en', front = 'title: T\nsummary: S\npicture: layers') =>
  parseLesson(`---\n${front}\n---\n${body}`, `lessons/03-demo/${language}.md`).lesson;

const STEP = '## Step\nText.\n```sh run\ndocker images\n```\n```check\nengine: image busybox exists\nhint: h\n```\n';

describe('validateLesson', () => {
  it('accepts a complete lesson', () => {
    expect(validateLesson(lesson(STEP))).toEqual([]);
  });

  it('names missing title and summary, an unknown picture and start, unknown keys', () => {
    const errors = validateLesson(lesson(STEP, 'en', 'title:\nsummary: S\npicture: sunset\nstart: dirty\norder: 3\ncolour: red'));
    expect(errors.map((e) => `${e.file}:${e.line}: ${e.message.split(' (')[0]}`)).toEqual([
      'lessons/03-demo/en.md:6: order comes from the folder number, not the frontmatter',
      'lessons/03-demo/en.md:7: unknown frontmatter key "colour"',
      'lessons/03-demo/en.md:2: missing title',
      'lessons/03-demo/en.md:4: unknown picture "sunset"',
      'lessons/03-demo/en.md:5: unknown start state "dirty"',
    ]);
    expect(validateLesson(lesson(STEP, 'en', 'title: T\nsummary: S')).map((e) => e.message)).toEqual([expect.stringContaining('missing picture')]);
  });

  it('wants steps, each with a check and a hint', () => {
    expect(validateLesson(lesson('Only an intro.')).map((e) => e.message)).toEqual([expect.stringContaining('at least one step')]);
    const errors = validateLesson(lesson('## Bare\nNothing to check.\n## Hintless\n```check\nengine: images > 0\n```\n'));
    expect(errors.map((e) => [e.line, e.message.slice(0, 22)])).toEqual([
      [6, 'step "Bare" has no che'], [6, 'step "Bare" has no hin'], [8, 'step "Hintless" has no'],
    ]);
  });

  it('refuses bash-only syntax in shell checks (they run in busybox sh)', () => {
    const errors = validateLesson(lesson('## S\n```check\nshell: [[ -f /x ]]\nshell: grep -q x <<< "$y"\nshell: true &> /dev/null\nhint: h\n```\n'));
    expect(errors.map((e) => e.line)).toEqual([8, 9, 10]);
  });
});

describe('validatePair', () => {
  const en = lesson(STEP + STEP);

  it('accepts languages that differ only in prose and hints', () => {
    const ko = lesson(STEP.replace('Text.', '설명.').replace('hint: h', 'hint: 힌트') + STEP, 'ko');
    expect(validatePair(en, ko)).toEqual([]);
  });

  it('names a different step count, picture or start', () => {
    const ko = lesson(STEP, 'ko', 'title: T\nsummary: S\npicture: network');
    expect(validatePair(en, ko).map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
      'lessons/03-demo/ko.md:4: picture "network" differs from en.md ("layers")',
      'lessons/03-demo/ko.md:1: 1 steps, but en.md has 2',
    ]);
  });

  it('names the line of a check or command that differs', () => {
    const ko = lesson(STEP + STEP.replace('busybox exists', 'lua:5.1 exists').replace('docker images', 'docker ps'), 'ko');
    expect(validatePair(en, ko).map((e) => [e.line, e.message.slice(0, 28)])).toEqual([
      [21, 'step 2: check differs from e'], [17, 'step 2: runnable command dif'],
    ]);
  });

  it('sees a check as its words, not its spacing', () => {
    const ko = lesson((STEP + STEP).replace(/busybox exists/g, 'busybox   exists'), 'ko');
    expect(validatePair(en, ko)).toEqual([]);
  });
});
