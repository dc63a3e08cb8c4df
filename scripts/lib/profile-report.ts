// The guest profile's arithmetic (pure): samples ("pid ip" lines from scripts/profile/psample.c)
// counted by process and by mode (the kernel's addresses start at 0xc0000000 on i386), and the
// kernel's samples by function when a System.map is at hand.

export interface Sample { pid: number; ip: number }

/** i386 with the default 3G/1G split: the kernel's addresses */
export const KERNEL_BASE = 0xc0000000;

export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+) ([0-9a-f]+)$/.exec(line.trim());
    if (m) samples.push({ pid: Number(m[1]), ip: parseInt(m[2], 16) });
  }
  return samples;
}

/** Function start addresses from a System.map (text symbols), sorted. */
export function parseSystemMap(text: string): { at: number; name: string }[] {
  const symbols: { at: number; name: string }[] = [];
  for (const line of text.split('\n')) {
    const [at, type, name] = line.trim().split(/\s+/);
    if (name && /^[tTwW]$/.test(type)) symbols.push({ at: parseInt(at, 16), name });
  }
  return symbols.sort((a, b) => a.at - b.at);
}

/** The function an address falls in (the last symbol at or below it). */
export function symbolAt(symbols: readonly { at: number; name: string }[], ip: number): string {
  let lo = 0;
  let hi = symbols.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (symbols[mid].at <= ip) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found < 0 ? `0x${ip.toString(16)}` : symbols[found].name;
}

export interface Row { what: string; samples: number; share: number }

/** Counts by a key, largest first, each with its share of all samples. */
export function tally(samples: readonly Sample[], key: (s: Sample) => string | null, top = Infinity): Row[] {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const k = key(s);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([what, n]) => ({ what, samples: n, share: samples.length ? n / samples.length : 0 }));
}

/** "daemon kernel", "launcher & co user", …: which process (by the names given for pids) and which mode. */
export function byProcessAndMode(samples: readonly Sample[], names: ReadonlyMap<number, string>): Row[] {
  return tally(samples, (s) => `${names.get(s.pid) ?? (s.pid === 0 ? 'idle' : 'other processes')} ${s.ip >= KERNEL_BASE ? 'kernel' : 'user'}`);
}
