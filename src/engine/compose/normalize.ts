// compose.yaml text → ComposeProject: parse (yaml.ts), interpolate (interpolate.ts), check the
// top level, the networks and volumes, every service (service.ts), and what services refer to.

import { interpolateTree } from './interpolate';
import type { Env } from './interpolate';
import type { ComposeProject, NetworkConfig, VolumeConfig } from './model';
import { dependencyOrder } from './order';
import { projectName } from './project-name';
import { asMap, bool, checkKeys, fail, fields, isNull, str, stringDictionary } from './read';
import { normalizeService } from './service';
import type { ServiceContext } from './service';
import { parseYaml } from './yaml';
import { YamlError } from './yaml-scalar';
import type { YamlMap, YamlNode } from './yaml-scalar';

export interface LoadOptions {
  /** shown in errors: `compose.yaml:7: …` */
  file?: string;
  /** absolute project directory: relative paths and the default project name come from it */
  workingDir: string;
  /** interpolation variables (interpolationEnv(.env, process env)); COMPOSE_PROJECT_NAME too */
  env?: Env;
  /** `docker compose -p NAME` */
  projectName?: string;
  /** reads a file of the project (a service's env_file); null when it is not there */
  readFile?: (path: string) => string | null;
}

const TOP_LEVEL = ['version', 'name', 'services', 'networks', 'volumes'];
const TOP_UNSUPPORTED = ['secrets', 'configs', 'include', 'models'];

/** Parses and checks a compose file; throws a YamlError (`compose.yaml:LINE: problem`). */
export function loadProject(text: string, options: LoadOptions): ComposeProject {
  const file = options.file ?? 'compose.yaml';
  const env = options.env ?? {};
  const ctx: ServiceContext = { file, workingDir: options.workingDir, warnings: [], env, readFile: options.readFile };
  const parsed = parseYaml(text, file);
  if (parsed === null) throw new YamlError(file, 0, 'empty compose file');
  const root = asMap(ctx, interpolateTree(parsed, env, file, ctx.warnings), '(root)') as YamlMap;
  for (const { key } of root.pairs) {
    if (TOP_UNSUPPORTED.includes(key.text)) fail(ctx, key, `${key.text} is not supported by Dockhand`);
  }
  checkKeys(ctx, root, '(root)', TOP_LEVEL);
  const top = fields(root);
  if (top.has('version')) {
    ctx.warnings.unshift(`${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`);
  }
  const nameNode = top.get('name');
  const named = projectName({
    flag: options.projectName, env: env.COMPOSE_PROJECT_NAME,
    file: nameNode && !isNull(nameNode) ? str(ctx, nameNode, 'name') : undefined, workingDir: options.workingDir,
  });
  if (!named.ok) {
    const fromFile = options.projectName === undefined && !env.COMPOSE_PROJECT_NAME && nameNode;
    throw new YamlError(file, fromFile ? nameNode.line : 0, named.error);
  }
  const project: ComposeProject = {
    name: named.name, workingDir: options.workingDir, services: [], networks: {}, volumes: {}, warnings: ctx.warnings,
  };
  for (const [key, node] of entries(ctx, top.get('networks'), 'networks')) {
    project.networks[key] = network(ctx, project.name, key, node);
  }
  project.networks.default ??= {
    name: `${project.name}_default`, external: false, driver: 'bridge', internal: false, labels: {},
  };
  for (const [key, node] of entries(ctx, top.get('volumes'), 'volumes')) {
    project.volumes[key] = volume(ctx, project.name, key, node);
  }
  const servicesNode = top.get('services');
  if (servicesNode && !isNull(servicesNode)) {
    for (const { key, value } of asMap(ctx, servicesNode, 'services').pairs) {
      project.services.push(normalizeService(ctx, key, value));
    }
  }
  checkReferences(ctx, project);
  return project;
}

function entries(ctx: ServiceContext, node: YamlNode | undefined, path: string): [string, YamlNode][] {
  if (!node || isNull(node)) return [];
  return asMap(ctx, node, path).pairs.map((p) => [p.key.text, p.value]);
}

function network(ctx: ServiceContext, project: string, key: string, node: YamlNode): NetworkConfig {
  const config: NetworkConfig = { name: `${project}_${key}`, external: false, driver: 'bridge', internal: false, labels: {} };
  if (isNull(node)) return config;
  const path = `networks.${key}`;
  const map = asMap(ctx, node, path);
  for (const k of ['ipam', 'enable_ipv6', 'driver_opts']) {
    const pair = map.pairs.find((p) => p.key.text === k);
    if (pair) fail(ctx, pair.key, `${path}.${k} is not supported by Dockhand`);
  }
  checkKeys(ctx, map, path, ['name', 'external', 'driver', 'internal', 'labels', 'attachable']);
  const f = fields(map);
  if (f.has('driver')) {
    config.driver = str(ctx, f.get('driver')!, `${path}.driver`);
    if (config.driver !== 'bridge') fail(ctx, f.get('driver')!, `${path}.driver: only the bridge driver is supported (not ${config.driver})`);
  }
  if (f.has('internal')) config.internal = bool(ctx, f.get('internal')!, `${path}.internal`);
  if (f.has('labels')) config.labels = stringDictionary(ctx, f.get('labels')!, `${path}.labels`);
  external(ctx, f, path, config, key);
  return config;
}

function volume(ctx: ServiceContext, project: string, key: string, node: YamlNode): VolumeConfig {
  const config: VolumeConfig = { name: `${project}_${key}`, external: false, driver: 'local', driverOpts: {}, labels: {} };
  if (isNull(node)) return config;
  const path = `volumes.${key}`;
  const map = asMap(ctx, node, path);
  checkKeys(ctx, map, path, ['name', 'external', 'driver', 'driver_opts', 'labels']);
  const f = fields(map);
  if (f.has('driver')) {
    config.driver = str(ctx, f.get('driver')!, `${path}.driver`);
    if (config.driver !== 'local') fail(ctx, f.get('driver')!, `${path}.driver: only the local driver is supported (not ${config.driver})`);
  }
  if (f.has('driver_opts')) config.driverOpts = stringDictionary(ctx, f.get('driver_opts')!, `${path}.driver_opts`);
  if (f.has('labels')) config.labels = stringDictionary(ctx, f.get('labels')!, `${path}.labels`);
  external(ctx, f, path, config, key);
  return config;
}

/** `name:` and `external: true` (an existing object, used as named and never created or removed). */
function external(ctx: ServiceContext, f: Map<string, YamlNode>, path: string, config: NetworkConfig | VolumeConfig, key: string): void {
  const ext = f.get('external');
  if (ext) {
    if (ext.kind === 'map') fail(ctx, ext, `${path}.external must be a boolean (external.name is obsolete: use name:)`);
    config.external = bool(ctx, ext, `${path}.external`);
  }
  if (config.external) {
    config.name = key;
    for (const k of ['driver', 'driver_opts', 'labels', 'internal']) {
      if (f.has(k)) fail(ctx, f.get(k)!, `conflicting parameters "external" and "${k}" specified for ${path.replace('.', ' ')}`);
    }
  }
  if (f.has('name')) config.name = str(ctx, f.get('name')!, `${path}.name`);
}

function checkReferences(ctx: ServiceContext, project: ComposeProject): void {
  const names = new Set(project.services.map((s) => s.name));
  const containerNames = new Map<string, string>();
  for (const service of project.services) {
    const at = { line: service.line };
    const problem = (text: string) => fail(ctx, at, `service "${service.name}" ${text}: invalid compose project`);
    for (const net of Object.keys(service.networks)) {
      if (!(net in project.networks)) problem(`refers to undefined network ${net}`);
    }
    for (const mount of service.volumes) {
      if (mount.type === 'volume' && mount.source !== undefined && !(mount.source in project.volumes)) {
        problem(`refers to undefined volume ${mount.source}`);
      }
    }
    for (const [dep, { required }] of Object.entries(service.dependsOn)) {
      if (names.has(dep)) continue;
      if (required) problem(`depends on undefined service "${dep}"`);
      delete service.dependsOn[dep];
      ctx.warnings.push(`service "${service.name}" depends on undefined service "${dep}" (not required: ignored)`);
    }
    if (service.containerName) {
      const other = containerNames.get(service.containerName);
      if (other) problem(`has the same container_name "${service.containerName}" as service "${other}"`);
      containerNames.set(service.containerName, service.name);
    }
  }
  const ordered = dependencyOrder(project.services);
  if (!ordered.ok) {
    const first = project.services.find((s) => s.name === ordered.cycle[0])!;
    fail(ctx, { line: first.line }, ordered.error);
  }
}
