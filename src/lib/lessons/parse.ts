// Markdown → Lesson. A line scanner, not a markdown parser: it only needs to find the
// frontmatter, the `## ` step headings, fenced code blocks (```sh run, ```check) and the
// prose between them, which it hands on untouched for the app to render. It reports
// syntax problems (a check line it cannot read, an unclosed fence); validate.ts judges
// the rest (missing title, a step without a check, ko/en differences).
import { parsePredicate } from './engine-predicates';
import { parseFrontmatter } from './frontmatter';
import type { Block, Check, Command, Hint, Language, Lesson, LessonError, Picture, StartState, Step } from './format';

/** Where a lesson file sits: `lessons/NN-id/LANG.md`. */
export interface LessonPath { folder: string; id: string; order: number; language: Language }

export function parseLessonPath(file: string): LessonPath | string {
  const match = /(?:^|\/)lessons\/((\d+)-([a-z0-9][a-z0-9-]*))\/([a-z]+)\.md$/.exec(file);
  if (!match) return 'a lesson file must be lessons/NN-name/LANG.md (NN a number, name in lower case)';
  const [, folder, number, id, language] = match;
  if (language !== 'ko' && language !== 'en') return `unknown language "${language}" (ko or en)`;
  return { folder, id, order: Number(number), language };
}

export interface ParseResult { lesson: Lesson; errors: LessonError[] }

const FENCE = /^(`{3,}|~{3,})\s*(.*)$/;

interface CheckBlock { checks: Check[]; hints: Hint[] }

function parseCheckBlock(lines: string[], firstLine: number, error: (line: number, message: string) => void): CheckBlock {
  const block: CheckBlock = { checks: [], hints: [] };
  lines.forEach((text, i) => {
    const line = firstLine + i;
    const trimmed = text.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const match = /^(shell|engine|hint):\s*(.*)$/.exec(trimmed);
    if (!match) return error(line, `check line must start with shell:, engine: or hint: — got "${trimmed}"`);
    const [, kind, rest] = match;
    if (!rest) return error(line, `${kind}: is empty`);
    if (kind === 'hint') block.hints.push({ text: rest, line });
    else if (kind === 'shell') block.checks.push({ kind: 'shell', script: rest, line });
    else {
      const parsed = parsePredicate(rest);
      if (parsed.ok) block.checks.push({ kind: 'engine', source: rest.trim().replace(/\s+/g, ' '), predicate: parsed.predicate, line });
      else error(line, `engine check does not parse: ${parsed.error}`);
    }
  });
  return block;
}

export function parseLesson(source: string, file: string): ParseResult {
  const errors: LessonError[] = [];
  const error = (line: number, message: string) => { errors.push({ file, line, message }); };
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const path = parseLessonPath(file);
  if (typeof path === 'string') error(1, path);
  const where = typeof path === 'string' ? { folder: '', id: '', order: 0, language: 'en' as Language } : path;

  const front = parseFrontmatter(lines);
  for (const e of front.errors) error(e.line, e.message);
  const meta = front.fields;

  const intro: Block[] = [];
  const steps: Step[] = [];
  let blocks = intro;
  let text: string[] = [];
  let textLine = 0;
  let checkSeen = false;

  const flushText = () => {
    const first = text.findIndex((t) => t.trim());
    if (first >= 0) {
      let last = text.length - 1;
      while (!text[last].trim()) last--;
      blocks.push({ kind: 'text', markdown: text.slice(first, last + 1).join('\n'), line: textLine + first });
    }
    text = [];
  };

  for (let i = front.bodyStart; i < lines.length; i++) {
    const line = i + 1;
    const current = lines[i];
    const fence = FENCE.exec(current);
    if (fence) {
      flushText();
      const [, marks, info] = fence;
      const close = lines.findIndex((t, j) => j > i && t.trim().startsWith(marks[0].repeat(marks.length)) && /^[`~]+$/.test(t.trim()));
      if (close < 0) error(line, 'code block is never closed');
      const end = close < 0 ? lines.length : close;
      const content = lines.slice(i + 1, end);
      const [lang = '', ...flags] = info.trim().split(/\s+/).filter(Boolean);
      if (lang === 'check') {
        if (blocks === intro) error(line, 'a check block belongs in a step (after a ## heading)');
        else if (checkSeen) error(line, 'a step has one check block');
        else {
          const step = steps[steps.length - 1];
          const parsed = parseCheckBlock(content, line + 1, error);
          step.checks = parsed.checks;
          step.hints = parsed.hints;
        }
        checkSeen = true;
      } else {
        const unknown = flags.filter((f) => f !== 'run');
        if (unknown.length) error(line, `unknown code block flag "${unknown.join(' ')}" (only "run")`);
        const command: Command = { text: content.join('\n'), lang, runnable: flags.includes('run'), line };
        blocks.push({ kind: 'code', command });
        if (blocks !== intro) steps[steps.length - 1].commands.push(command);
      }
      i = end;
      continue;
    }
    const heading = /^##\s+(.*)$/.exec(current);
    if (heading) {
      flushText();
      const step: Step = { index: steps.length, title: heading[1].trim(), line, blocks: [], commands: [], checks: [], hints: [] };
      steps.push(step);
      blocks = step.blocks;
      checkSeen = false;
      continue;
    }
    if (!text.length) textLine = line;
    text.push(current);
  }
  flushText();

  const lesson: Lesson = {
    ...where,
    file,
    title: meta.title?.value ?? '',
    summary: meta.summary?.value ?? '',
    picture: (meta.picture?.value ?? '') as Picture,
    start: (meta.start?.value ?? 'fresh') as StartState,
    intro,
    steps,
    meta,
  };
  return { lesson, errors };
}
