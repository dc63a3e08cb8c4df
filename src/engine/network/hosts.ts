// A container's /etc/hosts on bridge networks (pure): localhost, --add-host and its own address,
// as Docker writes it. Its peers' names are not here: the engine's DNS server answers them
// (runtime/dns.ts), so a lookup by name really crosses the network.

/** The base of every hosts file: localhost and --add-host (as writeEtcFiles writes it). */
export function baseHosts(extraHosts: readonly string[]): string {
  const extra = extraHosts.map((entry) => {
    const sep = entry.search(/[:=]/);
    return `${entry.slice(sep + 1)}\t${entry.slice(0, sep)}\n`;
  });
  return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${extra.join('')}`;
}

/** Pure: a container's /etc/hosts from the base and its own address. */
export function renderHosts(base: string, own: { ip: string; hostname: string } | null): string {
  return base.replace(/\n?$/, '\n') + (own ? `${own.ip}\t${own.hostname}\n` : '');
}
