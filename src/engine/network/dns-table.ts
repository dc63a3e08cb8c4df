// What the embedded DNS server (native/dns.c) reads for one network, and the resolv.conf that
// sends a container to it, and the reading of its log of answers. Pure; runtime/dns.ts writes them.
import type { DnsAnswer } from '../../protocol/engine';

/** The subnet first (the server answers no one outside it), then each container's address and names, once, lower-case. */
export function renderDnsTable(subnet: string, peers: readonly { ip: string; names: readonly string[] }[]): string {
  const lines = [`subnet ${subnet}`, ...peers.map((p) => `${p.ip} ${[...new Set(p.names.map((n) => n.toLowerCase()))].join(' ')}`)];
  return lines.join('\n') + '\n';
}

/** resolv.conf of a container whose first user-defined network has this gateway (ndots:0, as Docker writes). */
export const resolvConf = (gateway: string): string => `nameserver ${gateway}\noptions ndots:0\n`;

/** Where the DNS server (native/dns.c) keeps its last answers, in the tables' directory. */
export const DNS_ANSWERS_FILE = 'answers';

/**
 * The server's log of its last answers, one a line: `SEQ TIME_MS CLIENT SERVER TYPE NAME RESULT`,
 * RESULT being the addresses (comma-separated) or an outcome (NODATA, NXDOMAIN, REFUSED, …).
 * Lines that do not parse are skipped.
 */
export function parseDnsAnswers(text: string | null): DnsAnswer[] {
  const answers: DnsAnswer[] = [];
  for (const line of (text ?? '').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 7 || !/^\d+$/.test(f[0]) || !/^\d+$/.test(f[1])) continue;
    const [seq, time, client, server, type, name, result] = f;
    const addresses = /^\d+\.\d+\.\d+\.\d+(,\d+\.\d+\.\d+\.\d+)*$/.test(result) ? result.split(',') : [];
    answers.push({
      seq: Number(seq), time: Number(time), client, server, type, name, addresses,
      rcode: addresses.length ? 'NOERROR' : result,
    });
  }
  return answers;
}
