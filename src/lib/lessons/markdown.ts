// The small markdown the lessons use → HTML that is safe to put in the page with {@html}.
// Every character of the source is escaped first; the only tags in the output are the ones
// made here (p, strong, em, code, pre, ul, ol, li, h1–h6, a). Links keep http(s) URLs only:
// anything else (javascript:, data:, relative) stays plain text.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s()<>"']+)\)/g;

/** One line (or a paragraph's lines) of inline markdown: `code`, **bold**, *em*, _em_, [links](https://…). */
export function renderInline(text: string): string {
  // Code spans first, so nothing inside them is read as emphasis or a link.
  return text
    .split(/(`[^`\n]+`)/g)
    .map((part) => (/^`[^`\n]+`$/.test(part) ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : emphasis(part)))
    .join('');
}

function emphasis(raw: string): string {
  const links: string[] = [];
  // Links are cut out before escaping (so the URL is checked as written) and put back after.
  const withoutLinks = raw.replace(LINK, (_, label: string, url: string) => {
    links.push(`<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${emphasis(label)}</a>`);
    return `\u0000${links.length - 1}\u0000`;
  });
  return escapeHtml(withoutLinks)
    .replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]+?)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => links[Number(i)]);
}

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/** Block markdown → HTML: paragraphs, headings, fenced code, bullet and numbered lists. */
export function renderMarkdown(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }

    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      i++; // the closing fence (or the end)
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length;
      out.push(`<h${level}>${renderInline(heading[2])}</h${level}>`);
      i++;
      continue;
    }

    const list = BULLET.test(line) ? { re: BULLET, tag: 'ul' } : NUMBERED.test(line) ? { re: NUMBERED, tag: 'ol' } : null;
    if (list) {
      const items: string[] = [];
      while (i < lines.length && lines[i].trim()) {
        const item = list.re.exec(lines[i]);
        if (item) items.push(item[1]);
        else if (items.length && /^\s+/.test(lines[i])) items[items.length - 1] += ` ${lines[i].trim()}`; // a wrapped item
        else break;
        i++;
      }
      out.push(`<${list.tag}>${items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${list.tag}>`);
      continue;
    }

    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() && !FENCE.test(lines[i]) && !HEADING.test(lines[i]) && !BULLET.test(lines[i]) && !NUMBERED.test(lines[i])) {
      paragraph.push(lines[i++].trim());
    }
    out.push(`<p>${renderInline(paragraph.join(' '))}</p>`);
  }
  return out.join('\n');
}
