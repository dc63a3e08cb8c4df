// Markdown → Lesson: frontmatter, intro, steps, code blocks, check blocks, line numbers.
import { describe, expect, it } from 'vitest';
import { parseLesson, parseLessonPath } from './parse';

const SOURCE = `---
title: Hello
summary: A test lesson
picture: namespaces
---

Intro text.

## First step

Some *prose*
over two lines.

\`\`\`sh run
docker run -d --name box busybox sleep 1000
\`\`\`

\`\`\`
output, not runnable
## not a heading
\`\`\`

\`\`\`check
# a comment
shell: docker ps -a --format '{{.Names}}' | grep -qx box
engine: container  box   running
hint: Try \`docker ps\`.
\`\`\`

After the check.
## Second step
\`\`\`check
engine: image busybox exists
hint: one
\`\`\`
`;

describe('parseLesson', () => {
  const { lesson, errors } = parseLesson(SOURCE, 'lessons/07-hello-world/en.md');

  it('reads the path, the frontmatter and the defaults', () => {
    expect(errors).toEqual([]);
    expect(lesson).toMatchObject({
      id: 'hello-world', folder: '07-hello-world', order: 7, language: 'en', file: 'lessons/07-hello-world/en.md',
      title: 'Hello', summary: 'A test lesson', picture: 'namespaces', start: 'fresh',
    });
    expect(lesson.intro).toEqual([{ kind: 'text', markdown: 'Intro text.', line: 7 }]);
  });

  it('splits steps at ## outside code blocks, with their blocks in order and 1-based lines', () => {
    expect(lesson.steps.map((s) => [s.index, s.title, s.line])).toEqual([[0, 'First step', 9], [1, 'Second step', 31]]);
    const [first] = lesson.steps;
    expect(first.blocks.map((b) => (b.kind === 'text' ? ['text', b.line] : ['code', b.command.line]))).toEqual([
      ['text', 11], ['code', 14], ['code', 18], ['text', 30],
    ]);
    expect(first.blocks[0]).toMatchObject({ markdown: 'Some *prose*\nover two lines.' });
    expect(first.commands).toEqual([
      { text: 'docker run -d --name box busybox sleep 1000', lang: 'sh', runnable: true, line: 14 },
      { text: 'output, not runnable\n## not a heading', lang: '', runnable: false, line: 18 },
    ]);
  });

  it('reads checks and hints from the check block, with their lines', () => {
    const [first, second] = lesson.steps;
    expect(first.checks).toEqual([
      { kind: 'shell', script: "docker ps -a --format '{{.Names}}' | grep -qx box", line: 25 },
      { kind: 'engine', source: 'container box running', predicate: expect.objectContaining({ subject: 'container', name: 'box' }), line: 26 },
    ]);
    expect(first.hints).toEqual([{ text: 'Try `docker ps`.', line: 27 }]);
    expect(second.checks).toHaveLength(1);
    expect(second.hints).toEqual([{ text: 'one', line: 34 }]);
  });

  it('reports check lines it cannot read, misplaced checks, unknown flags and unclosed fences', () => {
    const bad = `---\ntitle: x\n---\n\`\`\`check\nengine: image x exists\n\`\`\`\n## S\n\`\`\`sh runn\nls\n\`\`\`\n\`\`\`check\nengine: container\nshell:\nhint: h\nlook: here\n\`\`\`\n\`\`\`check\nhint: again\n\`\`\`\n\`\`\`sh\nnever closed\n`;
    const { errors: found } = parseLesson(bad, 'lessons/01-x/ko.md');
    expect(found.map((e) => [e.line, e.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      [4, 'a check block'],
      [8, 'unknown code block'],
      [12, 'engine check does'],
      [13, 'shell: is empty'],
      [15, 'check line must'],
      [17, 'a step has'],
      [20, 'code block is'],
    ]);
    expect(found.every((e) => e.file === 'lessons/01-x/ko.md')).toBe(true);
  });

  it('accepts CRLF line ends', () => {
    expect(parseLesson(SOURCE.replace(/\n/g, '\r\n'), 'lessons/07-hello-world/en.md').lesson.steps[0].checks).toHaveLength(2);
  });
});

describe('parseLessonPath', () => {
  it('takes the order, id and language from the path', () => {
    expect(parseLessonPath('/lessons/12-a-b/ko.md')).toEqual({ folder: '12-a-b', id: 'a-b', order: 12, language: 'ko' });
    expect(parseLessonPath('lessons/x/ko.md')).toContain('lessons/NN-name');
    expect(parseLessonPath('lessons/01-x/fr.md')).toContain('unknown language');
  });
});
