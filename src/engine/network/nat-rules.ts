// The engine's whole nftables ruleset, rendered from its networks and published ports. Pure;
// runtime/nftables.ts loads it with `nft -f`, which replaces the table in one transaction, so
// the kernel never sees half of a change. What each chain does (as Docker's iptables rules):
//
//   prerouting/output (nat)  a packet for one of the VM's own addresses (@local) → publish
//   publish                  hostPort → DNAT to the container's address and port
//   postrouting (nat)        DNAT'ed flows into a bridge are masqueraded (so localhost and a
//                            container on the same bridge get the answers); a network's subnet
//                            leaving by another interface (the uplink) is masqueraded
//   forward (filter)         published ports and answers pass; otherwise one bridge never
//                            forwards into another (Docker's isolation between networks)
//
// The DNAT and masquerade rules carry a `counter` (packets that matched: in a nat chain, the
// first packet of each connection), which parseNatCounters reads back from `nft list table`
// for the network picture: a DNAT counter that grew is a packet that came in by that port.
import type { NatCounter } from '../../protocol/engine';

export const NAT_TABLE = 'dockhand';

export interface NatBridge { network: string; bridge: string; subnet: string; gateway: string }

export interface NatPublish {
  /** the container's name, for a comment in the rule */
  container: string;
  hostIp: string;
  hostPort: number;
  protocol: 'tcp' | 'udp';
  /** the container's address on its first network, and the port inside */
  ip: string;
  port: number;
}

const quote = (name: string) => `"${name.replace(/["\\]/g, '')}"`;

/** The script for `nft -f`: create-then-delete empties any old table, then the new one. */
export function renderNatRules(bridges: readonly NatBridge[], publishes: readonly NatPublish[]): string {
  const local = ['127.0.0.0/8', ...bridges.map((b) => b.gateway)];
  const names = bridges.map((b) => quote(b.bridge));
  const lines = [
    `table ip ${NAT_TABLE}`,
    `delete table ip ${NAT_TABLE}`,
    `table ip ${NAT_TABLE} {`,
    '\tset local {',
    '\t\ttype ipv4_addr',
    '\t\tflags interval',
    `\t\telements = { ${local.join(', ')} }`,
    '\t}',
  ];
  if (names.length) lines.push('\tset bridges {', '\t\ttype ifname', `\t\telements = { ${names.join(', ')} }`, '\t}');
  lines.push(
    '\tchain prerouting {',
    '\t\ttype nat hook prerouting priority dstnat; policy accept;',
    '\t\tip daddr @local jump publish',
    '\t}',
    '\tchain output {',
    '\t\ttype nat hook output priority dstnat; policy accept;',
    '\t\tip daddr @local jump publish',
    '\t}',
    '\tchain publish {',
    ...publishes.map((p) =>
      `\t\t${p.hostIp === '0.0.0.0' ? '' : `ip daddr ${p.hostIp} `}${p.protocol} dport ${p.hostPort} counter dnat to ${p.ip}:${p.port} comment ${quote(p.container)}`),
    '\t}',
    '\tchain postrouting {',
    '\t\ttype nat hook postrouting priority srcnat; policy accept;',
    ...(names.length ? ['\t\toifname @bridges ct status dnat counter masquerade'] : []),
    ...bridges.map((b) => `\t\tip saddr ${b.subnet} oifname != ${quote(b.bridge)} counter masquerade`),
    '\t}',
    '\tchain forward {',
    '\t\ttype filter hook forward priority filter; policy accept;',
    '\t\tct status dnat accept',
    '\t\tct state established,related accept',
    ...(names.length ? bridges.map((b) => `\t\tiifname ${quote(b.bridge)} oifname != ${quote(b.bridge)} oifname @bridges drop`) : []),
    '\t}',
    '}',
  );
  return lines.join('\n') + '\n';
}

/**
 * The counters of the DNAT and masquerade rules in `nft list table ip dockhand`'s output, in
 * order. nft prints a rule as `<match> counter packets N bytes M <action> [comment "…"]`.
 */
export function parseNatCounters(listing: string): NatCounter[] {
  const counters: NatCounter[] = [];
  let chain = '';
  for (const raw of listing.split('\n')) {
    const line = raw.trim();
    const head = /^chain (\S+) \{$/.exec(line);
    if (head) { chain = head[1]; continue; }
    const m = /^(.*?)\s*counter packets (\d+) bytes (\d+)\s+(dnat|masquerade)\b(.*)$/.exec(line);
    if (!m) continue;
    const [, match, packets, bytes, action, rest] = m;
    const counter: NatCounter = { kind: action as 'dnat' | 'masquerade', chain, packets: Number(packets), bytes: Number(bytes), match };
    if (action === 'dnat') {
      const port = /\b(tcp|udp) dport (\d+)/.exec(match);
      const daddr = /\bip daddr (\d+\.\d+\.\d+\.\d+)\b/.exec(match);
      const to = /^\s*(?:ip )?to (\d+\.\d+\.\d+\.\d+)(?::(\d+))?/.exec(rest);
      const comment = /comment "([^"]*)"/.exec(rest);
      if (port) { counter.protocol = port[1] as 'tcp' | 'udp'; counter.hostPort = Number(port[2]); }
      counter.hostIp = daddr ? daddr[1] : '0.0.0.0';
      if (to) { counter.toIp = to[1]; if (to[2]) counter.toPort = Number(to[2]); }
      if (comment) counter.container = comment[1];
    }
    counters.push(counter);
  }
  return counters;
}
