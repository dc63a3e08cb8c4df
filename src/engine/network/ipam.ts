// IP address management for bridge networks (pure logic, as libnetwork's default IPAM does it
// for IPv4): subnets, the gateway (.1), and container addresses handed out in order. A
// released address is not handed out again until the allocation has gone round the whole
// subnet, so a container that is gone is not mistaken for the next one (an old ARP entry, a
// peer's stale /etc/hosts line).

export interface Subnet { /** network address as an unsigned 32-bit number */ base: number; prefix: number }

/** What a network keeps of its allocations (persisted in its JSON). */
export interface IpamState {
  /** the host number to try first next time */
  next: number;
  /** allocated address → the container (ID) that holds it */
  used: Record<string, string>;
}

export const ipToInt = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0) >>> 0;
export const intToIp = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

const size = (s: Subnet) => 2 ** (32 - s.prefix);

/** `10.1.0.0/24` → its subnet; Docker's errors for what is not one. */
export function parseSubnet(text: string): { ok: true; value: Subnet } | { ok: false; error: string } {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m || m.slice(1, 5).some((p) => Number(p) > 255) || Number(m[5]) > 32) return { ok: false, error: `invalid CIDR address: ${text}` };
  const prefix = Number(m[5]);
  if (prefix > 30) return { ok: false, error: `invalid subnet ${text}: no room for a gateway and a container (the prefix is at most /30)` };
  const ip = ipToInt(m.slice(1, 5).join('.'));
  const base = (prefix === 0 ? 0 : (ip & (0xffffffff << (32 - prefix)))) >>> 0;
  if (base !== ip) return { ok: false, error: `invalid subnet ${text}: not the network address of the subnet (${intToIp(base)}/${prefix})` };
  return { ok: true, value: { base, prefix } };
}

export const formatSubnet = (s: Subnet): string => `${intToIp(s.base)}/${s.prefix}`;
export const gatewayOf = (s: Subnet): string => intToIp(s.base + 1);

export function overlaps(a: Subnet, b: Subnet): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

/** Docker's default pool for new networks: 172.17.0.0/16 (the default bridge) … 172.31.0.0/16. */
export function nextFreeSubnet(taken: readonly Subnet[]): Subnet | null {
  for (let second = 17; second <= 31; second++) {
    const candidate = { base: ipToInt(`172.${second}.0.0`), prefix: 16 };
    if (!taken.some((t) => overlaps(t, candidate))) return candidate;
  }
  for (let third = 0; third < 256; third += 16) {
    const candidate = { base: ipToInt(`192.168.${third}.0`), prefix: 20 };
    if (!taken.some((t) => overlaps(t, candidate))) return candidate;
  }
  return null;
}

/**
 * The next free container address (host numbers 2 … broadcast−1; .1 is the gateway), from
 * where the last allocation stopped, wrapping round once; null when the subnet is full.
 */
export function allocate(state: IpamState, subnet: Subnet, owner: string): string | null {
  const last = size(subnet) - 2; // the highest host number (the one after is the broadcast)
  const count = last - 1;
  const start = state.next >= 2 && state.next <= last ? state.next : 2;
  for (let i = 0; i < count; i++) {
    const host = 2 + ((start - 2 + i) % count);
    const ip = intToIp(subnet.base + host);
    if (!(ip in state.used)) {
      state.used[ip] = owner;
      state.next = host + 1 > last ? 2 : host + 1;
      return ip;
    }
  }
  return null;
}

export function release(state: IpamState, ip: string): void {
  delete state.used[ip];
}

/** Docker's MAC for an address: 02:42 and the four bytes of the IP. */
export function macFor(ip: string): string {
  return '02:42:' + ip.split('.').map((p) => Number(p).toString(16).padStart(2, '0')).join(':');
}
