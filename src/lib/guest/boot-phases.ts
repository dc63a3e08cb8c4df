// Boot phases and progress, derived from what the guest prints on its console (pure logic).
//
//  cold:     download ─► bios ─► kernel ─► userland ─► ready
//  snapshot: download ─► restoring ─────────────────► ready

export type BootPhase = 'download' | 'bios' | 'kernel' | 'userland' | 'restoring' | 'ready';

export interface BootProgress {
  phase: BootPhase;
  /** 0..1 over the whole boot */
  value: number;
  /** a short human-readable status */
  text: string;
}

/** Console lines that move a cold boot forward, with the overall progress each one means. */
const MILESTONES: { match: RegExp; phase: BootPhase; value: number; text: string }[] = [
  { match: /Linux version \S+/, phase: 'kernel', value: 0.4, text: 'kernel started' },
  { match: /Calibrating delay loop|pid_max:/, phase: 'kernel', value: 0.5, text: 'kernel: CPU and memory' },
  { match: /NET: Registered PF_INET|TCP: Hash tables configured/, phase: 'kernel', value: 0.6, text: 'kernel: networking' },
  { match: /Serial: 8250\/16550 driver/, phase: 'kernel', value: 0.7, text: 'kernel: devices' },
  { match: /Freeing unused kernel (image )?(\(initmem\) )?memory|Run \/init as init process/, phase: 'userland', value: 0.8, text: 'starting /init' },
  { match: /dockhand: ready/, phase: 'userland', value: 0.95, text: 'system started' },
];

export function milestoneFor(line: string): BootProgress | null {
  for (const m of MILESTONES) {
    if (m.match.test(line)) {
      const text = m.phase === 'kernel' && m.value === 0.4 ? `kernel ${line.match(m.match)![0].slice(14)} started` : m.text;
      return { phase: m.phase, value: m.value, text };
    }
  }
  return null;
}

/** Downloads take the first 30% of a cold boot and 80% of a snapshot restore. */
export function downloadProgress(mode: 'cold' | 'snapshot', loaded: number, total: number): BootProgress {
  const share = mode === 'cold' ? 0.3 : 0.8;
  const fraction = total > 0 ? Math.min(1, loaded / total) : 0;
  return { phase: 'download', value: share * fraction, text: `downloading ${formatMB(loaded)} / ${formatMB(total)}` };
}

function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Keeps the last console lines, for error reports ("the guest did not become ready"). */
export class ConsoleTail {
  private lines: string[] = [];
  private current = '';
  constructor(private readonly keep = 20) {}

  /** Feeds one byte; returns the completed line when the byte ends one. */
  push(byte: number): string | null {
    if (byte === 10) {
      const line = this.current.replace(/\r$/, '');
      this.current = '';
      this.lines.push(line);
      if (this.lines.length > this.keep) this.lines.shift();
      return line;
    }
    if (this.current.length < 1000) this.current += String.fromCharCode(byte);
    return null;
  }

  text(): string {
    return [...this.lines, this.current].filter((l) => l.length > 0).join('\n');
  }
}
