// The frontmatter subset: key: value lines between --- fences, quotes, and what is refused.
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter';

describe('parseFrontmatter', () => {
  it('reads keys with their lines and where the body starts', () => {
    const fm = parseFrontmatter(['---', 'title: Hello: world', '# a comment', '', "summary: 'it''s \"quoted\"'", '---', 'body']);
    expect(fm.errors).toEqual([]);
    expect(fm.fields).toEqual({ title: { value: 'Hello: world', line: 2 }, summary: { value: 'it\'s "quoted"', line: 5 } });
    expect(fm.bodyStart).toBe(6);
  });

  it('keeps a quote that only opens the value', () => {
    expect(parseFrontmatter(['---', 'summary: "Hi" — there', '---']).fields.summary.value).toBe('"Hi" — there');
  });

  it('reports a missing block, an unclosed block, bad lines and repeated keys', () => {
    expect(parseFrontmatter(['title: x']).errors[0]).toMatchObject({ line: 1 });
    expect(parseFrontmatter(['---', 'title: x']).errors.map((e) => e.message)).toEqual(['the frontmatter block has no closing ---']);
    const fm = parseFrontmatter(['---', 'just words', 'title: a', 'title: b', '---']);
    expect(fm.errors.map((e) => e.line)).toEqual([2, 4]);
  });
});
