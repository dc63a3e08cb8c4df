// The declarative model of the docker CLI: commands, their flags and arguments. Pure data;
// parse.ts reads it to parse a command line and help.ts to print `--help` in Docker's layout.

/**
 * How a flag's value is read (the Go type Docker's flag has):
 * - `bool`: no value, or `--flag=false`;
 * - `string-list`: repeatable, each use appends (Docker's `list`);
 * - `bytes`: `64m`, `1g`, `512k`, plain bytes; binary units like Docker's RAMInBytes;
 * - `duration`: a Go duration (`10s`, `1m30s`), kept as seconds.
 */
export type FlagType = 'bool' | 'string' | 'string-list' | 'int' | 'float' | 'bytes' | 'duration';

/** What a flag holds after parsing: bool → boolean, string-list → string[], numbers → number. */
export type FlagValue = boolean | string | number | readonly string[];

export interface FlagSpec {
  /** long name without dashes: `memory` */
  name: string;
  /** one letter: `m` */
  short?: string;
  type: FlagType;
  description: string;
  /** shown in --help when not the zero value, as pflag does */
  default?: boolean | string | number;
  /** the word after the flag in --help when it is not the type's own (`filter`, `mount`, `decimal`) */
  valueName?: string;
  /** other long names for the same value, hidden from --help (`--net` for `--network`) */
  aliases?: readonly string[];
  hidden?: boolean;
  /** converts the text in place of the type's own parser (each item of a list), with Docker's messages */
  parse?: (raw: string) => { ok: true; value: string | number } | { ok: false; error: string };
}

export interface CommandSpec {
  /** the canonical path below `docker`: `['container', 'ls']` */
  path: readonly string[];
  /** other paths that run it, in the order Docker lists them: `[['container','list'], ['ps']]` */
  aliases?: readonly (readonly string[])[];
  /** what follows the command path in the usage line: `[OPTIONS] CONTAINER [CONTAINER...]` */
  usage: string;
  /** the one-line description */
  description: string;
  flags: readonly FlagSpec[];
  /** how many positional arguments it takes; no max means any number */
  args: { min: number; max?: number };
  /** run/create/exec: everything from the first positional (IMAGE, CONTAINER) on is arguments */
  stopAtFirstPositional?: boolean;
  /** place in the root help's "Common Commands" (Docker's category-top annotation) */
  commonOrder?: number;
}

/** A management command (`docker container`, `docker image`, `docker system`). */
export interface GroupSpec {
  name: string;
  description: string;
  /**
   * The group's own flags (`docker compose -f FILE -p NAME up`): given before the subcommand,
   * or after it where the subcommand has no flag of that name or letter (cobra's persistent flags).
   */
  flags?: readonly FlagSpec[];
}

export interface RootSpec {
  /** `docker [OPTIONS] COMMAND` */
  usage: string;
  description: string;
  flags: readonly FlagSpec[];
  groups: readonly GroupSpec[];
  commands: readonly CommandSpec[];
}

/** Every path that runs a command, canonical first. */
export function allPaths(command: CommandSpec): readonly (readonly string[])[] {
  return [command.path, ...(command.aliases ?? [])];
}

/**
 * The path Docker shows for a command as it was invoked: a top-level alias (`docker ps`) is a
 * command of its own in Docker, anything else shows the canonical name (`container list` → `container ls`).
 */
export function displayPath(command: CommandSpec, invoked: readonly string[]): readonly string[] {
  return invoked.length === 1 ? invoked : command.path;
}

/** `docker rm [OPTIONS] CONTAINER [CONTAINER...]` */
export function useLine(command: CommandSpec, path: readonly string[]): string {
  return ['docker', ...path, command.usage].filter((part) => part !== '').join(' ');
}

/** Finds a flag by long name or hidden alias. */
export function findLong(flags: readonly FlagSpec[], name: string): FlagSpec | undefined {
  return flags.find((flag) => flag.name === name || (flag.aliases ?? []).includes(name));
}

export function findShort(flags: readonly FlagSpec[], letter: string): FlagSpec | undefined {
  return flags.find((flag) => flag.short === letter);
}

/** The word pflag prints after a flag in --help (`string`, `int`, `list`…); none for bools. */
export function valueName(flag: FlagSpec): string {
  if (flag.valueName !== undefined) return flag.valueName;
  switch (flag.type) {
    case 'bool': return '';
    case 'string-list': return 'list';
    default: return flag.type;
  }
}
