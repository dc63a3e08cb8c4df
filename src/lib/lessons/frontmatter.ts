// The frontmatter subset lessons use: a `---` fenced block of `key: value` lines at the top
// of the file. Values are plain strings, optionally in single or double quotes; `#` lines
// and blank lines are skipped. No nesting, lists or multi-line values: lessons need none,
// and a YAML library would be a dependency for four keys.
import type { FrontmatterField } from './format';

export interface Frontmatter {
  fields: Record<string, FrontmatterField>;
  /** 0-based index of the first line after the closing `---` (0 when there is no frontmatter) */
  bodyStart: number;
  errors: { line: number; message: string }[];
}

function unquote(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && value[0] === value[value.length - 1] && (value[0] === '"' || value[0] === "'")) {
    const inner = value.slice(1, -1);
    return value[0] === '"' ? inner.replace(/\\"/g, '"').replace(/\\\\/g, '\\') : inner.replace(/''/g, "'");
  }
  return value;
}

export function parseFrontmatter(lines: string[]): Frontmatter {
  const result: Frontmatter = { fields: {}, bodyStart: 0, errors: [] };
  if (lines[0]?.trim() !== '---') {
    result.errors.push({ line: 1, message: 'the file must start with a --- frontmatter block' });
    return result;
  }
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i];
    if (text.trim() === '---') {
      result.bodyStart = i + 1;
      return result;
    }
    if (!text.trim() || text.trim().startsWith('#')) continue;
    const match = /^([A-Za-z][\w-]*):(.*)$/.exec(text);
    if (!match) {
      result.errors.push({ line: i + 1, message: `frontmatter line is not "key: value": ${text.trim()}` });
      continue;
    }
    const [, key, value] = match;
    if (result.fields[key]) result.errors.push({ line: i + 1, message: `frontmatter key "${key}" is repeated` });
    result.fields[key] = { value: unquote(value), line: i + 1 };
  }
  result.errors.push({ line: 1, message: 'the frontmatter block has no closing ---' });
  result.bodyStart = lines.length;
  return result;
}
