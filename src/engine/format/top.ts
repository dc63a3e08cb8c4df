// `docker top`: the container's processes as `ps -ef` prints them (UID PID PPID C STIME TTY
// TIME CMD), in docker/cli's table (tabwriter minwidth 20, padding 3). Pure: the caller reads
// /proc/<pid>/stat, status and cmdline for each pid of the container's cgroup.
import { tabwrite } from './table';

export interface ProcInfo {
  pid: number;
  /** /proc/<pid>/stat */
  stat: string;
  /** the real uid, from /proc/<pid>/status */
  uid: number;
  /** /proc/<pid>/cmdline: arguments separated (and ended) by NUL */
  cmdline: string;
}

export interface TopClock {
  /** epoch seconds now, and at boot (/proc/stat btime) */
  now: number;
  bootTime: number;
  /** clock ticks per second (USER_HZ) */
  hz: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The fields of /proc/<pid>/stat after `(comm)`, numbered as in proc(5) from 3 (state). */
export function statFields(stat: string): { comm: string; field: (n: number) => number } {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const rest = stat.slice(close + 2).split(' ');
  return { comm: stat.slice(open + 1, close), field: (n) => Number(rest[n - 3]) };
}

/** tty_nr → `pts/0`, `tty1`, `ttyS0`, or `?`. */
export function ttyName(ttyNr: number): string {
  if (ttyNr === 0) return '?';
  const major = (ttyNr >> 8) & 0xfff;
  const minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
  if (major >= 136 && major <= 143) return `pts/${(major - 136) * 256 + minor}`;
  if (major === 4) return minor < 64 ? `tty${minor}` : `ttyS${minor - 64}`;
  if (major === 5 && minor === 1) return 'console';
  return '?';
}

/** ps's TIME: cumulative CPU time as [DD-]HH:MM:SS. */
export function cpuTime(seconds: number): string {
  const s = Math.trunc(seconds);
  const days = Math.trunc(s / 86400);
  const hms = `${pad2(Math.trunc((s % 86400) / 3600))}:${pad2(Math.trunc((s % 3600) / 60))}:${pad2(s % 60)}`;
  return days > 0 ? `${days}-${hms}` : hms;
}

/** ps's STIME: HH:MM today, else `Mon DD` (UTC, the guest's zone). */
export function startTime(start: number, now: number): string {
  const d = new Date(start * 1000);
  if (new Date(now * 1000).toISOString().slice(0, 10) === d.toISOString().slice(0, 10)) {
    return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  }
  return d.toUTCString().slice(8, 11) + pad2(d.getUTCDate());
}

export function topRow(p: ProcInfo, clock: TopClock, userName: (uid: number) => string): string[] {
  const { comm, field } = statFields(p.stat);
  const ticks = field(14) + field(15);
  const start = clock.bootTime + field(22) / clock.hz;
  const elapsed = Math.max(1, clock.now - start);
  const args = p.cmdline.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1);
  return [
    userName(p.uid), String(p.pid), String(field(4)), String(Math.trunc((ticks / clock.hz) * 100 / elapsed)),
    startTime(start, clock.now), ttyName(field(7)), cpuTime(ticks / clock.hz),
    args.length ? args.join(' ') : `[${comm}]`,
  ];
}

export const TOP_HEADER = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];

/** The whole output, lines joined, as docker/cli prints it. */
export function topTable(procs: readonly ProcInfo[], clock: TopClock, userName: (uid: number) => string): string {
  const rows = [...procs].sort((a, b) => a.pid - b.pid).map((p) => topRow(p, clock, userName));
  return tabwrite([TOP_HEADER, ...rows].map((cells) => cells.join('\t')), { minWidth: 20, padding: 3 }).join('\n') + '\n';
}

/** A uid's name from an /etc/passwd text, else the number. */
export function passwdName(passwd: string, uid: number): string {
  const line = passwd.split('\n').find((l) => l.split(':')[2] === String(uid));
  return line ? line.split(':')[0] : String(uid);
}
