// Published ports at run time: at start the host ports are chosen (network/ports.ts) and the
// NAT table gets the container's DNAT rules; at stop they go. The table is rendered from all
// running containers and networks each time (runtime/nftables.ts loads it in one transaction).
import * as kernel from '../kernel';
import type { NatBridge, NatPublish } from '../network/nat-rules';
import { activePorts, allocatePorts, networkPorts, PortSpecError } from '../network/ports';
import type { ContainerRecord } from '../store/container-store';
import { EngineError } from './create';
import { containerStore, networkStore, usesBridges } from './networks';
import { applyNatRules, loadNftables, nftablesLoaded } from './nftables';

const exposedOf = (record: ContainerRecord): string[] => Object.keys(record.Config.ExposedPorts ?? {});

const wantsPorts = (record: ContainerRecord): boolean =>
  usesBridges(record) && (Object.keys(record.HostConfig.PortBindings ?? {}).length > 0 || (record.HostConfig.PublishAllPorts === true && exposedOf(record).length > 0));

/** At start, once the container has its addresses: host ports chosen, DNAT rules in place. */
export function publishPorts(record: ContainerRecord): void {
  const settings = (record.NetworkSettings ??= { Networks: {} });
  if (!wantsPorts(record)) {
    settings.Ports = usesBridges(record) ? networkPorts(exposedOf(record), []) : {};
    return;
  }
  loadNftables();
  const taken = (containerStore()?.list() ?? []).filter((c) => c.Id !== record.Id).flatMap((c) => activePorts(c.NetworkSettings?.Ports));
  try {
    const active = allocatePorts(record.HostConfig.PortBindings ?? {}, exposedOf(record), record.HostConfig.PublishAllPorts === true, taken);
    settings.Ports = networkPorts(exposedOf(record), active);
  } catch (error) {
    if (!(error instanceof PortSpecError)) throw error;
    const name = record.Name.replace(/^\//, '');
    throw new EngineError(`driver failed programming external connectivity on endpoint ${name} (${record.Id}): ${error.message}`);
  }
  refreshNat();
}

/** At stop: the container's ports are free again and its DNAT rules go. */
export function unpublishPorts(record: ContainerRecord): void {
  const had = activePorts(record.NetworkSettings?.Ports).length > 0;
  if (record.NetworkSettings) record.NetworkSettings.Ports = {};
  if (had) refreshNat();
}

/** Renders the NAT table from every bridge network and running container's published ports. */
export function refreshNat(): void {
  if (!nftablesLoaded()) return;
  const bridges: NatBridge[] = (networkStore()?.list() ?? []).filter((n) => n.Driver === 'bridge')
    .map((n) => ({ network: n.Name, bridge: n.Bridge, subnet: n.Subnet, gateway: n.Gateway }));
  const publishes: NatPublish[] = [];
  for (const c of containerStore()?.list() ?? []) {
    const ip = Object.values(c.NetworkSettings?.Networks ?? {}).find((e) => e.IPAddress)?.IPAddress;
    if (!ip) continue;
    for (const p of activePorts(c.NetworkSettings?.Ports)) {
      publishes.push({ container: c.Name.replace(/^\//, ''), hostIp: p.hostIp, hostPort: p.hostPort, protocol: p.protocol, ip, port: p.containerPort });
    }
  }
  applyNatRules(bridges, publishes);
}

/** At daemon start: the rules for what runs now (after a restart, containers that died are gone). */
export function restoreNat(): void {
  if (nftablesLoaded()) refreshNat();
  else kernel.writeControl('/proc/sys/net/ipv4/ip_forward', '0');
}
