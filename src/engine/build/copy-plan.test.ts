import { describe, expect, it } from 'vitest';
import { cleanSource, expandSource, matchComponent, planCopy, type EntryKind, type SourceTree } from './copy-plan';

/** A context from a list of paths: a trailing `/` marks a directory, `@` a symlink. */
function tree(paths: string[]): SourceTree {
  const kinds = new Map<string, EntryKind>([['', 'dir']]);
  for (const p of paths) {
    const kind: EntryKind = p.endsWith('/') ? 'dir' : p.endsWith('@') ? 'symlink' : 'file';
    const rel = p.replace(/[/@]$/, '');
    kinds.set(rel, kind);
    for (let i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) kinds.set(rel.slice(0, i), 'dir');
  }
  return {
    kind: (rel) => kinds.get(rel) ?? null,
    list: (rel) => [...kinds.keys()].filter((k) => k !== '' && k.slice(0, Math.max(0, k.lastIndexOf('/'))) === rel && k !== rel)
      .map((k) => k.slice(k.lastIndexOf('/') + 1)),
  };
}

const ctx = tree(['app.py', 'README.md', 'src/main.py', 'src/lib/util.py', 'docs/a.txt', 'docs/b.txt', 'link@', 'empty/']);
const noDirs = () => false;

describe('cleanSource', () => {
  it.each([['./a/../b/', 'b'], ['/etc/passwd', 'etc/passwd'], ['../../x', 'x'], ['.', '']])('%s → %s', (a, b) => expect(cleanSource(a)).toBe(b));
});

describe('matchComponent (Go filepath.Match)', () => {
  it.each([
    ['*.py', 'app.py', true], ['*.py', 'app.pyc', false], ['?.txt', 'a.txt', true], ['[ab].txt', 'b.txt', true],
    ['[^a].txt', 'a.txt', false], ['[^a].txt', 'b.txt', true], ['a\\*', 'a*', true], ['a\\*', 'ab', false],
  ])('%s ~ %s: %s', (p, n, want) => expect(matchComponent(p, n)).toBe(want));
});

describe('expandSource', () => {
  it('matches one component at a time, sorted', () => {
    expect(expandSource(ctx, 'docs/*.txt')).toEqual(['docs/a.txt', 'docs/b.txt']);
    expect(expandSource(ctx, '*/main.py')).toEqual(['src/main.py']);
    expect(expandSource(ctx, '*.md')).toEqual(['README.md']);
    expect(expandSource(ctx, 'nothing*')).toEqual([]);
    expect(expandSource(ctx, './app.py')).toEqual(['app.py']);
  });
});

describe('planCopy', () => {
  it('a file onto a new path is that path', () => {
    expect(planCopy(ctx, ['app.py'], '/srv/run.py', noDirs)).toEqual({ ok: true, ops: [{ kind: 'file', from: 'app.py', to: '/srv/run.py' }] });
  });

  it('a file into a directory (a trailing slash, or one that exists) keeps its name', () => {
    expect(planCopy(ctx, ['app.py'], '/srv/', noDirs)).toEqual({ ok: true, ops: [{ kind: 'file', from: 'app.py', to: '/srv/app.py' }] });
    expect(planCopy(ctx, ['app.py'], '/srv', (p) => p === '/srv')).toEqual({ ok: true, ops: [{ kind: 'file', from: 'app.py', to: '/srv/app.py' }] });
  });

  it('a directory copies its contents, not itself', () => {
    const plan = planCopy(ctx, ['src'], '/app', noDirs);
    expect(plan).toEqual({
      ok: true,
      ops: [
        { kind: 'dir', from: 'src', to: '/app' },
        { kind: 'dir', from: 'src/lib', to: '/app/lib' },
        { kind: 'file', from: 'src/lib/util.py', to: '/app/lib/util.py' },
        { kind: 'file', from: 'src/main.py', to: '/app/main.py' },
      ],
    });
  });

  it('the whole context with `.`, symlinks and empty directories included', () => {
    const plan = planCopy(ctx, ['.'], '/', noDirs);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.ops.map((o) => `${o.kind} ${o.to}`)).toEqual(expect.arrayContaining(['symlink /link', 'dir /empty', 'file /docs/a.txt', 'file /app.py']));
  });

  it('several sources need a directory ending in /', () => {
    expect(planCopy(ctx, ['docs/*.txt'], '/d', noDirs)).toMatchObject({ ok: false, error: expect.stringContaining('must be a directory and end with a /') });
    expect(planCopy(ctx, ['app.py', 'README.md'], '/d/', noDirs)).toMatchObject({ ok: true, ops: [{ to: '/d/app.py' }, { to: '/d/README.md' }] });
  });

  it('refuses a source outside the context', () => {
    expect(planCopy(ctx, ['../etc/passwd'], '/', noDirs)).toEqual({ ok: false, error: 'forbidden path outside the build context: ../etc/passwd' });
    expect(planCopy(ctx, ['src/../app.py'], '/x', noDirs)).toMatchObject({ ok: true });
  });

  it('names what is missing', () => {
    expect(planCopy(ctx, ['nope.txt'], '/', noDirs)).toEqual({ ok: false, error: '"/nope.txt": not found (not in the build context, or excluded by .dockerignore)' });
    expect(planCopy(ctx, ['*.go'], '/', noDirs)).toMatchObject({ ok: false, error: expect.stringContaining('no source files were specified') });
  });
});
