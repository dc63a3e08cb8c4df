// HEALTHCHECK: NONE, or [--interval= --timeout= --start-period= --start-interval= --retries=]
// CMD …, stored as the image config's Healthcheck (durations in nanoseconds, Go syntax).
import { fail, ok, type Checked } from './errors';
import type { Healthcheck } from './instructions';
import { parseJsonArray, type Flag } from './words';

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION_FLAGS = { interval: 'interval', timeout: 'timeout', 'start-period': 'startPeriod', 'start-interval': 'startInterval' } as const;

/** Go's time.ParseDuration: `30s`, `1m30s`, `1.5h`, `500ms`, `0`. */
export function parseGoDuration(text: string): Checked<number> {
  const bad = fail<number>(`time: invalid duration "${text}"`);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return ok(0);
  if (rest === '') return bad;
  let total = 0;
  while (rest !== '') {
    const m = /^([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!m || m[1] === '' || m[1] === '.') return bad;
    total += Number(m[1]) * UNITS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return ok(sign * Math.round(total));
}

/** Go's Duration.String: `1h0m0s`, `1m30s`, `1.5s`, `500ms`, `0s`. */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  const d = Math.abs(ns);
  const fraction = (value: number, unit: number) => {
    const whole = Math.floor(value / unit);
    const frac = value % unit;
    if (frac === 0) return String(whole);
    return `${whole}.${String(frac).padStart(String(unit).length - 1, '0').replace(/0+$/, '')}`;
  };
  if (d < 1e3) return `${sign}${d}ns`;
  if (d < 1e6) return `${sign}${fraction(d, 1e3)}µs`;
  if (d < 1e9) return `${sign}${fraction(d, 1e6)}ms`;
  const h = Math.floor(d / 3600e9);
  const m = Math.floor((d % 3600e9) / 60e9);
  const s = fraction(d % 60e9, 1e9);
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}

/** Parses what follows the keyword and its flags. */
export function parseHealthcheck(flags: Flag[], rest: string): Checked<Healthcheck> {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(rest);
  if (!m) return fail('HEALTHCHECK requires at least one argument');
  const type = m[1].toUpperCase();
  const hc: Healthcheck = { test: [], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (type === 'NONE') {
    if (m[2] !== '' || flags.length > 0) return fail('HEALTHCHECK NONE takes no arguments');
    return ok({ ...hc, test: ['NONE'] });
  }
  if (type !== 'CMD') return fail(`Unknown type "${type}" in HEALTHCHECK (try CMD)`);
  if (m[2] === '') return fail('Missing command after HEALTHCHECK CMD');
  const argv = parseJsonArray(m[2]);
  hc.test = argv ? ['CMD', ...argv] : ['CMD-SHELL', m[2]];
  for (const flag of flags) {
    if (flag.value === undefined) return fail(`missing a value on flag: --${flag.name}`);
    if (flag.name === 'retries') {
      if (!/^-?[0-9]+$/.test(flag.value)) return fail(`--retries: invalid number "${flag.value}"`);
      hc.retries = Number(flag.value);
      if (hc.retries < 0) return fail(`--retries cannot be negative (${hc.retries})`);
      continue;
    }
    const field = DURATION_FLAGS[flag.name as keyof typeof DURATION_FLAGS];
    if (field === undefined) return fail(`unknown flag: --${flag.name}`);
    const d = parseGoDuration(flag.value);
    if (!d.ok) return fail(`--${flag.name}: ${d.error}`);
    if (d.value < 0) return fail(`--${flag.name} cannot be negative`);
    if (d.value !== 0 && d.value < 1e6) return fail(`--${flag.name} cannot be less than 1ms`);
    hc[field] = d.value;
  }
  return ok(hc);
}
