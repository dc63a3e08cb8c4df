// Name resolution on user-defined networks, the DNS half: one `dockhand-dns` process
// (native/dns.c) listens on port 53 at every network's gateway and answers from a table per
// network, /run/dockhand/dns/<gateway>, rewritten here whenever a container joins or leaves.
// A container on a user-defined network gets `nameserver <gateway>` in its resolv.conf, so
// `nslookup db` asks it (Docker's embedded server is at 127.0.0.11 inside the container; the
// gateway is the address every container on the network already routes to). /etc/hosts keeps
// the same names for programs that read files first (networks.ts).
import * as kernel from '../kernel';
import type { DnsAnswer } from '../../protocol/engine';
import { DNS_ANSWERS_FILE, parseDnsAnswers, renderDnsTable } from '../network/dns-table';
import type { NetworkRecord } from '../network/store';

export const DNS_DIR = '/run/dockhand/dns';
const SERVER = '/usr/sbin/dockhand-dns';
const PID_FILE = '/run/dockhand/dns.pid';

/** Starts the server unless it runs (a restored machine keeps the one it had). */
export function startDnsServer(): void {
  kernel.mkdirs(DNS_DIR);
  const pid = Number(kernel.readText(PID_FILE) ?? 0);
  if (pid > 0 && (kernel.readText(`/proc/${pid}/cmdline`) ?? '').startsWith(SERVER)) return;
  const devnull = kernel.openFd('/dev/null', kernel.O.RDWR);
  try {
    const child = kernel.spawn([SERVER, DNS_DIR], { stdin: devnull, stdout: devnull, stderr: devnull });
    kernel.writeText(PID_FILE, `${child}\n`);
    kernel.watchChild(child, () => kernel.remove(PID_FILE));
  } finally {
    kernel.closeFd(devnull);
  }
}

export function writeDnsTable(network: NetworkRecord, peers: readonly { ip: string; names: readonly string[] }[]): void {
  kernel.mkdirs(DNS_DIR);
  kernel.writeAtomically(`${DNS_DIR}/${network.Gateway}`, renderDnsTable(network.Subnet, peers));
}

export function removeDnsTable(network: NetworkRecord): void {
  if (network.Gateway && kernel.exists(`${DNS_DIR}/${network.Gateway}`)) kernel.remove(`${DNS_DIR}/${network.Gateway}`);
}

/** The server's last answers (it rewrites DNS_DIR/answers by rename after each one); [] before any. */
export function recentDnsAnswers(): DnsAnswer[] {
  return parseDnsAnswers(kernel.readText(`${DNS_DIR}/${DNS_ANSWERS_FILE}`));
}
