// Networks on disk: /var/lib/dockhand/networks/<id>.json, one Linux bridge each (docker0 for
// the default `bridge`, br-<12 hex of the ID> for user-defined ones), with the IPAM state.
import * as kernel from '../kernel';
import { idFromBytes } from '../store/ids';
import { STORE_ROOT } from '../store/image-store';
import { formatSubnet, gatewayOf, macFor, nextFreeSubnet, parseSubnet, type IpamState, type Subnet } from './ipam';

const ROOT = `${STORE_ROOT}/networks`;

export interface NetworkRecord {
  Name: string;
  Id: string;
  Created: string;
  Scope: 'local';
  /** bridge: a Linux bridge; host and null: Docker's predefined `host` and `none` (no bridge, no subnet) */
  Driver: 'bridge' | 'host' | 'null';
  /** the Linux bridge ('' for host and none) */
  Bridge: string;
  Subnet: string;
  Gateway: string;
  Labels: Record<string, string>;
  Ipam: IpamState;
}

/** The networks Docker always has; `none` and `host` have no bridge and no record on disk. */
export const DEFAULT_BRIDGE = 'bridge';
export const SPECIAL = ['none', 'host'] as const;

export class NetworkStore {
  private cache: Map<string, NetworkRecord> | null = null;
  /** called after a bridge network is created or removed (the NAT rules name every bridge, the DNS server has a table per network) */
  onBridgesChanged: (network: NetworkRecord, change: 'created' | 'removed') => void = () => {};

  private all(): Map<string, NetworkRecord> {
    if (this.cache) return this.cache;
    this.cache = new Map();
    for (const file of kernel.listDir(ROOT).sort()) {
      const record = kernel.readJson<NetworkRecord>(`${ROOT}/${file}`);
      if (record) this.cache.set(record.Id, record);
    }
    return this.cache;
  }

  list(): NetworkRecord[] {
    return [...this.all().values()].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  }

  /** By exact name, full ID or a unique ID prefix (as Docker finds networks). */
  find(ref: string): NetworkRecord | null {
    const list = this.list();
    const exact = list.find((n) => n.Name === ref || n.Id === ref);
    if (exact) return exact;
    const prefixed = ref.length > 0 ? list.filter((n) => n.Id.startsWith(ref)) : [];
    return prefixed.length === 1 ? prefixed[0] : null;
  }

  /** Keeps the network in memory and (unless told not to) writes it to <id>.json. */
  save(record: NetworkRecord, persist = true): void {
    if (persist) {
      kernel.mkdirs(ROOT);
      kernel.writeText(`${ROOT}/${record.Id}.json`, JSON.stringify(record, null, 2));
    }
    this.all().set(record.Id, record);
  }

  /** A new network with its bridge; the subnet given or the next free one of Docker's pool. */
  create(name: string, subnetText: string, labels: Record<string, string>, bridgeName?: string): NetworkRecord | { error: string } {
    const taken = this.list().flatMap((n) => { const s = parseSubnet(n.Subnet); return s.ok ? [s.value] : []; });
    let subnet: Subnet;
    if (subnetText) {
      const parsed = parseSubnet(subnetText);
      if (!parsed.ok) return { error: parsed.error };
      const clash = this.list().find((n) => { const s = parseSubnet(n.Subnet); return s.ok && overlapsAny(parsed.value, [s.value]); });
      if (clash) return { error: `invalid pool request: Pool overlaps with other one on this address space` };
      subnet = parsed.value;
    } else {
      const free = nextFreeSubnet(taken);
      if (!free) return { error: 'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network' };
      subnet = free;
    }
    const id = idFromBytes(kernel.randomBytes(32));
    const record: NetworkRecord = {
      Name: name, Id: id, Created: new Date().toISOString(), Scope: 'local', Driver: 'bridge',
      Bridge: bridgeName ?? `br-${id.slice(0, 12)}`, Subnet: formatSubnet(subnet), Gateway: gatewayOf(subnet), Labels: labels,
      Ipam: { next: 2, used: {} },
    };
    const made = ensureBridge(record);
    if (made) return { error: made };
    this.save(record);
    this.onBridgesChanged(record, 'created');
    return record;
  }

  /**
   * At daemon start: Docker's three predefined networks (bridge on docker0, 172.17.0.0/16;
   * host; none), every bridge network's Linux bridge (a cold boot has none), and no address
   * held by a container that is not running any more.
   */
  ensureDefaults(running: (id: string) => boolean): void {
    if (!this.find(DEFAULT_BRIDGE)) this.create(DEFAULT_BRIDGE, '172.17.0.0/16', {}, 'docker0');
    for (const [name, driver] of [['host', 'host'], ['none', 'null']] as const) {
      if (this.find(name)) continue;
      this.save({
        Name: name, Id: idFromBytes(kernel.randomBytes(32)), Created: new Date().toISOString(), Scope: 'local', Driver: driver,
        Bridge: '', Subnet: '', Gateway: '', Labels: {}, Ipam: { next: 2, used: {} },
      });
    }
    for (const network of this.list()) {
      if (network.Driver !== 'bridge') continue;
      ensureBridge(network);
      const stale = Object.entries(network.Ipam.used).filter(([, id]) => !running(id));
      for (const [ip] of stale) delete network.Ipam.used[ip];
      if (stale.length) this.save(network);
    }
  }

  remove(record: NetworkRecord): void {
    if (record.Bridge && kernel.exists(`/sys/class/net/${record.Bridge}`)) kernel.runProgram(['ip', 'link', 'del', record.Bridge], { quiet: true });
    kernel.remove(`${ROOT}/${record.Id}.json`);
    this.all().delete(record.Id);
    if (record.Driver === 'bridge') this.onBridgesChanged(record, 'removed');
  }
}

function overlapsAny(s: Subnet, others: Subnet[]): boolean {
  return others.some((o) => s.base < o.base + 2 ** (32 - o.prefix) && o.base < s.base + 2 ** (32 - s.prefix));
}

/**
 * The Linux bridge of a network, with the gateway's address, up (busybox ip; once per network).
 * Its MAC is set (02:42 + the gateway's address, as containers get theirs): a bridge left to
 * pick its own takes the lowest MAC of its ports, so it changed when a container left, and the
 * others' ARP entry for the gateway pointed nowhere until it expired. Returns an error or null.
 */
export function ensureBridge(record: NetworkRecord): string | null {
  if (kernel.exists(`/sys/class/net/${record.Bridge}`)) return null;
  const prefix = record.Subnet.split('/')[1];
  const script = `ip link add ${record.Bridge} address ${macFor(record.Gateway)} type bridge && ip addr add ${record.Gateway}/${prefix} dev ${record.Bridge} && ip link set ${record.Bridge} up`;
  if (kernel.runProgram(['sh', '-c', script], { quiet: true }) !== 0) {
    kernel.runProgram(['ip', 'link', 'del', record.Bridge], { quiet: true });
    return `failed to create the bridge ${record.Bridge} for network ${record.Name}`;
  }
  return null;
}
