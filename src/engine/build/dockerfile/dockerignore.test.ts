// .dockerignore with Docker's semantics: globs, **, exceptions, cleaned paths, last match wins.
import { describe, expect, it } from 'vitest';
import { cleanPath, parseDockerignore } from './dockerignore';

function matcher(text: string) {
  const m = parseDockerignore(text);
  if (!m.ok) throw new Error(m.error);
  return m.value;
}

describe('.dockerignore', () => {
  it.each([
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/x/y.js', true], // a directory takes its contents
    ['node_modules', 'src/node_modules', false], // patterns are anchored at the context root
    ['*.log', 'debug.log', true],
    ['*.log', 'logs/debug.log', false], // `*` stays within one component
    ['*/*.log', 'logs/debug.log', true],
    ['**/*.log', 'a/b/c/debug.log', true],
    ['**/*.log', 'debug.log', true], // `**` may be no directory at all
    ['a/**/z', 'a/z', true],
    ['a/**/z', 'a/b/c/z', true],
    ['a/**', 'a/b/c', true],
    ['file?.txt', 'file1.txt', true],
    ['file?.txt', 'file10.txt', false],
    ['[ab].txt', 'b.txt', true],
    ['[^ab].txt', 'c.txt', true],
    ['/secret', 'secret', true], // leading `/` stripped
    ['./build', 'build/out', true], // leading `./` stripped
    ['dist/', 'dist/app.js', true], // trailing `/` cleaned away
    ['a/../b', 'b', true],
    ['*.md\n!README.md', 'README.md', false],
    ['*.md\n!README.md', 'CHANGES.md', true],
    ['!README.md\n*.md', 'README.md', true], // the last match wins
    ['docs\n!docs/keep.txt', 'docs/keep.txt', false],
    ['docs\n!docs/keep.txt', 'docs/drop.txt', true],
    ['# comment\n\n  *.tmp  ', 'x.tmp', true],
    ['# *.tmp', 'x.tmp', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['*', '.dockerignore', true],
    ['.git', '.gitignore', false],
    ['x.go', 'xxgo', false], // `.` is literal
  ])('%j on %s → %s', (text, path, ignored) => {
    expect(matcher(text).isIgnored(path)).toBe(ignored);
  });

  it('cleans the path it is asked about', () => {
    expect(matcher('build').isIgnored('./build//x')).toBe(true);
  });

  it('says whether ignored directories must still be walked', () => {
    expect([matcher('a\n!a/b').hasExceptions, matcher('a').hasExceptions]).toEqual([true, false]);
  });

  it('rejects an unclosed character class with its line', () => {
    expect(parseDockerignore('ok\n[abc')).toEqual({ ok: false, error: '.dockerignore:2: syntax error in pattern: [abc' });
  });

  it.each([['./a//b/../c/', 'a/c'], ['', '.'], ['/x/../..', '/'], ['../a', '../a']])('cleanPath(%j) = %j', (path, clean) => {
    expect(cleanPath(path)).toBe(clean);
  });
});
