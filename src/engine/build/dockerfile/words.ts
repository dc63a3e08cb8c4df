// Splitting an instruction's arguments the ways BuildKit does, before any substitution:
// the keyword and its `--flags`, JSON arrays (exec form), plain whitespace words, and
// quote-aware words for ENV, LABEL and ARG (quotes are kept; substitution removes them).
import { fail, ok, type Checked } from './errors';
import type { EscapeChar } from './lines';

export interface Flag {
  name: string;
  /** undefined for a bare `--link` */
  value?: string;
}

export interface KeyValue {
  key: string;
  value: string;
}

/** `COPY --from=a x y` → keyword `COPY`, flags, and the rest. */
export function splitInstruction(text: string): { keyword: string; flags: Flag[]; rest: string } {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(text.trim())!;
  const { flags, rest } = extractFlags(m[2]);
  return { keyword: m[1], flags, rest };
}

/** Leading `--name[=value]` words; a lone `--` ends them. */
export function extractFlags(args: string): { flags: Flag[]; rest: string } {
  const flags: Flag[] = [];
  let rest = args.trim();
  for (;;) {
    const m = /^(\S+)\s*/.exec(rest);
    if (!m || !m[1].startsWith('--')) break;
    rest = rest.slice(m[0].length);
    if (m[1] === '--') break;
    const eq = m[1].indexOf('=');
    flags.push(eq < 0 ? { name: m[1].slice(2) } : { name: m[1].slice(2, eq), value: m[1].slice(eq + 1) });
  }
  return { flags, rest };
}

/** Words separated by whitespace, nothing else special (FROM, COPY, EXPOSE, VOLUME). */
export const splitWhitespace = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');

/**
 * The exec form: a JSON array of strings, or undefined when the text is not one, in which
 * case Docker quietly treats it as the shell form (`CMD [bad` runs `/bin/sh -c '[bad'`).
 */
export function parseJsonArray(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return undefined;
  try {
    const value: unknown = JSON.parse(t);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // not JSON: shell form
  }
  return undefined;
}

/**
 * BuildKit's parseWords: split on whitespace outside quotes, keeping the quotes and escapes in
 * the words (`A="a b"` stays one word, quotes and all) for substitution to process later.
 */
export function parseWords(rest: string, escape: EscapeChar): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = '';
  let blankOk = false; // `""` is a word even though it is empty
  const end = () => {
    if (blankOk || word !== '') words.push(word);
    word = '';
    inWord = false;
    blankOk = false;
  };
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
      else if (ch === escape && quote !== "'") {
        if (i + 1 === rest.length) continue;
        word += ch;
        i++;
        word += rest[i];
        continue;
      }
      word += ch;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inWord) end();
      continue;
    }
    inWord = true;
    if (ch === '"' || ch === "'") {
      quote = ch;
      blankOk = true;
    } else if (ch === escape) {
      if (i + 1 === rest.length) continue; // an escape at the very end is dropped
      word += ch;
      i++;
    }
    word += rest[i];
  }
  if (inWord) end();
  return words;
}

/**
 * ENV and LABEL: `key=value ...`, or the legacy `key value with spaces` when the first word
 * has no `=` (the whole rest of the line is the value).
 */
export function parseKeyValues(rest: string, keyword: string, escape: EscapeChar): Checked<KeyValue[]> {
  const words = parseWords(rest, escape);
  if (words.length === 0) return fail(`${keyword} requires at least one argument`);
  if (!words[0].includes('=')) {
    const m = /^(\S+)\s+([\s\S]+)$/.exec(rest.trim());
    if (!m) return fail(`${keyword} must have two arguments`);
    return ok([{ key: m[1], value: m[2] }]);
  }
  const pairs: KeyValue[] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq < 0) return fail(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
    if (eq === 0) return fail(`${keyword} names can not be blank`);
    pairs.push({ key: w.slice(0, eq), value: w.slice(eq + 1) });
  }
  return ok(pairs);
}
