// Pure parsing for the container lifecycle: signal names (docker kill -s, docker stop -s) and
// restart policies (--restart), as Docker accepts them.
import type { ContainerRecord } from '../store/container-store';

/** Signal names and numbers on Linux (i386), as docker kill -s and --stop-signal take them. */
const SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, IOT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12,
  PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23,
  XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, POLL: 29, PWR: 30, SYS: 31,
};

/** "KILL", "SIGKILL", "kill", "9" → 9; null if it is not a signal. */
export function parseSignal(text: string): number | null {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 64 ? n : null;
  }
  const name = text.toUpperCase().replace(/^SIG/, '');
  return SIGNALS[name] ?? null;
}

export type RestartPolicy = NonNullable<ContainerRecord['HostConfig']['RestartPolicy']>;

/** --restart: no | always | unless-stopped | on-failure[:max-retries] (Docker's ParseRestartPolicy). */
export function parseRestartPolicy(value: string): RestartPolicy | { error: string } {
  const [name, count, ...rest] = value.split(':');
  if (rest.length > 0) return { error: `invalid restart policy format: maximum retry count must be an integer` };
  if (count !== undefined && !/^\d+$/.test(count)) return { error: 'invalid restart policy format: maximum retry count must be an integer' };
  switch (name || 'no') {
    case 'no':
    case 'always':
    case 'unless-stopped':
      if (count !== undefined) return { error: `invalid restart policy format: maximum retry count can only be used with 'on-failure'` };
      return { Name: (name || 'no') as RestartPolicy['Name'], MaximumRetryCount: 0 };
    case 'on-failure':
      return { Name: 'on-failure', MaximumRetryCount: Number(count ?? 0) };
    default:
      return { error: `invalid restart policy format: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'` };
  }
}
