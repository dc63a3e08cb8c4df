// What `up` and `down` must do, in order, from the project and the engine's current state.
// Pure: the commands carry the steps out (and print compose's progress lines from them).

import { LABEL, configHash, containerLabels, containerName, projectContainers, sameImage, serviceImage } from './labels';
import type { EngineState, ExistingContainer } from './labels';
import type { BuildConfig, ComposeProject, DependCondition, ServiceConfig, ServiceMount } from './model';
import { dependencyOrder } from './order';

/** A mount with its volume's name on the engine (`<project>_<name>`). */
export type ResolvedMount = ServiceMount;

export interface ContainerSpec {
  name: string;
  image: string;
  labels: Record<string, string>;
  /** engine network names, the first is the primary; aliases include the service name */
  networks: { name: string; aliases: string[] }[];
  mounts: ResolvedMount[];
  /** everything else (command, environment, ports, limits …) as normalized */
  service: ServiceConfig;
}

export type UpStep =
  | { action: 'build-image'; service: string; image: string; build: BuildConfig }
  | { action: 'pull-image'; service: string; image: string }
  | { action: 'remove-container'; service: string; id: string; name: string; reason: 'orphan' | 'recreate' | 'scale' }
  | { action: 'create-network'; network: string; name: string; driver: string; internal: boolean; labels: Record<string, string> }
  | { action: 'create-volume'; volume: string; name: string; driver: string; driverOpts: Record<string, string>; labels: Record<string, string> }
  | { action: 'create-container'; service: string; spec: ContainerSpec; waitFor: WaitFor[] }
  | { action: 'start-container'; service: string; id: string; name: string; waitFor: WaitFor[] }
  | { action: 'keep-container'; service: string; id: string; name: string };

/** Before starting a service, wait until this dependency is started / healthy / exited 0. */
export interface WaitFor {
  service: string;
  condition: DependCondition;
}

export interface UpOptions {
  /** only these services (and what they depend on); all when empty */
  services?: string[];
  build?: boolean;
  forceRecreate?: boolean;
  noRecreate?: boolean;
  removeOrphans?: boolean;
  /** for the config_files label */
  configFiles?: string[];
}

export type Planned<T> = { ok: true; steps: T[]; warnings: string[] } | { ok: false; error: string };

/** The services to act on, in dependency order (dependencies first). */
export function serviceOrder(project: ComposeProject, only: string[] = []): ServiceConfig[] | string {
  const ordered = dependencyOrder(project.services);
  if (!ordered.ok) return ordered.error;
  const byName = new Map(project.services.map((s) => [s.name, s]));
  for (const name of only) if (!byName.has(name)) return `no such service: ${name}`;
  const wanted = new Set<string>();
  const want = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dep of Object.keys(byName.get(name)!.dependsOn)) want(dep);
  };
  (only.length > 0 ? only : [...byName.keys()]).forEach(want);
  return ordered.order.filter((n) => wanted.has(n)).map((n) => byName.get(n)!);
}

const orphanWarning = (names: string[]) =>
  `Found orphan containers ([${names.join(' ')}]) for this project. If you removed or renamed this service in your ` +
  'compose file, you can run this command with the --remove-orphans flag to clean it up.';

export function planUp(project: ComposeProject, state: EngineState, options: UpOptions = {}): Planned<UpStep> {
  const services = serviceOrder(project, options.services);
  if (typeof services === 'string') return { ok: false, error: services };
  const steps: UpStep[] = [];
  const warnings: string[] = [];
  const mine = projectContainers(state, project.name);
  const known = new Set(project.services.map((s) => s.name));
  const orphans = mine.filter((c) => !known.has(c.labels[LABEL.service]));
  if (orphans.length > 0 && !options.removeOrphans) warnings.push(orphanWarning(orphans.map((c) => c.name)));

  for (const service of services) {
    const image = serviceImage(project.name, service);
    const present = state.images.some((i) => sameImage(i, image));
    if (service.build && (options.build || !present)) steps.push({ action: 'build-image', service: service.name, image, build: service.build });
    else if (!service.build && !present) steps.push({ action: 'pull-image', service: service.name, image });
  }
  if (options.removeOrphans) {
    for (const c of orphans) steps.push({ action: 'remove-container', service: c.labels[LABEL.service], id: c.id, name: c.name, reason: 'orphan' });
  }

  const networks = new Set(services.flatMap((s) => Object.keys(s.networks)));
  for (const key of networks) {
    const net = project.networks[key];
    if (state.networks.some((n) => n.name === net.name)) continue;
    if (net.external) return { ok: false, error: `network ${net.name} declared as external, but could not be found` };
    const labels = { ...net.labels, [LABEL.network]: key, [LABEL.project]: project.name };
    steps.push({ action: 'create-network', network: key, name: net.name, driver: net.driver, internal: net.internal, labels });
  }
  const volumes = new Set(services.flatMap((s) => s.volumes.flatMap((m) => (m.type === 'volume' && m.source ? [m.source] : []))));
  for (const key of volumes) {
    const vol = project.volumes[key];
    if (state.volumes.some((v) => v.name === vol.name)) continue;
    if (vol.external) return { ok: false, error: `external volume "${vol.name}" not found` };
    const labels = { ...vol.labels, [LABEL.volume]: key, [LABEL.project]: project.name };
    steps.push({ action: 'create-volume', volume: key, name: vol.name, driver: vol.driver, driverOpts: vol.driverOpts, labels });
  }

  for (const service of services) {
    const error = containerSteps(project, state, service, mine, options, steps);
    if (error) return { ok: false, error };
  }
  return { ok: true, steps, warnings };
}

function containerSteps(
  project: ComposeProject, state: EngineState, service: ServiceConfig, mine: ExistingContainer[], options: UpOptions,
  steps: UpStep[],
): string | undefined {
  const waitFor = Object.entries(service.dependsOn).map(([name, d]) => ({ service: name, condition: d.condition }));
  const existing = mine
    .filter((c) => c.labels[LABEL.service] === service.name)
    .sort((a, b) => Number(a.labels[LABEL.number] ?? 0) - Number(b.labels[LABEL.number] ?? 0));
  const [current, ...extra] = existing;
  for (const c of extra) steps.push({ action: 'remove-container', service: service.name, id: c.id, name: c.name, reason: 'scale' });
  const base = { service: service.name };
  if (current) {
    const changed = current.labels[LABEL.configHash] !== configHash(project.name, service);
    const rebuilt = steps.some((s) => s.action === 'build-image' && s.service === service.name);
    if (options.noRecreate || (!options.forceRecreate && !changed && !rebuilt)) {
      if (current.running) steps.push({ action: 'keep-container', ...base, id: current.id, name: current.name });
      else steps.push({ action: 'start-container', ...base, id: current.id, name: current.name, waitFor });
      return undefined;
    }
    steps.push({ action: 'remove-container', ...base, id: current.id, name: current.name, reason: 'recreate' });
  }
  const name = containerName(project.name, service);
  const clash = state.containers.find((c) => c.name === name && c !== current);
  if (clash) {
    return `Conflict. The container name "/${name}" is already in use by container "${clash.id}". ` +
      'You have to remove (or rename) that container to be able to reuse that name.';
  }
  const spec: ContainerSpec = {
    name,
    image: serviceImage(project.name, service),
    labels: containerLabels(project, service, options.configFiles ?? []),
    networks: Object.entries(service.networks).map(([key, { aliases }]) => ({
      name: project.networks[key].name, aliases: [service.name, ...aliases],
    })),
    mounts: service.volumes.map((m) => (m.type === 'volume' && m.source ? { ...m, source: project.volumes[m.source].name } : m)),
    service,
  };
  steps.push({ action: 'create-container', ...base, spec, waitFor });
  return undefined;
}

export type DownStep =
  | { action: 'remove-container'; service: string; id: string; name: string; reason: 'down' | 'orphan' }
  | { action: 'remove-network'; network: string; name: string }
  | { action: 'remove-volume'; volume: string; name: string };

export interface DownOptions {
  /** `-v`: also the named volumes the project declares (never external ones) */
  volumes?: boolean;
  removeOrphans?: boolean;
}

/**
 * `down`: the containers, dependents before what they depend on (each stopped, then removed,
 * with its anonymous volumes when `volumes`), then the project's networks, then with `-v`
 * its named volumes. Only what exists is listed.
 */
export function planDown(project: ComposeProject, state: EngineState, options: DownOptions = {}): Planned<DownStep> {
  const ordered = dependencyOrder(project.services);
  if (!ordered.ok) return { ok: false, error: ordered.error };
  const steps: DownStep[] = [];
  const warnings: string[] = [];
  const mine = projectContainers(state, project.name);
  for (const service of [...ordered.order].reverse()) {
    for (const c of mine.filter((c) => c.labels[LABEL.service] === service)) {
      steps.push({ action: 'remove-container', service, id: c.id, name: c.name, reason: 'down' });
    }
  }
  const orphans = mine.filter((c) => !ordered.order.includes(c.labels[LABEL.service]));
  if (orphans.length > 0 && !options.removeOrphans) warnings.push(orphanWarning(orphans.map((c) => c.name)));
  if (options.removeOrphans) {
    for (const c of orphans) steps.push({ action: 'remove-container', service: c.labels[LABEL.service], id: c.id, name: c.name, reason: 'orphan' });
  }
  for (const [key, net] of Object.entries(project.networks)) {
    if (!net.external && state.networks.some((n) => n.name === net.name)) steps.push({ action: 'remove-network', network: key, name: net.name });
  }
  if (options.volumes) {
    for (const [key, vol] of Object.entries(project.volumes)) {
      if (!vol.external && state.volumes.some((v) => v.name === vol.name)) steps.push({ action: 'remove-volume', volume: key, name: vol.name });
    }
  }
  return { ok: true, steps, warnings };
}
