// `docker compose logs`: the records of several containers' logs (runtime/logs.ts's format,
// "o|e|O|E TIMESTAMP TEXT"), merged in time order, each line after its container's prefix
// (`web-1    | `, padded like compose's to the longest name plus one). Pure.

export interface LogLine { stream: 'stdout' | 'stderr'; text: string }

const STAMP = 30;

/** compose's prefix width: the longest name, plus one. */
export function prefixWidth(names: readonly string[]): number {
  return Math.max(0, ...names.map((n) => n.length)) + 1;
}

/** compose's `%-*s | `: `web-1    | ` */
export const logPrefix = (name: string, width: number) => `${name.padEnd(width)} | `;

interface Entry { stream: 'stdout' | 'stderr'; stamp: string; text: string; source: number }

function parse(record: string, source: number): Entry | null {
  if (record.length < STAMP + 2 || record[1] !== ' ') return null;
  const tag = record[0];
  const stream = tag === 'o' || tag === 'O' ? 'stdout' : tag === 'e' || tag === 'E' ? 'stderr' : null;
  if (!stream) return null;
  return { stream, stamp: record.slice(2, 2 + STAMP), text: record.slice(STAMP + 3), source };
}

/**
 * Every container's records (already tailed) → the lines to print, oldest first; a piece
 * without a newline (O/E) gets one, since the next line carries a prefix of its own.
 */
export function mergeLogs(
  sources: readonly { prefix: string; records: readonly string[] }[], timestamps: boolean,
): LogLine[] {
  const entries: Entry[] = [];
  sources.forEach((s, i) => {
    for (const record of s.records) {
      const entry = parse(record, i);
      if (entry) entries.push(entry);
    }
  });
  // stable: records of one container keep their order; the RFC 3339 stamps sort as text
  entries.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
  return entries.map((e) => ({
    stream: e.stream, text: `${sources[e.source].prefix}${timestamps ? e.stamp + ' ' : ''}${e.text}\n`,
  }));
}
