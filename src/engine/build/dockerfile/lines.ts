// Physical lines → logical lines, as BuildKit's parser reads a Dockerfile: parser directives
// only at the very top, comments and blank lines dropped (also inside a continuation), a line
// ending in the escape character continues on the next one, and each instruction keeps the
// 1-based line it starts on so every error can point at it.
import { fail, ok, type Checked } from './errors';

export type EscapeChar = '\\' | '`';

export interface Directives {
  escape: EscapeChar;
  /** `# syntax=docker/dockerfile:1`: recorded, not acted on (there is no frontend image) */
  syntax?: string;
}

export interface LogicalLine {
  /** 1-based line of the instruction's first physical line */
  line: number;
  /** the instruction with continuations joined (escape char removed, no newline added) */
  text: string;
}

export interface SplitResult {
  directives: Directives;
  lines: LogicalLine[];
}

// `# escape=`` `, any case, spaces allowed around the name, `=` and value.
const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const KNOWN_DIRECTIVES = new Set(['escape', 'syntax', 'check']);

const isBlank = (s: string) => s.trim() === '';
const isComment = (s: string) => s.trimStart().startsWith('#');

/** Reads the directives; the first line that is not one (even a blank line) ends them. */
function readDirectives(physical: string[]): Checked<{ directives: Directives; next: number }> & { line?: number } {
  const directives: Directives = { escape: '\\' };
  const seen = new Set<string>();
  let i = 0;
  for (; i < physical.length; i++) {
    const m = DIRECTIVE.exec(physical[i]);
    if (!m || !KNOWN_DIRECTIVES.has(m[1].toLowerCase())) break;
    const name = m[1].toLowerCase();
    if (seen.has(name)) return { ...fail(`only one ${name} parser directive can be used`), line: i + 1 };
    seen.add(name);
    if (name === 'escape') {
      if (m[2] !== '\\' && m[2] !== '`') {
        return { ...fail(`invalid escape token '${m[2]}' does not match ^[\\\\\`]$`), line: i + 1 };
      }
      directives.escape = m[2];
    } else if (name === 'syntax') {
      directives.syntax = m[2];
    }
  }
  return ok({ directives, next: i });
}

/** Splits a Dockerfile into logical lines; errors carry the line of the bad directive. */
export function splitLines(text: string): Checked<SplitResult> & { line?: number } {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const read = readDirectives(physical);
  if (!read.ok) return read;
  const { directives, next } = read.value;
  // The escape char followed only by spaces or tabs continues the line.
  const esc = directives.escape === '\\' ? '\\\\' : '`';
  const continuation = new RegExp(`${esc}[ \\t]*$`);
  const lines: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  for (let i = next; i < physical.length; i++) {
    const raw = physical[i];
    // Comments and blank lines vanish, even in the middle of a continued instruction.
    if (isComment(raw) || (current === undefined && isBlank(raw))) continue;
    if (current !== undefined && isBlank(raw)) continue;
    const piece = current === undefined ? raw.trimStart() : raw;
    current ??= { line: i + 1, text: '' };
    const m = continuation.exec(piece);
    if (m) {
      current.text += piece.slice(0, m.index);
      continue;
    }
    current.text += piece;
    lines.push(finish(current));
    current = undefined;
  }
  // A continuation at the end of the file just ends the instruction, as in BuildKit.
  if (current !== undefined && !isBlank(current.text)) lines.push(finish(current));
  return ok({ directives, lines });
}

const finish = (l: LogicalLine): LogicalLine => ({ line: l.line, text: l.text.trim() });
