// One logical line → one typed instruction, with Docker's argument rules and error texts
// (BuildKit's instructions/parse.go). Words stay unexpanded; only their syntax is checked.
import { fail, ok, type Checked } from './errors';
import { parseHealthcheck } from './healthcheck';
import { KEYWORDS, type Command, type Instruction } from './instructions';
import type { EscapeChar, LogicalLine } from './lines';
import { checkSyntax } from './substitute';
import { checkSignal, isRemoteSource, parseChmod, parsePortSpec } from './values';
import { parseJsonArray, parseKeyValues, parseWords, splitInstruction, splitWhitespace, type Flag } from './words';

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const HEREDOC = /(^|\s)<<-?\s*["']?[A-Za-z_]/;
const NETWORK = 'needs the network, which Dockhand\'s guest does not have';

/** Parses one instruction; the error text has no line (the caller adds it). */
export function parseInstruction(logical: LogicalLine, escape: EscapeChar): Checked<Instruction> {
  const { keyword, flags, rest } = splitInstruction(logical.text);
  const kw = keyword.toUpperCase();
  const base = { line: logical.line, original: logical.text };
  const syntax = (...words: (string | undefined)[]) => checkWords(words, escape);
  switch (kw) {
    case 'FROM': {
      const f = takeFlags(kw, flags, { platform: 'value' });
      if (!f.ok) return f;
      const words = splitWhitespace(rest);
      if (!(words.length === 1 || (words.length === 3 && words[1].toLowerCase() === 'as'))) {
        return fail('FROM requires either one or three arguments');
      }
      const name = words[2]?.toLowerCase();
      if (name !== undefined && !STAGE_NAME.test(name)) {
        return fail(`invalid name for build stage: "${words[2]}", name can't start with a number or contain symbols`);
      }
      return syntax(words[0], f.value.platform) ?? ok({ ...base, kind: kw, image: words[0], name, platform: f.value.platform });
    }
    case 'RUN': {
      for (const flag of flags) {
        if (['mount', 'network', 'security'].includes(flag.name)) {
          return fail(`RUN --${flag.name} is not supported by Dockhand (it needs BuildKit)`);
        }
      }
      const f = takeFlags(kw, flags, {});
      if (!f.ok) return f;
      const command = parseCommand(kw, rest);
      if (!command.ok) return command;
      return ok({ ...base, kind: kw, command: command.value });
    }
    case 'CMD':
    case 'ENTRYPOINT': {
      const f = takeFlags(kw, flags, {});
      if (!f.ok) return f;
      const command = parseCommand(kw, rest);
      if (!command.ok) return command;
      return ok({ ...base, kind: kw, command: command.value });
    }
    case 'COPY':
    case 'ADD': {
      const known: Record<string, 'value' | 'bool'> = { chown: 'value', chmod: 'value', link: 'bool' };
      if (kw === 'COPY') known.from = 'value';
      const f = takeFlags(kw, flags, known);
      if (!f.ok) return f;
      const { from, chown, chmod, link } = f.value;
      if (HEREDOC.test(rest)) return fail(`${kw} with a here-document (<<EOF) is not supported by Dockhand`);
      const args = parseJsonArray(rest) ?? splitWhitespace(rest);
      if (args.length < 2) {
        return fail(args.length === 0 ? `${kw} requires at least two arguments`
          : `${kw} requires at least two arguments, but only one was provided. Destination could not be determined.`);
      }
      const sources = args.slice(0, -1);
      const remote = sources.find(isRemoteSource);
      if (remote !== undefined) {
        return fail(kw === 'ADD' ? `ADD from a URL ${NETWORK}: ${remote}` : `source can't be a URL for COPY: ${remote}`);
      }
      if (chmod !== undefined && !chmod.includes('$')) {
        const mode = parseChmod(chmod);
        if (!mode.ok) return mode;
      }
      if (from === '') return fail('COPY --from requires a stage name, a stage index or an image');
      return syntax(...args, from, chown, chmod)
        ?? ok({ ...base, kind: kw, sources, dest: args[args.length - 1], from, chown, chmod, link: link !== undefined });
    }
    case 'ENV':
    case 'LABEL': {
      const f = takeFlags(kw, flags, {});
      if (!f.ok) return f;
      const pairs = parseKeyValues(rest, kw, escape);
      if (!pairs.ok) return pairs;
      return syntax(...pairs.value.flatMap((p) => [p.key, p.value])) ?? ok({ ...base, kind: kw, pairs: pairs.value });
    }
    case 'ARG': {
      const f = takeFlags(kw, flags, {});
      if (!f.ok) return f;
      const words = parseWords(rest, escape);
      if (words.length === 0) return fail('ARG requires at least one argument');
      const args = words.map((w) => {
        const eq = w.indexOf('=');
        return eq < 0 ? { name: w } : { name: w.slice(0, eq), default: w.slice(eq + 1) };
      });
      if (args.some((a) => a.name === '')) return fail('ARG names can not be blank');
      return syntax(...args.map((a) => a.default)) ?? ok({ ...base, kind: kw, args });
    }
    case 'WORKDIR':
    case 'USER':
    case 'MAINTAINER': {
      const f = takeFlags(kw, flags, {});
      if (!f.ok) return f;
      if (rest === '') return fail(`${kw} requires exactly one argument`);
      if (kw === 'MAINTAINER') return ok({ ...base, kind: kw, name: rest });
      return syntax(rest) ?? ok(kw === 'WORKDIR' ? { ...base, kind: kw, path: rest } : { ...base, kind: kw, user: rest });
    }
    case 'STOPSIGNAL': {
      const f = takeFlags(kw, flags, {});
      if (!f.ok) return f;
      const words = splitWhitespace(rest);
      if (words.length !== 1) return fail('STOPSIGNAL requires exactly one argument');
      if (!words[0].includes('$')) {
        const checked = checkSignal(words[0]);
        if (!checked.ok) return checked;
      }
      return syntax(words[0]) ?? ok({ ...base, kind: kw, signal: words[0] });
    }
    case 'EXPOSE': {
      const f = takeFlags(kw, flags, {});
      if (!f.ok) return f;
      const ports = splitWhitespace(rest);
      if (ports.length === 0) return fail('EXPOSE requires at least one argument');
      for (const p of ports) {
        const checked = p.includes('$') ? checkSyntax(p, escape) : parsePortSpec(p);
        if (!checked.ok) return checked;
      }
      return ok({ ...base, kind: kw, ports });
    }
    case 'VOLUME': {
      const f = takeFlags(kw, flags, {});
      if (!f.ok) return f;
      const paths = parseJsonArray(rest) ?? splitWhitespace(rest);
      if (paths.length === 0) return fail('VOLUME requires at least one argument');
      if (paths.some((p) => p.trim() === '')) return fail('VOLUME specified can not be an empty string');
      return syntax(...paths) ?? ok({ ...base, kind: kw, paths });
    }
    case 'SHELL': {
      const f = takeFlags(kw, flags, {});
      if (!f.ok) return f;
      const argv = parseJsonArray(rest);
      if (argv === undefined) return fail('SHELL requires the arguments to be in JSON form');
      if (argv.length === 0) return fail('SHELL requires at least one argument');
      return ok({ ...base, kind: kw, argv });
    }
    case 'HEALTHCHECK': {
      const hc = parseHealthcheck(flags, rest);
      if (!hc.ok) return hc;
      return ok({ ...base, kind: kw, healthcheck: hc.value });
    }
    case 'ONBUILD':
      return fail('ONBUILD is not supported by Dockhand (it stores instructions to run in a later build)');
    default:
      return fail(`unknown instruction: ${kw}${suggest(kw)}`);
  }
}

/** The shell or exec form; an array that is not valid JSON is the shell form, as in Docker. */
function parseCommand(kw: string, rest: string): Checked<Command> {
  if (rest === '') return fail(`${kw} requires at least one argument`);
  if (kw === 'RUN' && HEREDOC.test(rest)) return fail('RUN with a here-document (<<EOF) is not supported by Dockhand');
  const argv = parseJsonArray(rest);
  if (argv === undefined) return ok({ form: 'shell', text: rest });
  if (argv.length === 0 && kw === 'RUN') return fail('RUN requires at least one argument');
  return ok({ form: 'exec', argv });
}

/** Checks the flags against the ones the instruction takes: `value` flags need `=…`. */
function takeFlags(
  kw: string, flags: Flag[], known: Record<string, 'value' | 'bool'>,
): Checked<Record<string, string | undefined>> {
  const values: Record<string, string | undefined> = {};
  for (const flag of flags) {
    const type = known[flag.name];
    if (type === undefined) {
      const unsupported = ['checksum', 'keep-git-dir', 'exclude', 'parents'].includes(flag.name);
      return fail(unsupported ? `${kw} --${flag.name} is not supported by Dockhand` : `unknown flag: --${flag.name}`);
    }
    if (type === 'value' && flag.value === undefined) return fail(`missing a value on flag: --${flag.name}`);
    if (flag.name in values) return fail(`duplicate flag specified: --${flag.name}`);
    values[flag.name] = type === 'bool' ? (flag.value ?? 'true') : flag.value;
  }
  return ok(values);
}

/** Substitution syntax errors (`${` without `}`, an unclosed quote) show up at parse time. */
function checkWords(words: (string | undefined)[], escape: EscapeChar): Checked<never> | undefined {
  for (const w of words) {
    if (w === undefined) continue;
    const checked = checkSyntax(w, escape);
    if (!checked.ok) return fail(`${checked.error} in ${w}`);
  }
  return undefined;
}

/** ` (did you mean COPY?)` for a keyword one or two edits away from a real one. */
function suggest(word: string): string {
  let best = '';
  let bestDistance = 3;
  for (const k of KEYWORDS) {
    const d = distance(word, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best === '' ? '' : ` (did you mean ${best}?)`;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
