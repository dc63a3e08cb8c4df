// Variable interpolation as compose does it, on every value (never on keys) before the model is
// read: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`,
// `${VAR:+replacement}`, `${VAR+replacement}`, `$$` for a literal `$`. Defaults may nest.
// The variables come from the caller: the `.env` file (parseEnvFile) under the process's own.

import { YamlError } from './yaml-scalar';
import type { YamlNode } from './yaml-scalar';

export type Env = Readonly<Record<string, string>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;

/** The problem with a value, thrown from substitute and turned into a line-numbered error. */
class Problem {
  constructor(readonly text: string) {}
}

/**
 * `text` with its variables replaced; unset variables without a default become '' and add a
 * warning like compose's. Throws a YamlError naming `line` and, for bad syntax, the `path`.
 */
export function interpolate(text: string, env: Env, at: { file: string; line: number; path: string }, warnings: string[]): string {
  if (!text.includes('$')) return text;
  try {
    return substitute(text, env, warnings);
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    const problem = e.text !== ''
      ? e.text
      : `invalid interpolation format for ${at.path}: ${JSON.stringify(text)}. You may need to escape any $ with another $.`;
    throw new YamlError(at.file, at.line, problem);
  }
}

function substitute(text: string, env: Env, warnings: string[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const close = matchingBrace(text, i + 2);
      out += braced(text.slice(i + 2, close), env, warnings);
      i = close + 1;
    } else {
      const name = NAME.exec(text.slice(i + 1));
      if (!name) throw new Problem('');
      out += lookup(name[0], env, warnings);
      i += 1 + name[0].length;
    }
  }
  return out;
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '$') i++;
    else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Problem('');
}

function lookup(name: string, env: Env, warnings: string[]): string {
  const value = Object.hasOwn(env, name) ? env[name] : undefined;
  if (value !== undefined) return value;
  const warning = `The "${name}" variable is not set. Defaulting to a blank string.`;
  if (!warnings.includes(warning)) warnings.push(warning);
  return '';
}

function braced(inner: string, env: Env, warnings: string[]): string {
  const m = BRACED.exec(inner);
  if (!m) throw new Problem('');
  const [, name, op, arg = ''] = m;
  const value = Object.hasOwn(env, name) ? env[name] : undefined;
  const empty = value === undefined || value === '';
  switch (op) {
    case undefined: return lookup(name, env, warnings);
    case ':-': return empty ? substitute(arg, env, warnings) : value;
    case '-': return value === undefined ? substitute(arg, env, warnings) : value;
    case ':+': return empty ? '' : substitute(arg, env, warnings);
    case '+': return value === undefined ? '' : substitute(arg, env, warnings);
    default: {
      if (op === ':?' ? !empty : value !== undefined) return value!;
      const message = substitute(arg, env, warnings);
      throw new Problem(`required variable ${name} is missing a value${message ? ': ' + message : ''}`);
    }
  }
}

/** A copy of the tree with every scalar value interpolated (keys are left as written). */
export function interpolateTree(node: YamlNode, env: Env, file: string, warnings: string[], path = ''): YamlNode {
  switch (node.kind) {
    case 'scalar': {
      if (typeof node.value !== 'string') return node;
      const text = interpolate(node.text, env, { file, line: node.line, path }, warnings);
      return text === node.text ? node : { ...node, text, value: text };
    }
    case 'seq':
      return { ...node, items: node.items.map((item) => interpolateTree(item, env, file, warnings, `${path}.[]`)) };
    case 'map':
      return {
        ...node,
        pairs: node.pairs.map(({ key, value }) => ({
          key, value: interpolateTree(value, env, file, warnings, path ? `${path}.${key.text}` : key.text),
        })),
      };
  }
}

/**
 * A `.env` file: `KEY=value` lines, `export KEY=value`, `# comments`, values in single quotes
 * (as written) or double quotes (`\n`, `\t`, `\"`, `\\` escapes), unquoted values trimmed and cut
 * at ` #`. A bare `KEY` takes the value from `processEnv`, if set there.
 */
export function parseEnvFile(text: string, processEnv: Env = {}, file = '.env'): Record<string, string> {
  const vars: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    const bad = /[^A-Za-z0-9_.-]/.exec(key);
    if (key === '' || bad) {
      throw new YamlError(file, index + 1, `unexpected character ${JSON.stringify(bad?.[0] ?? '=')} in variable name ${JSON.stringify(key)}`);
    }
    if (eq < 0) {
      if (Object.hasOwn(processEnv, key)) vars[key] = processEnv[key];
      return;
    }
    const value = line.slice(eq + 1).trim();
    const quote = value[0];
    if ((quote === "'" || quote === '"') && value.length > 1 && value.lastIndexOf(quote) > 0) {
      const body = value.slice(1, value.lastIndexOf(quote));
      vars[key] = quote === "'" ? body : body.replace(/\\([nrt"\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
    } else {
      vars[key] = value.replace(/\s+#.*$/, '');
    }
  });
  return vars;
}

/** The variables compose interpolates with: the process environment wins over `.env`. */
export function interpolationEnv(dotEnv: Env, processEnv: Env): Record<string, string> {
  return { ...dotEnv, ...processEnv };
}
