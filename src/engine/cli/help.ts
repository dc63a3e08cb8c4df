// `--help` text in Docker's layout, generated from the declarations: the usage template of
// docker/cli (cli/cobra.go) and pflag's FlagUsagesWrapped, including its word wrapping, so
// the text lines up the way Docker's own does in an 80-column terminal.
import { allPaths, useLine, valueName, type CommandSpec, type FlagSpec, type GroupSpec, type RootSpec } from './spec';

export const DEFAULT_WIDTH = 80;
const MIN_NAME_PADDING = 11;
const ADDITIONAL_HELP = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';

/** `docker --version` */
export function versionLine(version: string, build: string): string {
  return `Docker version ${version}, build ${build}`;
}

/** The help of a command, as `docker rm --help` prints it (leading blank line included). */
export function commandHelp(command: CommandSpec, path: readonly string[], width = DEFAULT_WIDTH): string {
  return '\n' + commandUsage(command, path, width);
}

export function commandUsage(command: CommandSpec, path: readonly string[], width = DEFAULT_WIDTH): string {
  const parts = [`Usage:  ${useLine(command, path)}`, command.description];
  if (command.aliases?.length) {
    parts.push('Aliases:\n  ' + allPaths(command).map((p) => ['docker', ...p].join(' ')).join(', '));
  }
  const options = flagUsages(command.flags, width);
  if (options) parts.push('Options:\n' + options);
  return parts.join('\n\n') + '\n';
}

/** `docker container --help` */
export function groupHelp(root: RootSpec, group: GroupSpec, width = DEFAULT_WIDTH): string {
  return '\n' + groupUsage(root, group, width);
}

export function groupUsage(root: RootSpec, group: GroupSpec, width = DEFAULT_WIDTH): string {
  const subcommands = root.commands
    .filter((c) => c.path.length === 2 && c.path[0] === group.name)
    .map((c) => ({ name: c.path[1], description: c.description }))
    .sort(byName);
  const options = group.flags ? flagUsages(group.flags, width) : '';
  return [
    `Usage:  docker ${group.name}${options ? ' [OPTIONS]' : ''} COMMAND`,
    group.description,
    ...(options ? ['Options:\n' + options] : []),
    'Commands:\n' + commandRows(subcommands),
    `Run 'docker ${group.name} COMMAND --help' for more information on a command.`,
  ].join('\n\n') + '\n';
}

/** `docker --help` */
export function rootHelp(root: RootSpec, width = DEFAULT_WIDTH): string {
  return '\n' + rootUsage(root, width);
}

export function rootUsage(root: RootSpec, width = DEFAULT_WIDTH): string {
  const topLevel = root.commands.flatMap((command) =>
    allPaths(command).filter((p) => p.length === 1).map((p) => ({ name: p[0], description: command.description, command })),
  );
  const common = topLevel.filter((t) => t.command.commonOrder !== undefined)
    .sort((a, b) => a.command.commonOrder! - b.command.commonOrder!);
  const others = topLevel.filter((t) => t.command.commonOrder === undefined).sort(byName);
  const groups = root.groups.map((g) => ({ name: g.name, description: g.description })).sort(byName);
  const padding = Math.max(MIN_NAME_PADDING, ...[...topLevel, ...groups].map((t) => t.name.length));
  const parts = [`Usage:  ${root.usage}`, root.description];
  if (common.length) parts.push('Common Commands:\n' + commandRows(common, padding));
  if (groups.length) parts.push('Management Commands:\n' + commandRows(groups, padding));
  if (others.length) parts.push('Commands:\n' + commandRows(others, padding));
  const options = flagUsages(root.flags, width);
  if (options) parts.push('Global Options:\n' + options);
  parts.push("Run 'docker COMMAND --help' for more information on a command.", ADDITIONAL_HELP);
  return parts.join('\n\n') + '\n';
}

interface Row { name: string; description: string }
const byName = (a: Row, b: Row) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function commandRows(rows: readonly Row[], padding?: number): string {
  const pad = padding ?? Math.max(MIN_NAME_PADDING, ...rows.map((r) => r.name.length));
  return rows.map((r) => `  ${r.name.padEnd(pad)} ${r.description}`).join('\n');
}

/**
 * pflag's FlagUsagesWrapped(width - 1): flags sorted by long name, the descriptions aligned
 * three spaces after the longest flag column, long descriptions wrapped under themselves.
 */
export function flagUsages(flags: readonly FlagSpec[], width = DEFAULT_WIDTH): string {
  const visible = flags.filter((f) => !f.hidden).slice().sort((a, b) => (a.name < b.name ? -1 : 1));
  const heads = visible.map((f) => {
    const head = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const value = valueName(f);
    return value ? `${head} ${value}` : head;
  });
  const column = Math.max(0, ...heads.map((h) => h.length));
  return visible.map((f, i) => {
    const text = f.description + defaultSuffix(f);
    return `${heads[i]} ${' '.repeat(column + 1 - heads[i].length)} ${wrap(column + 3, width - 1, text)}`;
  }).join('\n');
}

/** ` (default -1)`, ` (default "all")`, ` (default true)`: only for non-zero defaults, as pflag. */
function defaultSuffix(flag: FlagSpec): string {
  const value = flag.default;
  if (value === undefined || value === false || value === '' || value === 0) return '';
  return typeof value === 'string' ? ` (default ${JSON.stringify(value)})` : ` (default ${value})`;
}

/** pflag's wrap: text for a column starting at `indent`, lines at most `width` wide. */
export function wrap(indent: number, width: number, text: string): string {
  if (width === 0) return text.replaceAll('\n', '\n' + ' '.repeat(indent));
  let room = width - indent;
  let out = '';
  // Not enough room beside the flags: start the text on its own line, indented 16.
  if (room < 24) {
    indent = 16;
    room = width - indent;
    out += '\n' + ' '.repeat(indent);
  }
  if (room < 24) return text.replaceAll('\n', out);
  // Lines may run 5 over when that takes the whole rest, to avoid an orphan word.
  const slop = 5;
  room -= slop;
  const newline = '\n' + ' '.repeat(indent);
  let [line, rest] = wrapLine(room, slop, text);
  out += line.replaceAll('\n', newline);
  while (rest !== '') {
    [line, rest] = wrapLine(room, slop, rest);
    out += newline + line.replaceAll('\n', newline);
  }
  return out;
}

function wrapLine(room: number, slop: number, text: string): [string, string] {
  if (room + slop > text.length) return [text, ''];
  const head = text.slice(0, room);
  const space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (space <= 0) return [text, ''];
  const newline = head.lastIndexOf('\n');
  if (newline > 0 && newline < space) return [text.slice(0, newline), text.slice(newline + 1)];
  return [text.slice(0, space), text.slice(space + 1)];
}
