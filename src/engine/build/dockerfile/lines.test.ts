// Physical → logical lines: directives, comments, continuations, and the line numbers kept.
import { describe, expect, it } from 'vitest';
import { splitLines } from './lines';

const logical = (text: string) => {
  const r = splitLines(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('logical lines', () => {
  it.each([
    ['one instruction', 'FROM busybox', [[1, 'FROM busybox']]],
    ['blank lines and comments dropped', '\n# c\n\nFROM a\n  # indented comment\nRUN x\n', [[4, 'FROM a'], [6, 'RUN x']]],
    ['leading whitespace trimmed', '   FROM a   ', [[1, 'FROM a']]],
    ['continuation joins without a newline', 'RUN echo a \\\n  b', [[1, 'RUN echo a   b']]],
    ['spaces after the backslash still continue', 'RUN a \\  \t\nb', [[1, 'RUN a b']]],
    ['comment line inside a continuation', 'RUN a \\\n# note\n  && b\nCMD c', [[1, 'RUN a   && b'], [4, 'CMD c']]],
    ['blank line inside a continuation', 'RUN a \\\n\n  b', [[1, 'RUN a   b']]],
    ['continuation at end of file', 'FROM a\nRUN b \\', [[1, 'FROM a'], [2, 'RUN b']]],
    ['start line of a long instruction', 'FROM a\n\nRUN 1 \\\n 2 \\\n 3\nRUN 4', [[1, 'FROM a'], [3, 'RUN 1  2  3'], [6, 'RUN 4']]],
    ['CRLF line ends', 'FROM a\r\nRUN b \\\r\n c\r\n', [[1, 'FROM a'], [2, 'RUN b  c']]],
    ['a # in the middle is not a comment', 'RUN echo a # b', [[1, 'RUN echo a # b']]],
    ['backslash in the middle stays', 'RUN echo a\\b', [[1, 'RUN echo a\\b']]],
  ])('%s', (_, text, expected) => {
    expect(logical(text).lines.map((l) => [l.line, l.text])).toEqual(expected);
  });
});

describe('parser directives', () => {
  it('reads escape and syntax at the top', () => {
    const r = logical('# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN dir `\n  c:\\x');
    expect(r.directives).toEqual({ escape: '`', syntax: 'docker/dockerfile:1' });
    expect(r.lines.map((l) => l.text)).toEqual(['FROM a', 'RUN dir   c:\\x']);
  });

  it.each([
    ['spaces and case', '#  ESCAPE = `\nFROM a', '`'],
    ['after a blank line it is a comment', '\n# escape=`\nFROM a', '\\'],
    ['after a comment it is a comment', '# hello\n# escape=`\nFROM a', '\\'],
    ['after an instruction it is a comment', 'FROM a\n# escape=`', '\\'],
    ['an unknown directive ends the directives', '# foo=bar\n# escape=`\nFROM a', '\\'],
  ])('%s', (_, text, escape) => {
    expect(logical(text).directives.escape).toBe(escape);
  });

  it('keeps the backslash literal when escape is a backtick', () => {
    expect(logical('# escape=`\nRUN a \\\nRUN b').lines.map((l) => l.text)).toEqual(['RUN a \\', 'RUN b']);
  });

  it.each([
    ['a bad escape', '# escape=x\nFROM a', 1, "invalid escape token 'x' does not match ^[\\\\`]$"],
    ['a repeated directive', '# escape=`\n# escape=\\\nFROM a', 2, 'only one escape parser directive can be used'],
  ])('rejects %s with its line', (_, text, line, error) => {
    expect(splitLines(text)).toEqual({ ok: false, error, line });
  });
});
