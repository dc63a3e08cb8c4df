// `docker network create | ls | inspect | rm | connect | disconnect | prune`: bridge networks
// (network/store.ts: a Linux bridge and an IPAM each) and the containers' endpoints on them
// (runtime/networks.ts). A network with running containers on it cannot be removed.
import { flagBool, flagList, flagString } from '../cli/parse';
import { labelMap } from '../cli/values';
import { formatInspect, formatList } from '../format/output';
import { DEFAULT_BRIDGE, type NetworkRecord, type NetworkStore } from '../network/store';
import { attached, connectRunning, disconnectRunning, networkStore, newEndpoint } from '../runtime/networks';
import { confirmPrune } from './confirm';
import type { ContainerRecord } from '../store/container-store';
import type { CommandContext } from './context';

const PREDEFINED = [DEFAULT_BRIDGE, 'host', 'none'];
const USER_DEFINED_ONLY = 'network-scoped alias is supported only for containers in user defined networks';

function store(io: CommandContext['io']): NetworkStore | null {
  const networks = networkStore();
  if (!networks) io.err('Error response from daemon: networking is not initialised\n');
  return networks;
}

/** `docker network inspect`'s object (Docker's field order). */
export function networkInspectView(n: NetworkRecord): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  for (const { record, endpoint } of attached(n.Id)) {
    containers[record.Id] = {
      Name: record.Name.replace(/^\//, ''), EndpointID: endpoint.EndpointID, MacAddress: endpoint.MacAddress,
      IPv4Address: `${endpoint.IPAddress}/${endpoint.IPPrefixLen}`, IPv6Address: '',
    };
  }
  return {
    Name: n.Name, Id: n.Id, Created: n.Created, Scope: n.Scope, Driver: n.Driver, EnableIPv4: true, EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: n.Subnet ? [{ Subnet: n.Subnet, Gateway: n.Gateway }] : [] },
    Internal: false, Attachable: false, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false,
    Containers: containers,
    Options: n.Driver === 'bridge' ? { 'com.docker.network.bridge.name': n.Bridge, ...(n.Name === DEFAULT_BRIDGE ? { 'com.docker.network.bridge.default_bridge': 'true' } : {}) } : {},
    Labels: n.Labels,
  };
}

export function networkCreateCommand({ io, cmd }: CommandContext): number {
  const networks = store(io);
  if (!networks) return 1;
  const name = cmd.args[0];
  const driver = flagString(cmd.flags, 'driver') || 'bridge';
  const fail = (message: string) => { io.err(`Error response from daemon: ${message}\n`); return 1; };
  if (driver !== 'bridge') return fail(`plugin "${driver}" not found (Dockhand has the bridge driver only)`);
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) return fail(`invalid network name "${name}"`);
  if (networks.find(name)?.Name === name) return fail(`network with name ${name} already exists`);
  const subnets = flagList(cmd.flags, 'subnet');
  if (subnets.length > 1) return fail('Dockhand gives a network one IPv4 subnet');
  const created = networks.create(name, subnets[0] ?? '', labelMap(flagList(cmd.flags, 'label')));
  if ('error' in created) return fail(created.error);
  const gateway = flagList(cmd.flags, 'gateway')[0];
  if (gateway && gateway !== created.Gateway) {
    networks.remove(created);
    return fail(`--gateway ${gateway}: Dockhand's gateway is the subnet's first address (${created.Gateway})`);
  }
  io.out(created.Id + '\n');
  return 0;
}

export function networkLsCommand({ io, cmd }: CommandContext): number {
  const networks = store(io);
  if (!networks) return 1;
  let list = networks.list();
  for (const filter of flagList(cmd.flags, 'filter')) {
    const eq = filter.indexOf('=');
    const [key, value] = [filter.slice(0, eq), filter.slice(eq + 1)];
    if (key === 'name') list = list.filter((n) => n.Name.includes(value));
    else if (key === 'id') list = list.filter((n) => n.Id.startsWith(value));
    else if (key === 'driver') list = list.filter((n) => n.Driver === value);
    else if (key === 'type') list = list.filter((n) => PREDEFINED.includes(n.Name) === (value === 'builtin'));
    else if (key === 'label') list = list.filter((n) => { const [k, v] = value.split('='); return k in n.Labels && (v === undefined || n.Labels[k] === v); });
    else {
      io.err(`Error response from daemon: invalid filter '${filter}'\n`);
      return 1;
    }
  }
  const noTrunc = flagBool(cmd.flags, 'no-trunc');
  const id = (n: NetworkRecord) => (noTrunc ? n.Id : n.Id.slice(0, 12));
  if (flagBool(cmd.flags, 'quiet')) {
    io.out(list.map((n) => id(n) + '\n').join(''));
    return 0;
  }
  const rows = list.map((n) => ({
    ID: id(n), Name: n.Name, Driver: n.Driver, Scope: n.Scope, IPv4: 'true', IPv6: 'false', Internal: 'false', CreatedAt: n.Created,
    Labels: Object.entries(n.Labels).map(([k, v]) => `${k}=${v}`).join(','),
  }));
  const result = formatList(flagString(cmd.flags, 'format'), rows, {
    headers: { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6', Internal: 'INTERNAL', CreatedAt: 'CREATED', Labels: 'LABELS' },
    defaultTable: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}', rootType: '*formatter.networkContext',
  });
  if (!result.ok) {
    io.err(result.error + '\n');
    return result.exitCode;
  }
  io.out(result.output);
  return 0;
}

export function networkInspectCommand({ io, cmd }: CommandContext): number {
  const networks = store(io);
  if (!networks) return 1;
  const items: unknown[] = [];
  const errors: string[] = [];
  for (const name of cmd.args) {
    const network = networks.find(name);
    if (network) items.push(networkInspectView(network));
    else errors.push(`Error response from daemon: network ${name} not found`);
  }
  const result = formatInspect(flagString(cmd.flags, 'format'), items);
  io.out(result.output);
  const all = [...result.errors, ...errors];
  if (all.length) io.err(all.join('\n') + '\n');
  return all.length ? 1 : 0;
}

/** Why a network cannot go: predefined, or containers running on it (Docker's words); null if it can. */
export function removalError(network: NetworkRecord): string | null {
  if (PREDEFINED.includes(network.Name)) return `${network.Name} is a pre-defined network and cannot be removed`;
  const users = attached(network.Id);
  if (users.length === 0) return null;
  const list = users.map(({ record }) => `(name:"${record.Name.replace(/^\//, '')}" id:"${record.Id.slice(0, 12)}")`).join(', ');
  return `error while removing network: network ${network.Name} has active endpoints ${list}`;
}

export function networkRmCommand({ io, cmd }: CommandContext): number {
  const networks = store(io);
  if (!networks) return 1;
  let failed = false;
  for (const name of cmd.args) {
    const network = networks.find(name);
    if (!network) {
      if (!flagBool(cmd.flags, 'force')) {
        io.err(`Error response from daemon: network ${name} not found\n`);
        failed = true;
      }
      continue;
    }
    const error = removalError(network);
    if (error) {
      io.err(`Error response from daemon: ${error}\n`);
      failed = true;
      continue;
    }
    networks.remove(network);
    io.out(name + '\n');
  }
  return failed ? 1 : 0;
}

export async function networkPruneCommand({ io, cmd }: CommandContext): Promise<number> {
  const networks = store(io);
  if (!networks) return 1;
  if (!flagBool(cmd.flags, 'force')
    && !(await confirmPrune(io, 'This will remove all custom networks not used by at least one container.', 'network prune'))) return 1;
  const deleted: string[] = [];
  for (const network of networks.list()) {
    if (removalError(network)) continue;
    networks.remove(network);
    deleted.push(network.Name);
  }
  if (deleted.length) io.out(`Deleted Networks:\n${deleted.map((n) => n + '\n').join('')}`);
  return 0;
}

/** `docker network connect|disconnect NETWORK CONTAINER`: both found, or the daemon's error printed (its exit code). */
function networkAndContainer({ io, cmd, engine }: CommandContext):
  { ok: true; network: NetworkRecord; record: ContainerRecord; fail: (message: string) => number } | { ok: false; code: number } {
  const fail = (message: string) => { io.err(`Error response from daemon: ${message}\n`); return 1; };
  const networks = store(io);
  if (!networks) return { ok: false, code: 1 };
  const [netName, containerName] = cmd.args;
  const network = networks.find(netName);
  if (!network) return { ok: false, code: fail(`network ${netName} not found`) };
  const found = engine.containers.find(containerName);
  if (!found.ok) return { ok: false, code: fail(found.error.replace(/^Error response from daemon: /, '').replace(/^Error: /, '')) };
  return { ok: true, network, record: found.record, fail };
}

export async function networkConnectCommand(ctx: CommandContext): Promise<number> {
  const { cmd, engine } = ctx;
  const pair = networkAndContainer(ctx);
  if (!pair.ok) return pair.code;
  const { fail, network, record } = pair;
  const mode = record.HostConfig.NetworkMode ?? 'none';
  if (mode === 'host' || network.Driver === 'host') return fail('container cannot be disconnected from host network or connected to host network');
  if (mode === 'none' || network.Driver === 'null') return fail('container cannot be connected to multiple networks with one of the networks in private (none) mode');
  const current = record.NetworkSettings?.Networks ?? {};
  if (network.Name in current) return fail(`endpoint with name ${record.Name.replace(/^\//, '')} already exists in network ${network.Name}`);
  const aliases = [...flagList(cmd.flags, 'alias')];
  if (network.Name === DEFAULT_BRIDGE && aliases.length) return fail(USER_DEFINED_ONLY);
  const endpoint = newEndpoint(network, aliases);
  record.NetworkSettings = { Networks: { ...current, [network.Name]: endpoint } };
  if (record.State.Running && record.State.Pid > 0) {
    const error = await connectRunning(record, network, endpoint, Object.keys(current).length);
    if (error) {
      delete record.NetworkSettings.Networks[network.Name];
      return fail(error);
    }
  }
  engine.containers.save(record, !record.HostConfig.AutoRemove);
  return 0;
}

export function networkDisconnectCommand(ctx: CommandContext): number {
  const pair = networkAndContainer(ctx);
  if (!pair.ok) return pair.code;
  const { fail, network, record } = pair;
  const endpoint = record.NetworkSettings?.Networks[network.Name];
  if (!endpoint) return fail(`container ${record.Id} is not connected to network ${network.Name}`);
  disconnectRunning(record, network.Name);
  ctx.engine.containers.save(record, !record.HostConfig.AutoRemove);
  return 0;
}
