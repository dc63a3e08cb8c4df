// A container's /etc/hosts on bridge networks (pure): localhost, --add-host, its own address,
// then every peer on its user-defined networks with its name, aliases and hostname.

/** The base of every hosts file: localhost and --add-host (as writeEtcFiles writes it). */
export function baseHosts(extraHosts: readonly string[]): string {
  const extra = extraHosts.map((entry) => {
    const sep = entry.search(/[:=]/);
    return `${entry.slice(sep + 1)}\t${entry.slice(0, sep)}\n`;
  });
  return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${extra.join('')}`;
}

/** Pure: a container's /etc/hosts from its own address and its peers on user-defined networks. */
export function renderHosts(
  base: string, own: { ip: string; hostname: string } | null, peers: readonly { ip: string; names: readonly string[] }[],
): string {
  const lines = [base.replace(/\n?$/, '\n')];
  if (own) lines.push(`${own.ip}\t${own.hostname}\n`);
  const seen = new Set<string>();
  for (const peer of peers) {
    const line = `${peer.ip}\t${[...new Set(peer.names)].join(' ')}\n`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  return lines.join('');
}

