// The lessons' markdown renderer: what it supports, and that nothing in a lesson can put
// markup or script of its own into the page.
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderInline, renderMarkdown } from './markdown';

describe('renderInline', () => {
  it('renders code, bold, emphasis and http(s) links', () => {
    expect(renderInline('run `docker ps` **now**, *please*')).toBe('run <code>docker ps</code> <strong>now</strong>, <em>please</em>');
    expect(renderInline('see [the docs](https://example.org/a?b=1&c=2)')).toBe(
      'see <a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the docs</a>');
    expect(renderInline('_underscored_ words')).toBe('<em>underscored</em> words');
  });

  it('leaves markdown inside code spans alone and escapes it', () => {
    expect(renderInline('`**not bold** <b>`')).toBe('<code>**not bold** &lt;b&gt;</code>');
  });

  it('does not read snake_case or a lone star as emphasis', () => {
    expect(renderInline('init_on_free and 2 * 3')).toBe('init_on_free and 2 * 3');
  });

  it('keeps links that are not http(s) as plain text', () => {
    expect(renderInline('[x](javascript:alert(1))')).toBe('[x](javascript:alert(1))');
    expect(renderInline('[x](data:text/html,hi)')).toBe('[x](data:text/html,hi)');
    expect(renderInline('[x](/relative)')).toBe('[x](/relative)');
  });

  it('escapes every HTML character', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
    expect(renderInline('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(renderInline('[<b>x</b>](https://a.example/"onmouseover="x)')).not.toContain('"onmouseover');
  });
});

describe('renderMarkdown', () => {
  it('joins a paragraph\'s lines and separates paragraphs at blank lines', () => {
    expect(renderMarkdown('one\ntwo\n\nthree')).toBe('<p>one two</p>\n<p>three</p>');
  });

  it('renders headings, bullet and numbered lists', () => {
    expect(renderMarkdown('### Why\n- a\n- **b**\n\n1. first\n2. second')).toBe(
      '<h3>Why</h3>\n<ul><li>a</li><li><strong>b</strong></li></ul>\n<ol><li>first</li><li>second</li></ol>');
  });

  it('renders fenced code verbatim, escaped, with its language', () => {
    expect(renderMarkdown('```sh\necho "<hi>" **x**\n```\nafter')).toBe(
      '<pre><code class="language-sh">echo &quot;&lt;hi&gt;&quot; **x**</code></pre>\n<p>after</p>');
  });

  it('keeps an unclosed fence as code to the end', () => {
    expect(renderMarkdown('```\na\nb')).toBe('<pre><code>a\nb</code></pre>');
  });

  it('produces no tag the source wrote', () => {
    const html = renderMarkdown('<div onclick="x">hi</div>\n\n- <iframe>\n\n# <svg onload=1>');
    expect(html).not.toMatch(/<(div|iframe|svg)/);
  });

  it('reads Korean text like any other', () => {
    expect(renderMarkdown('**네임스페이스**는 `커널`의 기능')).toBe('<p><strong>네임스페이스</strong>는 <code>커널</code>의 기능</p>');
  });
});
