// A container's networks at run time: an address from each network's IPAM and a veth name at
// start (the launcher makes the pairs: native/network.c), the addresses released when it
// stops, and names: every container on a user-defined network finds the others by name and
// alias through the engine's DNS server at the network's gateway (Docker's is at 127.0.0.11),
// whose table for the network is rewritten at every change; /etc/hosts has the container itself.
import * as kernel from '../kernel';
import { allocate, macFor, release } from '../network/ipam';
import { baseHosts, renderHosts } from '../network/hosts';
import { DEFAULT_BRIDGE, type NetworkRecord, type NetworkStore } from '../network/store';
import { containerDir, type ContainerRecord, type ContainerStore, type EndpointSettings } from '../store/container-store';
import { EngineError } from './create';
import type { EtcFiles } from './rootfs';
import type { LaunchNetwork } from './spec';
import { parseLauncherReport } from './launcher-report';
import { writeDnsTable } from './dns';
import { resolvConf } from '../network/dns-table';

const LAUNCHER_PATH = '/usr/sbin/dockhand-run';

let context: { networks: NetworkStore; containers: ContainerStore } | null = null;

/** The daemon's stores (networking is off without them: tests of the pure parts, docker build). */
export function initNetworking(networks: NetworkStore, containers: ContainerStore): void {
  context = { networks, containers };
}

export const networkStore = (): NetworkStore | null => context?.networks ?? null;
export const containerStore = (): ContainerStore | null => context?.containers ?? null;

/** Networks with a bridge (not none/host). */
export const usesBridges = (record: ContainerRecord): boolean => !['none', 'host'].includes(record.HostConfig.NetworkMode ?? 'none');

/** An endpoint not yet started: the network and its aliases, no address. */
export function newEndpoint(network: NetworkRecord, aliases: string[]): EndpointSettings {
  return { NetworkID: network.Id, EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '', Aliases: aliases.length ? aliases : null };
}

function randomHex(n: number): string {
  return [...kernel.randomBytes(Math.ceil(n / 2))].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, n);
}

/** At start: an address on each of the container's networks, and what the launcher needs. */
export function attachNetworks(record: ContainerRecord): LaunchNetwork[] {
  if (!context || !usesBridges(record)) return [];
  const launch: LaunchNetwork[] = [];
  for (const [name, endpoint] of Object.entries(record.NetworkSettings?.Networks ?? {})) {
    const network = context.networks.find(endpoint.NetworkID) ?? context.networks.find(name);
    if (!network) throw new EngineError(`network ${name} not found`);
    launch.push(assignAddress(record, network, endpoint));
  }
  return launch;
}

function assignAddress(record: ContainerRecord, network: NetworkRecord, endpoint: EndpointSettings): LaunchNetwork {
  const prefix = network.Subnet.split('/')[1];
  const ip = allocate(network.Ipam, { base: ipBase(network), prefix: Number(prefix) }, record.Id);
  if (!ip) throw new EngineError(`no available IPv4 addresses on this network's address pools: ${network.Name} (${network.Id})`);
  context!.networks.save(network, persisted(record));
  Object.assign(endpoint, {
    NetworkID: network.Id, EndpointID: randomHex(64), Gateway: network.Gateway, IPAddress: ip, IPPrefixLen: Number(prefix),
    MacAddress: macFor(ip), HostVeth: `veth${randomHex(7)}`,
  });
  return { bridge: network.Bridge, veth: endpoint.HostVeth!, address: `${ip}/${prefix}`, gateway: network.Gateway, mac: endpoint.MacAddress };
}

/**
 * Whether a container's address goes to disk with its network: not for an --rm container,
 * which lives in memory only (a restarted daemon frees every address of a container it does
 * not know as running, so writing it would change nothing).
 */
const persisted = (record: ContainerRecord) => !record.HostConfig.AutoRemove;

function ipBase(network: NetworkRecord): number {
  return network.Subnet.split('/')[0].split('.').reduce((n, p) => n * 256 + Number(p), 0) >>> 0;
}

/** At stop (or a failed start): the addresses go back to their networks; their DNS tables lose it. */
export function releaseNetworks(record: ContainerRecord): void {
  if (!context) return;
  const touched: string[] = [];
  for (const [name, endpoint] of Object.entries(record.NetworkSettings?.Networks ?? {})) {
    if (!endpoint.IPAddress) continue;
    const network = context.networks.find(endpoint.NetworkID);
    if (network && network.Ipam.used[endpoint.IPAddress] === record.Id) {
      release(network.Ipam, endpoint.IPAddress);
      context.networks.save(network, persisted(record));
    }
    Object.assign(endpoint, { EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' });
    delete endpoint.HostVeth;
    touched.push(name);
  }
  if (touched.length) refreshNames(touched);
}

/** The containers with an address on the network (running, or starting). */
export function attached(networkId: string): { record: ContainerRecord; endpoint: EndpointSettings }[] {
  if (!context) return [];
  const out: { record: ContainerRecord; endpoint: EndpointSettings }[] = [];
  for (const record of context.containers.list()) {
    for (const endpoint of Object.values(record.NetworkSettings?.Networks ?? {})) {
      if (endpoint.NetworkID === networkId && endpoint.IPAddress) out.push({ record, endpoint });
    }
  }
  return out;
}

/**
 * A container's /etc/hosts (localhost, --add-host entries, its own address on its first
 * network) and /etc/resolv.conf (the DNS server (dns.ts) of its first user-defined network;
 * the default bridge has none, as in Docker).
 */
export function etcFiles(record: ContainerRecord): EtcFiles {
  const networks = record.NetworkSettings?.Networks ?? {};
  const first = Object.values(networks).find((e) => e.IPAddress);
  const named = Object.entries(networks).find(([name, e]) => e.IPAddress && name !== DEFAULT_BRIDGE);
  return {
    hosts: renderHosts(baseHosts(record.HostConfig.ExtraHosts ?? []), first ? { ip: first.IPAddress, hostname: record.Config.Hostname } : null),
    resolv: named ? resolvConf(named[1].Gateway) : '',
  };
}

/** Rewrites the container's hosts file (in place: the bind mount inside sees it at once) and its resolv.conf. */
export function writeHosts(record: ContainerRecord): void {
  if (!context) return;
  const path = `${containerDir(record.Id)}/hosts`;
  if (!kernel.exists(path)) return;
  const files = etcFiles(record);
  kernel.writeText(path, files.hosts);
  kernel.writeText(`${containerDir(record.Id)}/resolv.conf`, files.resolv);
}

/** The names a container answers to on a network: its name, its aliases, its hostname. */
const namesOf = (record: ContainerRecord, endpoint: EndpointSettings) => [record.Name.replace(/^\//, ''), ...(endpoint.Aliases ?? []), record.Config.Hostname];

/** After a change on these networks: their DNS tables (the default bridge has none, as in Docker). */
export function refreshNames(networkNames: readonly string[]): void {
  if (!context) return;
  for (const name of networkNames) {
    if (name === DEFAULT_BRIDGE) continue;
    const network = context.networks.find(name);
    if (!network) continue;
    writeDnsTable(network, attached(network.Id).map(({ record, endpoint }) => ({ ip: endpoint.IPAddress, names: namesOf(record, endpoint) })));
  }
}

/**
 * docker network connect on a running container: an address, then the launcher's
 * network-attach (the veth pair made from outside, ethN configured from inside by setns).
 * Returns an error text, or null.
 */
export async function connectRunning(record: ContainerRecord, network: NetworkRecord, endpoint: EndpointSettings, index: number): Promise<string | null> {
  let launch: LaunchNetwork;
  try {
    launch = assignAddress(record, network, endpoint);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const devnull = kernel.openFd('/dev/null', kernel.O.RDWR);
  const [readEnd, writeEnd] = kernel.makePipe();
  let pid: number;
  try {
    pid = kernel.spawn([LAUNCHER_PATH, 'network-attach', String(record.State.Pid), `eth${index}`, launch.bridge, launch.veth, launch.address, launch.gateway, launch.mac],
      { stdin: devnull, stdout: writeEnd, stderr: writeEnd });
  } finally {
    kernel.closeFd(writeEnd);
    kernel.closeFd(devnull);
  }
  const output = await kernel.readUntilEof(readEnd);
  const code = await new Promise<number>((resolve) => kernel.watchChild(pid, resolve));
  const report = parseLauncherReport(output);
  kernel.addTrace(report.steps);
  if (code !== 0) {
    release(network.Ipam, endpoint.IPAddress);
    context?.networks.save(network);
    return (report.other + report.rest).replace(/^docker: Error response from daemon: /, '').trim() || `network-attach exited with status ${code}`;
  }
  refreshNames([network.Name]);
  writeHosts(record);
  return null;
}

/** docker network disconnect: the veth pair goes (ip link del of the host end takes both), the address back, the names. */
export function disconnectRunning(record: ContainerRecord, networkName: string): void {
  const endpoint = record.NetworkSettings?.Networks[networkName];
  if (!endpoint) return;
  if (endpoint.HostVeth && kernel.exists(`/sys/class/net/${endpoint.HostVeth}`)) kernel.runProgram(['ip', 'link', 'del', endpoint.HostVeth], { quiet: true });
  const network = context?.networks.find(endpoint.NetworkID);
  if (network && endpoint.IPAddress && network.Ipam.used[endpoint.IPAddress] === record.Id) {
    release(network.Ipam, endpoint.IPAddress);
    context!.networks.save(network);
  }
  delete record.NetworkSettings!.Networks[networkName];
  refreshNames([networkName]);
  if (record.State.Running) writeHosts(record);
}
