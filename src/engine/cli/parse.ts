// The `docker …` command line → which command, its flags and arguments, or what docker would
// print instead (help, version, an error with its exit code). Follows docker/cli's order:
// global flags up to the first word, then the command (or management command + subcommand),
// then that command's flags; help wins over a missing argument, a bad flag over help.
import { DOCKER } from './commands';
import { argCountError, flagError, unknownCommand } from './errors';
import { parseFlags, type FlagValues } from './flags';
import { commandHelp, groupHelp, groupUsage, rootHelp, rootUsage } from './help';
import { allPaths, displayPath, useLine, type CommandSpec, type FlagSpec, type GroupSpec, type RootSpec } from './spec';

export type Parsed =
  | {
      kind: 'command';
      command: CommandSpec;
      /** the path as Docker names it in messages: `['ps']`, or `['container', 'ls']` for `container list` */
      path: readonly string[];
      flags: FlagValues;
      /** flags given explicitly (Docker sometimes acts only on those, e.g. `--entrypoint=""`) */
      changed: readonly string[];
      args: readonly string[];
      /** the global flags (`-D`) */
      global: FlagValues;
      warnings: readonly string[];
    }
  | { kind: 'help'; text: string; stream: 'stdout' | 'stderr'; warnings: readonly string[] }
  | { kind: 'version'; warnings: readonly string[] }
  | { kind: 'error'; message: string; exitCode: number; warnings: readonly string[] };

export interface ParseOptions {
  root?: RootSpec;
  /** terminal columns, for wrapping --help (Docker reads the terminal; 80 without one) */
  width?: number;
}

/** Parses the words after `docker`. */
export function parseCommandLine(argv: readonly string[], options: ParseOptions = {}): Parsed {
  const root = options.root ?? DOCKER;
  const width = options.width;
  const global = parseFlags(argv, root.flags, true);
  if ('error' in global) return { kind: 'error', ...flagError(global.error, 'docker', rootUsage(root, width)), warnings: [] };
  const warnings = global.warnings;
  if (global.help) return { kind: 'help', text: rootHelp(root, width), stream: 'stdout', warnings };
  if (global.values.version === true) return { kind: 'version', warnings };
  const [name, ...rest] = global.positionals;
  // `docker` alone prints the help on stderr and succeeds
  if (name === undefined) return { kind: 'help', text: rootHelp(root, width), stream: 'stderr', warnings };
  if (name === 'help') return helpTopic(root, rest, warnings, width);

  const group = root.groups.find((g) => g.name === name);
  if (group) return parseGroup(root, group, rest, global.values, warnings, width);
  const command = findCommand(root, [name]);
  if (!command) return { kind: 'error', ...unknownCommand(name), warnings };
  return parseCommand(command, [name], rest, global.values, warnings, width);
}

function findCommand(root: RootSpec, path: readonly string[]): CommandSpec | undefined {
  return root.commands.find((c) => allPaths(c).some((p) => p.length === path.length && p.every((w, i) => w === path[i])));
}

function parseGroup(
  root: RootSpec, group: GroupSpec, args: readonly string[], global: FlagValues, warnings: string[], width?: number,
): Parsed {
  let inherited: Inherited | undefined;
  let words = args;
  if (group.flags) {
    // the group's own flags come first (`docker compose -f x.yaml up`): parse them up to the subcommand
    const own = parseFlags(args, group.flags, true);
    if ('error' in own) return { kind: 'error', ...flagError(own.error, `docker ${group.name}`, groupUsage(root, group, width)), warnings };
    if (own.help) return { kind: 'help', text: groupHelp(root, group, width), stream: 'stdout', warnings: [...warnings, ...own.warnings] };
    inherited = { flags: group.flags, values: own.values, changed: own.changed };
    words = own.positionals;
  }
  // like cobra's Find: the first word that is not a flag names the subcommand
  const at = words.findIndex((a) => !a.startsWith('-'));
  const command = at < 0 ? undefined : findCommand(root, [group.name, words[at]]);
  if (command) {
    const rest = [...words.slice(0, at), ...words.slice(at + 1)];
    return parseCommand(command, [group.name, words[at]], rest, global, warnings, width, inherited);
  }
  const parsed = parseFlags(words, []);
  if ('error' in parsed) {
    return { kind: 'error', ...flagError(parsed.error, `docker ${group.name}`, groupUsage(root, group, width)), warnings };
  }
  const all = [...warnings, ...parsed.warnings];
  if (parsed.help) return { kind: 'help', text: groupHelp(root, group, width), stream: 'stdout', warnings: all };
  if (parsed.positionals.length === 0) return { kind: 'help', text: groupHelp(root, group, width), stream: 'stderr', warnings: all };
  // a management command takes no arguments: an unknown subcommand prints its usage, exit 1
  return { kind: 'error', message: '\n' + groupUsage(root, group, width).trimEnd(), exitCode: 1, warnings: all };
}

/** A group's flags as given before the subcommand, which the subcommand may also take after its name. */
interface Inherited { flags: readonly FlagSpec[]; values: FlagValues; changed: readonly string[] }

/** The group's flags a subcommand accepts: not those whose name it uses itself; no letter it uses (`logs -f`). */
function inheritable(command: CommandSpec, flags: readonly FlagSpec[]): FlagSpec[] {
  return flags.filter((f) => !command.flags.some((c) => c.name === f.name))
    .map((f) => (f.short && command.flags.some((c) => c.short === f.short) ? { ...f, short: undefined } : f));
}

function parseCommand(
  command: CommandSpec, invoked: readonly string[], args: readonly string[],
  global: FlagValues, warnings: string[], width?: number, inherited?: Inherited,
): Parsed {
  const path = displayPath(command, invoked);
  const commandPath = ['docker', ...path].join(' ');
  const extra = inherited ? inheritable(command, inherited.flags) : [];
  const parsed = parseFlags(args, [...command.flags, ...extra], command.stopAtFirstPositional);
  if ('error' in parsed) return { kind: 'error', ...flagError(parsed.error, commandPath), warnings };
  const all = [...warnings, ...parsed.warnings];
  if (parsed.help) return { kind: 'help', text: commandHelp(command, path, width), stream: 'stdout', warnings: all };
  const { min, max } = command.args;
  const count = parsed.positionals.length;
  if (count < min || (max !== undefined && count > max)) {
    const error = argCountError(commandPath, useLine(command, path), command.description, min, max);
    return { kind: 'error', ...error, warnings: all };
  }
  let { values: flags, changed } = parsed;
  if (inherited) {
    // given before the subcommand and not again after it: the earlier value (lists: both)
    flags = { ...flags };
    for (const f of extra) {
      if (!inherited.changed.includes(f.name)) continue;
      const before = inherited.values[f.name];
      const after = flags[f.name];
      if (!changed.includes(f.name)) flags[f.name] = before;
      else if (Array.isArray(before) && Array.isArray(after)) flags[f.name] = [...before, ...after];
    }
    changed = [...new Set([...inherited.changed.filter((n) => extra.some((f) => f.name === n)), ...changed])];
  }
  return {
    kind: 'command', command, path, flags, changed,
    args: parsed.positionals, global, warnings: all,
  };
}

/** `docker help [COMMAND]` */
function helpTopic(root: RootSpec, topic: readonly string[], warnings: string[], width?: number): Parsed {
  if (topic.length === 0) return { kind: 'help', text: rootHelp(root, width), stream: 'stdout', warnings };
  const group = root.groups.find((g) => g.name === topic[0]);
  if (group && topic.length === 1) return { kind: 'help', text: groupHelp(root, group, width), stream: 'stdout', warnings };
  const command = findCommand(root, topic);
  if (!command) return { kind: 'error', message: `unknown help topic: ${topic.join(' ')}`, exitCode: 1, warnings };
  return { kind: 'help', text: commandHelp(command, displayPath(command, topic), width), stream: 'stdout', warnings };
}

/** Typed reads of parsed flags (the declarations fix each flag's type). */
export const flagBool = (flags: FlagValues, name: string): boolean => flags[name] === true;
export const flagString = (flags: FlagValues, name: string): string => String(flags[name] ?? '');
export const flagNumber = (flags: FlagValues, name: string): number => Number(flags[name] ?? 0);
export const flagList = (flags: FlagValues, name: string): readonly string[] =>
  Array.isArray(flags[name]) ? (flags[name] as readonly string[]) : [];
