// The request the C client (src/engine/native/docker-client.c) sends: NUL-terminated
// strings "dockhand-cli/1", cwd, isatty flags of fds 0-2, "COLS ROWS", argc, argv[0..argc-1].

export const CLI_PROTOCOL = 'dockhand-cli/1';

export interface CliRequest {
  cwd: string;
  /** isatty() of the client's stdin, stdout, stderr */
  tty: [boolean, boolean, boolean];
  cols: number;
  rows: number;
  /** argv[0] is the name the client was called by (docker, dockhand) */
  argv: string[];
}

/** Parses a request from its bytes (as a binary string); null while it is still incomplete. */
export function parseCliRequest(data: string): CliRequest | null {
  const fields = data.split('\0');
  if (fields.length < 6) return null; // the last element is what follows the last NUL
  const [protocol, cwd, tty, size, count] = fields;
  if (protocol !== CLI_PROTOCOL) throw new Error(`unknown client protocol '${protocol.slice(0, 40)}'`);
  const argc = Number(count);
  if (!Number.isInteger(argc) || argc < 1 || argc > 10_000) throw new Error(`bad argument count '${count}'`);
  if (fields.length < 5 + argc + 1) return null;
  const [cols, rows] = size.split(' ').map(Number);
  return {
    cwd: utf8(cwd),
    tty: [tty[0] === '1', tty[1] === '1', tty[2] === '1'],
    cols: cols || 80,
    rows: rows || 24,
    argv: fields.slice(5, 5 + argc).map(utf8),
  };
}

/** The client sends raw bytes; arguments are UTF-8 (a binary string in, a JS string out). */
function utf8(binary: string): string {
  try {
    return decodeURIComponent(escape(binary));
  } catch {
    return binary; // not valid UTF-8: keep the bytes as they are
  }
}
