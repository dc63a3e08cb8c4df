// The human-readable strings Docker prints: durations and sizes (go-units HumanDuration,
// HumanSizeWithPrecision, BytesSize), container status (`Up 3 seconds`), and the COMMAND
// column of `docker ps`.

/** go-units HumanDuration: seconds and minutes truncate, hours round. */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(seconds / 3600) / 24 / 365)} years`;
}

/** `2 minutes ago`, as the CREATED column shows it. */
export const timeAgo = (seconds: number): string => `${humanDuration(seconds)} ago`;

/** Go's %.<precision>g: at most that many significant digits, trailing zeros dropped. */
export function formatG(value: number, precision: number): string {
  if (value === 0) return '0';
  const [mantissa, exp] = Math.abs(value).toExponential(precision - 1).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  const exponent = Number(exp);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= precision) {
    const e = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}e${e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return sign + whole + (fraction ? '.' + fraction : '');
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function customSize(size: number, base: number, units: readonly string[], precision: number): string {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return formatG(size, precision) + units[i];
}

/**
 * go-units HumanSizeWithPrecision: powers of 1000 (`4.1kB`, `1.23MB`, `0B`). `docker images`,
 * `ps -s` and `history` use 3 significant digits, `system df` 4 (HumanSize). Like Docker,
 * 999999 bytes prints as `1e+03kB`.
 */
export function humanSize(bytes: number, precision = 4): string {
  return customSize(bytes, 1000, DECIMAL_UNITS, precision);
}

/** go-units BytesSize: powers of 1024 (`64MiB`), as in memory limits. */
export function bytesSize(bytes: number): string {
  return customSize(bytes, 1024, BINARY_UNITS, 4);
}

export interface ContainerState {
  running: boolean;
  paused?: boolean;
  restarting?: boolean;
  removing?: boolean;
  dead?: boolean;
  exitCode: number;
  /** epoch seconds; absent when never started/finished */
  startedAt?: number;
  finishedAt?: number;
  health?: 'starting' | 'healthy' | 'unhealthy';
}

/** The STATUS column (moby's State.String), against `now` in epoch seconds. */
export function containerStatus(state: ContainerState, now: number): string {
  const since = (t: number | undefined) => humanDuration(now - (t ?? now));
  if (state.running) {
    if (state.paused) return `Up ${since(state.startedAt)} (Paused)`;
    if (state.restarting) return `Restarting (${state.exitCode}) ${since(state.finishedAt)} ago`;
    if (state.health) {
      return `Up ${since(state.startedAt)} (${state.health === 'starting' ? 'health: starting' : state.health})`;
    }
    return `Up ${since(state.startedAt)}`;
  }
  if (state.removing) return 'Removal In Progress';
  if (state.dead) return 'Dead';
  if (state.startedAt === undefined) return 'Created';
  if (state.finishedAt === undefined) return '';
  return `Exited (${state.exitCode}) ${since(state.finishedAt)} ago`;
}

/** The command as the daemon lists it: arguments with a space are single-quoted. */
export function commandLine(path: string, args: readonly string[]): string {
  if (args.length === 0) return path;
  return `${path} ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

/** docker/cli's Ellipsis: at most `width` characters, the last one `…` when cut. */
export function ellipsis(text: string, width: number): string {
  const chars = Array.from(text);
  if (width <= 0) return '';
  if (width === 1) return chars[0] ?? '';
  return chars.length <= width ? text : chars.slice(0, width - 1).join('') + '…';
}

/** Go's strconv.Quote for the printable text Docker shows: `"sh -c 'echo…"`. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** The COMMAND column of `docker ps`: quoted, and cut to 20 characters unless --no-trunc. */
export function psCommand(command: string, truncate = true): string {
  return goQuote(truncate ? ellipsis(command, 20) : command);
}
