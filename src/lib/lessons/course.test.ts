// The real course in lessons/ parses and validates (so `npm test` catches a malformed
// lesson), and buildCourse orders lessons and pairs their languages.
import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../../scripts/validate-lessons';
import { buildCourse } from './course';
import { formatError } from './format';

const lesson = (title: string, picture = 'layers') =>
  `---\ntitle: ${title}\nsummary: S\npicture: ${picture}\n---\n## Step\n\`\`\`check\nengine: images > 0\nhint: h\n\`\`\`\n`;

describe('the course in lessons/', () => {
  const { course, errors } = buildCourse(readLessonFiles());

  it('has no errors', () => {
    expect(errors.map(formatError)).toEqual([]);
  });

  it('is ordered by folder number, every lesson in both languages with hands-on steps', () => {
    expect(course.lessons.length).toBeGreaterThanOrEqual(4);
    const orders = course.lessons.map((l) => l.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    for (const { languages } of course.lessons) {
      expect(languages.ko.steps.length).toBeGreaterThanOrEqual(2);
      for (const step of languages.ko.steps) expect(step.commands.some((c) => c.runnable)).toBe(true);
    }
  });
});

describe('buildCourse', () => {
  it('orders by folder number and pairs ko with en', () => {
    const { course, errors } = buildCourse({
      '/lessons/10-late/ko.md': lesson('늦게'), '/lessons/10-late/en.md': lesson('Late'),
      '/lessons/2-early/en.md': lesson('Early', 'xray'), '/lessons/2-early/ko.md': lesson('일찍', 'xray'),
    });
    expect(errors).toEqual([]);
    expect(course.lessons.map((l) => [l.order, l.id, l.picture, l.languages.ko.title])).toEqual([
      [2, 'early', 'xray', '일찍'], [10, 'late', 'layers', '늦게'],
    ]);
  });

  it('names a missing language, a number used twice and a name used twice', () => {
    const { course, errors } = buildCourse({
      'lessons/01-a/ko.md': lesson('a'), 'lessons/01-b/ko.md': lesson('b'), 'lessons/01-b/en.md': lesson('b'),
      'lessons/02-b/ko.md': lesson('b'), 'lessons/02-b/en.md': lesson('b'),
    });
    expect(errors.map(formatError)).toEqual([
      'lessons/01-a/en.md:1: missing: every lesson has ko.md and en.md',
      'lessons/01-b/ko.md:1: number 1 is also used by lessons/01-a',
      'lessons/02-b/ko.md:1: name "b" is also used by lessons/01-b',
    ]);
    expect(course.lessons.map((l) => l.folder)).toEqual(['01-b', '02-b']);
  });
});
