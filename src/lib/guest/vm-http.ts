// The page fetching a URL of the VM, as a browser on the VM would: busybox wget runs in the
// guest (over the control channel), so a published port is reached through the VM's own
// nftables DNAT rule, exactly as `wget localhost:8080` in the terminal is. Pure parsing here
// and one exec; the web app renders the answer.
import type { GuestSession } from './session';

export interface VmHttpResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array;
  /** time of the whole exchange, measured by the page */
  ms: number;
}

/** `http://localhost:8080/x` → the port and path wget is given; null for anything else. */
export function parseVmUrl(text: string): { host: string; port: number; path: string } | null {
  const m = /^(?:http:\/\/)?(localhost|127\.0\.0\.1|\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?(\/[\w\-./~%?=&+#]*)?$/.exec(text.trim());
  if (!m) return null;
  const port = m[2] ? Number(m[2]) : 80;
  if (port < 1 || port > 65535) return null;
  return { host: m[1], port, path: m[3] ?? '/' };
}

/** busybox wget -S prints the response head on stderr, each line indented by two spaces. */
export function parseResponseHead(stderr: string): { status: number; statusText: string; headers: [string, string][] } | null {
  const lines = stderr.split('\n').map((l) => l.replace(/\r$/, ''));
  // after redirects, the last status line is the answer's
  let start = -1;
  lines.forEach((l, i) => { if (/^\s*HTTP\/\d(?:\.\d)? \d{3}/.test(l)) start = i; });
  if (start < 0) return null;
  const status = /HTTP\/\d(?:\.\d)? (\d{3}) ?(.*)$/.exec(lines[start])!;
  const headers: [string, string][] = [];
  for (const line of lines.slice(start + 1)) {
    const h = /^\s+([\w-]+):\s?(.*)$/.exec(line);
    if (!h) break;
    headers.push([h[1], h[2]]);
  }
  return { status: Number(status[1]), statusText: status[2].trim(), headers };
}

/** The wget error line ("wget: can't connect to remote host (127.0.0.1): Connection refused"). */
export function wgetError(stderr: string): string {
  const line = stderr.split('\n').reverse().find((l) => l.startsWith('wget:'));
  return line ? line.replace(/^wget:\s*/, '') : stderr.trim() || 'no answer';
}

/** GET url inside the VM. Throws with wget's reason when nothing answered. */
export async function fetchInVm(session: GuestSession, url: string, timeoutSeconds = 5): Promise<VmHttpResponse> {
  const parsed = parseVmUrl(url);
  if (!parsed) throw new Error(`not a URL of the VM: ${url} (use http://localhost:PORT/path)`);
  const started = performance.now();
  // the path is checked above to hold no shell characters but ? & # ~ %, quoted here
  const target = `http://${parsed.host}:${parsed.port}${parsed.path}`;
  const result = await session.exec(`wget -S -q -O- -T ${timeoutSeconds} '${target}'`, { timeoutMs: (timeoutSeconds + 10) * 1000 });
  const head = parseResponseHead(result.stderr);
  if (!head) throw new Error(wgetError(result.stderr));
  return { ...head, body: result.stdoutBytes, ms: Math.round(performance.now() - started) };
}
