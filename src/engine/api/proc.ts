// Pure readings of /proc text and the shaping of the engine's state for the web app.
import type { ImageState, MountInfo, NetInterfaceState } from '../../protocol/engine';

/** The fields of /proc/<pid>/status the pictures need: Name, PPid, NSpid (host pid first). */
export function parseStatus(text: string): { name: string; ppid: number; nspid: number[] } {
  const field = (key: string) => {
    const at = text.indexOf(`\n${key}:`);
    const start = at >= 0 ? at + key.length + 2 : text.startsWith(`${key}:`) ? key.length + 1 : -1;
    if (start < 0) return '';
    const end = text.indexOf('\n', start);
    return text.slice(start, end < 0 ? text.length : end).trim();
  };
  const nspid = field('NSpid').split(/\s+/).filter(Boolean).map(Number);
  return { name: field('Name'), ppid: Number(field('PPid')) || 0, nspid: nspid.length ? nspid : [Number(field('Pid')) || 0] };
}

/** The parent pid from /proc/<pid>/stat ("pid (comm) state ppid …"; comm may hold spaces and parentheses). */
export function parseStatPpid(text: string): number {
  const close = text.lastIndexOf(')');
  return close < 0 ? 0 : Number(text.slice(close + 2).split(' ', 2)[1]) || 0;
}

/** `pid:[4026531836]` → 4026531836; undefined for anything else. */
export function nsLinkInode(link: string): number | undefined {
  const m = /^\w+:\[(\d+)\]$/.exec(link.trim());
  return m ? Number(m[1]) : undefined;
}

/** A cgroup file's number ("max" stays "max"); undefined when unreadable. */
export function parseCgroupValue(text: string | null): number | 'max' | undefined {
  if (text === null) return undefined;
  const t = text.trim();
  if (t === 'max') return 'max';
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : undefined;
}

/** cgroup.procs: one pid a line. */
export function parsePids(text: string | null): number[] {
  return (text ?? '').split('\n').filter(Boolean).map(Number).filter((n) => n > 0);
}

/** Unescapes mountinfo's octal escapes (\040 for a space). */
const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** /proc/<pid>/mountinfo → mounts (fields: id parent major:minor root target options … - fstype source superoptions). */
export function parseMountInfo(text: string): MountInfo[] {
  const mounts: MountInfo[] = [];
  for (const line of text.split('\n')) {
    const dash = line.indexOf(' - ');
    if (dash < 0) continue;
    const left = line.slice(0, dash).split(' ');
    const right = line.slice(dash + 3).split(' ');
    if (left.length < 5 || right.length < 2) continue;
    mounts.push({ root: unescape(left[3]), target: unescape(left[4]), fstype: right[0], source: unescape(right[1]) });
  }
  return mounts;
}

/** Bind mounts: a part of a file system (root not "/") mounted elsewhere. */
export function bindMounts(mounts: MountInfo[]): MountInfo[] {
  return mounts.filter((m) => m.root !== '/');
}

/** Layers used by more than one image, with the images using them (in image order). */
export function sharedLayers(images: ImageState[]): { diffId: string; images: string[] }[] {
  const users = new Map<string, string[]>();
  for (const image of images) {
    for (const layer of image.layers) {
      const list = users.get(layer.diffId) ?? [];
      if (!list.includes(image.id)) list.push(image.id);
      users.set(layer.diffId, list);
    }
  }
  return [...users].filter(([, ids]) => ids.length > 1).map(([diffId, ids]) => ({ diffId, images: ids }));
}

/** Pairs each diff_id with the history entry that made it (history entries without empty_layer, in order). */
export function imageLayers(
  diffIds: string[], sizes: number[], history: { created_by?: string; empty_layer?: boolean }[] | undefined,
): ImageState['layers'] {
  const made = (history ?? []).filter((h) => !h.empty_layer);
  return diffIds.map((diffId, i) => ({ diffId, size: sizes[i] ?? 0, ...(made[i]?.created_by ? { createdBy: made[i].created_by } : {}) }));
}

/**
 * /proc/net/dev: each interface's received and sent packets (the same counters as
 * /sys/class/net/<if>/statistics, in one read). One native regex pass over the text: the
 * headers do not match; per line "name: rx bytes, packets, errs, drop, fifo, frame,
 * compressed, multicast, tx bytes, packets, …".
 */
const NET_DEV_LINE = /^ *([^\s:]+): *\d+ +(\d+)(?: +\d+){7} +(\d+)/gm;
export function parseNetDev(text: string | null): { name: string; rxPackets: number; txPackets: number }[] {
  return [...(text ?? '').matchAll(NET_DEV_LINE)].map((m) => ({ name: m[1], rxPackets: Number(m[2]), txPackets: Number(m[3]) }));
}

/** What an interface of the VM is: lo, a network's bridge, the VM's end of a container's veth pair (by the engine's records), or another. */
export function interfaceKind(name: string, bridges: ReadonlySet<string>, veths: ReadonlySet<string>): NetInterfaceState['kind'] {
  if (name === 'lo') return 'loopback';
  if (bridges.has(name)) return 'bridge';
  if (veths.has(name)) return 'veth';
  return 'other';
}
