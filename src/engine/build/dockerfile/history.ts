// The `created_by` text of each step, as BuildKit writes it into the image history (what
// `docker history` shows): `RUN /bin/sh -c echo hi # buildkit` for a step that made a layer,
// `CMD ["sh"]` for one that changed only the config. BuildKit builds these strings with Go's
// fmt (%q and %v of slices and maps), so the odd spacing below is deliberate.
import type { HistoryEntry } from '../../oci/types';
import { formatGoDuration } from './healthcheck';
import type { Healthcheck } from './instructions';

/** What BuildKit puts in the history's comment field. */
export const HISTORY_COMMENT = 'buildkit.dockerfile.v0';

const GO_ESCAPES: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\',
};

/** Go's strconv.Quote, for the ASCII range at least. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (GO_ESCAPES[ch]) out += GO_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** `%q` of a []string: `["/bin/sh" "-c" "echo hi"]` (spaces, not commas). */
export const goQuoteList = (list: string[]): string => `[${list.map(goQuote).join(' ')}]`;

/** `%v` of a []string: `[/bin/bash -c]`. */
export const goList = (list: string[]): string => `[${list.join(' ')}]`;

/** `%v` of a nat.PortSet: `map[443/tcp:{} 80/tcp:{}]`, keys sorted as Go prints maps. */
export const goPortSet = (ports: string[]): string => `map[${[...new Set(ports)].sort().map((p) => `${p}:{}`).join(' ')}]`;

/** `%q` of an int: a rune literal, `'\x03'` for 3 retries. */
function goQuoteRune(n: number): string {
  if (n >= 0x20 && n < 0x7f) return n === 0x27 || n === 0x5c ? `'\\${String.fromCharCode(n)}'` : `'${String.fromCharCode(n)}'`;
  return n < 0x100 ? `'\\x${n.toString(16).padStart(2, '0')}'` : `'\\u${n.toString(16).padStart(4, '0')}'`;
}

/** `%q` of *HealthcheckConfig: `&{["CMD-SHELL" "curl -f x"] "30s" "3s" "0s" "0s" '\x03'}`. */
export function goHealthcheck(h: Healthcheck): string {
  const durations = [h.interval, h.timeout, h.startPeriod, h.startInterval].map((d) => goQuote(formatGoDuration(d)));
  return `&{${goQuoteList(h.test)} ${durations.join(' ')} ${goQuoteRune(h.retries)}}`;
}

/** A step that changed only the image config. */
export const metadataHistory = (createdBy: string): HistoryEntry =>
  ({ created_by: createdBy, comment: HISTORY_COMMENT, empty_layer: true });

/** A step that made a layer; BuildKit marks the ones that ran something with `# buildkit`. */
export const layerHistory = (createdBy: string, marked = true): HistoryEntry =>
  ({ created_by: marked ? `${createdBy} # buildkit` : createdBy, comment: HISTORY_COMMENT });

/**
 * RUN's text: the build args in scope first (`|2 A=1 B=2 /bin/sh -c make`), so that the
 * cache tells apart runs with different args, as the classic builder and BuildKit both do.
 */
export function runCreatedBy(argv: string[], args: { name: string; value: string }[]): string {
  const prefix = args.length > 0 ? [`|${args.length}`, ...args.map((a) => `${a.name}=${a.value}`)] : [];
  return `RUN ${[...prefix, ...argv].join(' ')}`;
}
