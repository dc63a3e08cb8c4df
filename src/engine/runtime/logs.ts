// A detached container's log (written by the launcher, src/engine/native/dockhand-run.c):
// one record per line, "o|e TIMESTAMP TEXT" — o stdout, e stderr; O|E a piece without a
// newline at its end — TIMESTAMP RFC 3339 with nanoseconds, 30 characters, as Docker's -t shows.
// Pure logic: records in, what to write to the client's stdout and stderr out.

export interface LogRun { stream: 'stdout' | 'stderr'; text: string }

const STAMP = 30;

/** --tail: "all" (or a negative number) keeps everything, N the last N records. */
export function parseTail(value: string): number | null {
  if (value === '' || value === 'all') return -1;
  return /^-?\d+$/.test(value) ? Number(value) : null;
}

export function tailRecords(lines: readonly string[], tail: number): readonly string[] {
  return tail < 0 ? lines : tail === 0 ? [] : lines.slice(-tail);
}

/** Records (without their newlines) → runs of output per stream, in order. */
export function renderRecords(lines: readonly string[], timestamps: boolean): LogRun[] {
  const runs: LogRun[] = [];
  for (const line of lines) {
    const tag = line[0];
    if (line.length < STAMP + 2 || line[1] !== ' ') continue;
    const stream = tag === 'o' || tag === 'O' ? 'stdout' : tag === 'e' || tag === 'E' ? 'stderr' : null;
    if (!stream) continue;
    const text = (timestamps ? line.slice(2, 2 + STAMP) + ' ' : '') + line.slice(STAMP + 3) + (tag === 'o' || tag === 'e' ? '\n' : '');
    const last = runs[runs.length - 1];
    if (last && last.stream === stream) last.text += text;
    else runs.push({ stream, text });
  }
  return runs;
}

/** Splits what was read so far into complete records and the unfinished rest. */
export function splitRecords(data: string): { lines: string[]; rest: string } {
  const end = data.lastIndexOf('\n');
  if (end < 0) return { lines: [], rest: data };
  return { lines: data.slice(0, end).split('\n'), rest: data.slice(end + 1) };
}

/** The log holds bytes; the client gets them back as they were (UTF-8 in, UTF-8 out). */
export function utf8(binary: string): string {
  try {
    return decodeURIComponent(escape(binary));
  } catch {
    return binary;
  }
}
