// Parsing one command's flags the way pflag does for Docker: `--name=x`, `--name x`, combined
// short bools (`-it`), a short flag's value glued on (`-p8080:80`, `-e=A=B`), repeatable lists,
// `--` to end flags, and (for run/create/exec) stopping at the first positional argument.
import { flagLabel, invalidValue } from './errors';
import { findLong, findShort, type FlagSpec, type FlagValue } from './spec';
import { parseBool, parseBytes, parseDuration, parseFloat64, parseInt64, type Converted } from './values';

export type FlagValues = Record<string, FlagValue>;

export interface ParsedFlags {
  /** every declared flag, by long name: what was given, else its default */
  values: FlagValues;
  /** long names of the flags given on the command line, in order (pflag's Changed) */
  changed: string[];
  positionals: string[];
  help: boolean;
  /** printed on stderr before anything else (a deprecated `-h`) */
  warnings: string[];
}

const HELP: FlagSpec = { name: 'help', type: 'bool', description: 'Print usage' };
/** Docker 20–27's words when -h is used for help (pflag's shorthand deprecation) */
const HELP_SHORT_WARNING = 'Flag shorthand -h has been deprecated, please use --help';

export function defaults(flags: readonly FlagSpec[]): FlagValues {
  const values: FlagValues = {};
  for (const flag of flags) {
    if (flag.type === 'string-list') values[flag.name] = [];
    else if (flag.type === 'bool') values[flag.name] = flag.default ?? false;
    else if (flag.type === 'string') values[flag.name] = flag.default ?? '';
    else values[flag.name] = flag.default ?? 0;
  }
  return values;
}

function convert(flag: FlagSpec, raw: string): Converted<FlagValue> {
  if (flag.parse) return flag.parse(raw);
  switch (flag.type) {
    case 'bool': return parseBool(raw);
    case 'int': return parseInt64(raw);
    case 'float': return parseFloat64(raw);
    case 'bytes': return parseBytes(raw);
    case 'duration': return parseDuration(raw);
    default: return { ok: true, value: raw };
  }
}

/**
 * Parses `args` against `flags` (plus --help, and -h when the command does not use it).
 * Returns the error detail pflag would give (`unknown flag: --foo`) as a string.
 */
export function parseFlags(
  args: readonly string[], flags: readonly FlagSpec[], stopAtFirstPositional = false,
): ParsedFlags | { error: string } {
  const values = defaults(flags);
  const result: ParsedFlags = { values, changed: [], positionals: [], help: false, warnings: [] };
  const helpHasShort = !findShort(flags, 'h');

  const set = (flag: FlagSpec, raw: string, label: string): string | null => {
    const converted = convert(flag, raw);
    if (!converted.ok) return invalidValue(raw, label, converted.error);
    if (flag === HELP) result.help = converted.value === true;
    else if (flag.type === 'string-list') values[flag.name] = [...(values[flag.name] as string[]), String(converted.value)];
    else values[flag.name] = converted.value;
    if (flag !== HELP && !result.changed.includes(flag.name)) result.changed.push(flag.name);
    return null;
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      result.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (stopAtFirstPositional) {
        result.positionals.push(...args.slice(i));
        break;
      }
      result.positionals.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      if (body === '' || body[0] === '-' || body[0] === '=') return { error: `bad flag syntax: ${arg}` };
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const flag = name === 'help' && !findLong(flags, 'help') ? HELP : findLong(flags, name);
      if (!flag) return { error: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = body.slice(eq + 1);
      else if (flag.type === 'bool') raw = 'true';
      else if (i + 1 < args.length) raw = args[++i];
      else return { error: `flag needs an argument: --${name}` };
      const error = set(flag, raw, flagLabel(name, flag.name === name ? flag.short : undefined));
      if (error) return { error };
      continue;
    }
    // one or more shorthands: -d, -it, -p8080:80, -e=A=B, -e VALUE
    const shorthands = arg.slice(1);
    for (let j = 0; j < shorthands.length; j++) {
      const letter = shorthands[j];
      const isHelp = letter === 'h' && helpHasShort;
      const flag = isHelp ? HELP : findShort(flags, letter);
      if (!flag) return { error: `unknown shorthand flag: '${letter}' in -${shorthands}` };
      if (isHelp && !result.warnings.includes(HELP_SHORT_WARNING)) result.warnings.push(HELP_SHORT_WARNING);
      const label = flagLabel(flag.name, flag.short);
      const rest = shorthands.slice(j + 1);
      let raw: string;
      if (rest.startsWith('=')) raw = rest.slice(1);
      else if (flag.type === 'bool') raw = 'true';
      else if (rest !== '') raw = rest;
      else if (i + 1 < args.length) raw = args[++i];
      else return { error: `flag needs an argument: '${letter}' in -${shorthands}` };
      const error = set(flag, raw, label);
      if (error) return { error };
      if (rest.startsWith('=') || (flag.type !== 'bool')) break;
    }
  }
  return result;
}
