// A ustar writer (POSIX.1-1988), enough for a build context: regular files and directories
// with mode and mtime. Names longer than 100 bytes are split into the header's prefix field
// (up to 155 bytes before a `/`), which busybox tar and Docker both read.

export interface TarEntry {
  /** relative path, `/`-separated; a directory may end in `/` */
  name: string;
  type?: 'file' | 'dir';
  /** file contents (files only); strings are written as UTF-8 */
  data?: Uint8Array | string;
  /** permission bits; 0o644 for files, 0o755 for directories */
  mode?: number;
  /** seconds since the epoch; 0 by default so the same files make the same archive */
  mtime?: number;
}

const BLOCK = 512;
const encoder = new TextEncoder();

/** Splits a name into ustar's (prefix, name) pair, or throws when it cannot fit. */
export function splitName(path: string): { prefix: string; name: string } {
  const bytes = encoder.encode(path).length;
  if (bytes <= 100) return { prefix: '', name: path };
  // the split must fall on a `/`, with at most 155 bytes before it and 100 after
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] !== '/') continue;
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100 && name) return { prefix, name };
  }
  throw new Error(`tar: the path is too long for ustar: ${path}`);
}

/** Writes `value` as a zero-padded octal number of `width - 1` digits and a NUL. */
function octal(header: Uint8Array, offset: number, width: number, value: number): void {
  const digits = Math.floor(value).toString(8).padStart(width - 1, '0');
  if (digits.length > width - 1) throw new Error(`tar: ${value} does not fit in ${width} bytes`);
  header.set(encoder.encode(digits), offset);
}

function text(header: Uint8Array, offset: number, width: number, value: string): void {
  const bytes = encoder.encode(value);
  if (bytes.length > width) throw new Error(`tar: '${value}' does not fit in ${width} bytes`);
  header.set(bytes, offset);
}

/** The header checksum: the sum of all bytes with the checksum field read as spaces. */
export function headerChecksum(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  return sum;
}

function header(path: string, type: 'file' | 'dir', size: number, mode: number, mtime: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const { prefix, name } = splitName(path);
  text(h, 0, 100, name);
  octal(h, 100, 8, mode & 0o7777);
  octal(h, 108, 8, 0); // uid root
  octal(h, 116, 8, 0); // gid root
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h[156] = type === 'dir' ? 0x35 /* '5' */ : 0x30 /* '0' */;
  text(h, 257, 6, 'ustar'); // "ustar\0"
  text(h, 263, 2, '00');
  text(h, 265, 32, 'root');
  text(h, 297, 32, 'root');
  text(h, 345, 155, prefix);
  // six octal digits, NUL, space: the traditional form every reader accepts
  const sum = headerChecksum(h).toString(8).padStart(6, '0');
  text(h, 148, 8, `${sum}\0 `);
  return h;
}

/** Makes a tar archive of `entries`, in the order given, ending with two zero blocks. */
export function writeTar(entries: TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const type = entry.type ?? (entry.name.endsWith('/') ? 'dir' : 'file');
    const clean = entry.name.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (!clean) throw new Error('tar: an entry needs a name');
    if (type === 'dir') {
      parts.push(header(`${clean}/`, 'dir', 0, entry.mode ?? 0o755, entry.mtime ?? 0));
      continue;
    }
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : (entry.data ?? new Uint8Array());
    parts.push(header(clean, 'file', data.length, entry.mode ?? 0o644, entry.mtime ?? 0));
    parts.push(data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
