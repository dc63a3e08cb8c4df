// Converting flag text to values, with the error texts of the Go functions Docker uses
// (strconv.ParseBool/ParseInt/ParseFloat, go-units RAMInBytes, time.ParseDuration): they
// appear verbatim after `invalid argument "x" for "-m, --memory" flag: `.

export type Converted<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = (error: string): Converted<never> => ({ ok: false, error });
const goQuote = (s: string) => JSON.stringify(s);

export function parseBool(text: string): Converted<boolean> {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return ok(true);
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return ok(false);
  return fail(`strconv.ParseBool: parsing ${goQuote(text)}: invalid syntax`);
}

/** strconv.ParseInt(s, 0, 64): decimal, 0x…, 0o…, 0b…, and a leading 0 for octal. */
export function parseInt64(text: string): Converted<number> {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/.exec(text);
  if (!m) return fail(`strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`);
  let digits = m[2];
  if (/^0[0-7]/.test(digits)) digits = '0o' + digits.slice(1);
  const big = BigInt(digits.replace(/^0O/, '0o').replace(/^0X/, '0x').replace(/^0B/, '0b'));
  const value = m[1] === '-' ? -big : big;
  if (value > 9223372036854775807n || value < -9223372036854775808n) {
    return fail(`strconv.ParseInt: parsing ${goQuote(text)}: value out of range`);
  }
  return ok(Number(value));
}

/** strconv.ParseFloat(s, 64), without Go's hex floats and digit separators. */
export function parseFloat64(text: string): Converted<number> {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return ok(text.startsWith('-') ? -Infinity : Infinity);
  if (/^nan$/i.test(text)) return ok(NaN);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    return fail(`strconv.ParseFloat: parsing ${goQuote(text)}: invalid syntax`);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return fail(`strconv.ParseFloat: parsing ${goQuote(text)}: value out of range`);
  return ok(value);
}

const BINARY: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes: `64m`, `1g`, `1.5GiB`, `512 kb`, `100`; units are powers of 1024. */
export function parseBytes(text: string): Converted<number> {
  let sep = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(text[i])) { sep = i; break; }
  }
  if (sep === -1) return fail(`invalid size: '${text}'`);
  const num = text[sep] === ' ' ? text.slice(0, sep) : text.slice(0, sep + 1);
  let suffix = text.slice(sep + 1);
  const size = parseFloat64(num);
  if (!size.ok) return size;
  if (size.value < 0) return fail(`invalid size: '${text}'`);
  if (suffix === '') return ok(Math.trunc(size.value));
  const badSuffix = () => fail(`invalid suffix: '${suffix}'`);
  if (suffix.length > 3) return badSuffix();
  suffix = suffix.toLowerCase();
  if (suffix[0] === 'b') return suffix.length > 1 ? badSuffix() : ok(Math.trunc(size.value));
  const multiplier = BINARY[suffix[0]];
  if (multiplier === undefined) return badSuffix();
  if (suffix.length === 2 && suffix[1] !== 'i' && suffix[1] !== 'b') return badSuffix();
  if (suffix.length === 3 && (suffix[1] !== 'i' || suffix[2] !== 'b')) return badSuffix();
  return ok(Math.trunc(size.value * multiplier));
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600,
};

/** time.ParseDuration, in seconds: `300ms`, `-1.5h`, `2h45m`; a bare `0` is allowed. */
export function parseDuration(text: string): Converted<number> {
  const invalid = () => fail(`time: invalid duration ${goQuote(text)}`);
  let rest = text;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return ok(0);
  if (rest === '') return invalid();
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(\.(\d*))?/.exec(rest)!;
    if (number[0] === '' || number[0] === '.') return invalid();
    rest = rest.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') return fail(`time: missing unit in duration ${goQuote(text)}`);
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) return fail(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`);
    rest = rest.slice(unit.length);
    total += Number(number[0].startsWith('.') ? '0' + number[0] : number[0]) * scale;
  }
  return ok(sign * total);
}

/** `--label k=v` values as a map; a bare `k` is a label with an empty value, as in Docker. */
export function labelMap(list: readonly string[]): Record<string, string> {
  return Object.fromEntries(list.map((l) => {
    const eq = l.indexOf('=');
    return eq < 0 ? [l, ''] : [l.slice(0, eq), l.slice(eq + 1)];
  }));
}
