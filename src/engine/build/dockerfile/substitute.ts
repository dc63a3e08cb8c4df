// Variable substitution as Docker does it in ADD COPY ENV EXPOSE FROM LABEL STOPSIGNAL USER
// VOLUME WORKDIR (and ARG defaults), following BuildKit's shell lexer: `$VAR`, `${VAR}`,
// `${VAR:-w}` `${VAR-w}` `${VAR:+w}` `${VAR+w}` `${VAR:?msg}` `${VAR?msg}`, quotes removed
// ('…' literal, "…" substituted), the escape character makes the next character literal.
// RUN, CMD and ENTRYPOINT are left alone: the shell in the container expands them.
import { fail, ok, type Checked } from './errors';
import type { EscapeChar } from './lines';

/** A variable's value, or undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

export interface SubstituteOptions {
  escape?: EscapeChar;
  /** false when only checking the syntax: `${X:?msg}` then does not fail on unset X */
  enforceRequired?: boolean;
}

/** Expands one word; the error names the problem (`missing '}'`, an unclosed quote…). */
export function substitute(word: string, lookup: Lookup, options: SubstituteOptions = {}): Checked<string> {
  const escape = options.escape ?? '\\';
  const enforce = options.enforceRequired ?? true;
  let i = 0;

  // Reads until `stop` (outside quotes) or the end; returns the expanded text.
  function until(stop: string): string {
    let out = '';
    while (i < word.length) {
      const ch = word[i];
      if (stop !== '' && ch === stop) return out;
      i++;
      if (ch === "'") out += singleQuoted();
      else if (ch === '"') out += doubleQuoted();
      else if (ch === '$') out += dollar();
      else if (ch === escape) {
        if (i < word.length) out += word[i++];
      } else out += ch;
    }
    if (stop !== '') throw new SubstitutionError(`unexpected end of statement while looking for matching ${stop}`);
    return out;
  }

  function singleQuoted(): string {
    const end = word.indexOf("'", i);
    if (end < 0) throw new SubstitutionError('unexpected end of statement while looking for matching single-quote');
    const text = word.slice(i, end);
    i = end + 1;
    return text;
  }

  function doubleQuoted(): string {
    let out = '';
    for (;;) {
      if (i >= word.length) {
        throw new SubstitutionError('unexpected end of statement while looking for matching double-quote');
      }
      const ch = word[i++];
      if (ch === '"') return out;
      if (ch === '$') out += dollar();
      else if (ch === escape && (word[i] === '"' || word[i] === '$' || word[i] === escape)) out += word[i++];
      else out += ch; // other escapes stay as written inside double quotes, as in sh
    }
  }

  function name(): string {
    const m = (/^[0-9]+/.exec(word.slice(i)) ?? /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.slice(i)))?.[0] ?? '';
    i += m.length;
    return m;
  }

  function dollar(): string {
    if (word[i] !== '{') {
      const n = name();
      return n === '' ? '$' : (lookup(n) ?? '');
    }
    i++;
    const n = name();
    if (n === '') throw new SubstitutionError(i >= word.length ? "missing '}'" : 'bad substitution');
    if (i >= word.length) throw new SubstitutionError("missing '}'");
    const value = lookup(n);
    let op = word[i++];
    if (op === '}') return value ?? '';
    const colon = op === ':';
    if (colon) op = word[i++] ?? '';
    if (op !== '-' && op !== '+' && op !== '?') {
      throw new SubstitutionError(`unsupported modifier (${colon ? ':' : ''}${op}) in substitution`);
    }
    const arg = until('}');
    i++; // the `}`
    const unset = value === undefined || (colon && value === '');
    if (op === '-') return unset ? arg : value!;
    if (op === '+') return unset ? '' : arg;
    if (unset && enforce) throw new SubstitutionError(`${n}: ${arg || (colon ? 'is not allowed to be empty' : 'is not allowed to be unset')}`);
    return value ?? '';
  }

  try {
    return ok(until(''));
  } catch (e) {
    if (e instanceof SubstitutionError) return fail(e.message);
    throw e;
  }
}

// Internal only: lets the recursive reader stop at the first problem; never leaves this file.
class SubstitutionError extends Error {}

/** Expands each word, stopping at the first error. */
export function substituteAll(words: string[], lookup: Lookup, options: SubstituteOptions = {}): Checked<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const r = substitute(w, lookup, options);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

/** Checks the syntax only (at parse time, before any value is known). */
export const checkSyntax = (word: string, escape: EscapeChar): Checked<string> =>
  substitute(word, () => undefined, { escape, enforceRequired: false });

/** A lookup over `KEY=value` lists, the last one winning like a process environment. */
export function envLookup(...lists: string[][]): Lookup {
  const map = new Map<string, string>();
  for (const list of lists) {
    for (const kv of list) {
      const eq = kv.indexOf('=');
      if (eq > 0) map.set(kv.slice(0, eq), kv.slice(eq + 1));
    }
  }
  return (n) => map.get(n);
}
