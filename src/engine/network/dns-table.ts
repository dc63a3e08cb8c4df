// What the embedded DNS server (native/dns.c) reads for one network, and the resolv.conf that
// sends a container to it. Pure; runtime/dns.ts writes them.

/** The subnet first (the server answers no one outside it), then each container's address and names, once, lower-case. */
export function renderDnsTable(subnet: string, peers: readonly { ip: string; names: readonly string[] }[]): string {
  const lines = [`subnet ${subnet}`, ...peers.map((p) => `${p.ip} ${[...new Set(p.names.map((n) => n.toLowerCase()))].join(' ')}`)];
  return lines.join('\n') + '\n';
}

/** resolv.conf of a container whose first user-defined network has this gateway (ndots:0, as Docker writes). */
export const resolvConf = (gateway: string): string => `nameserver ${gateway}\noptions ndots:0\n`;
