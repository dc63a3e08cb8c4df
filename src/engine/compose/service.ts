// One service of the compose file → a ServiceConfig: every key checked against the schema,
// short syntaxes expanded (service-values.ts), environment completed from the variables.

import {
  asMap, asSeq, bool, checkKeys, dictionary, fail, fields, int, isNull, num, resolvePath, str, strList,
  stringDictionary,
} from './read';
import type { ReadContext } from './read';
import { bytes, duration, parsePortLong, parsePortSpec, parseVolumeLong, parseVolumeSpec, shellSplit } from './service-values';
import { parseEnvFile, type Env } from './interpolate';
import type { BuildConfig, DependCondition, Dependency, Healthcheck, ServiceConfig } from './model';
import type { YamlNode } from './yaml-scalar';

export interface ServiceContext extends ReadContext {
  /** the interpolation variables: `environment: [KEY]` takes its value from here */
  env: Env;
  /** reads a file of the project (env_file); null when it is not there */
  readFile?: (path: string) => string | null;
}

const SUPPORTED = [
  'image', 'build', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'expose', 'volumes', 'networks', 'depends_on',
  'restart', 'container_name', 'hostname', 'working_dir', 'user', 'healthcheck', 'labels', 'deploy', 'scale', 'tty',
  'stdin_open', 'init', 'privileged', 'cap_add', 'cap_drop', 'read_only', 'mem_limit', 'pids_limit', 'cpus',
  'stop_signal', 'stop_grace_period',
];

/** Keys of the Compose Specification that Dockhand refuses, with what to do instead. */
const UNSUPPORTED: Record<string, string> = {
  extends: 'copy the settings, or share them with a YAML anchor (&name, <<: *name)',
  profiles: 'every service is started',
  secrets: 'use a bind mount or environment:',
  configs: 'use a bind mount',
  network_mode: 'use networks:',
  links: 'services reach each other by name on the project network',
  volumes_from: 'mount the same named volume in both services',
  logging: 'logs are always kept in a file (docker compose logs)',
};
const OTHER_SPEC_KEYS = [
  'annotations', 'attach', 'blkio_config', 'cgroup', 'cgroup_parent', 'cpu_count', 'cpu_percent', 'cpu_period',
  'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares', 'cpuset', 'credential_spec', 'develop',
  'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search', 'domainname', 'external_links', 'extra_hosts',
  'gpus', 'group_add', 'ipc', 'isolation', 'label_file', 'mac_address', 'mem_reservation', 'mem_swappiness',
  'memswap_limit', 'oom_kill_disable', 'oom_score_adj', 'pid', 'platform', 'post_start', 'pre_stop', 'provider',
  'pull_policy', 'runtime', 'security_opt', 'shm_size', 'storage_opt', 'sysctls', 'tmpfs', 'ulimits', 'userns_mode',
  'uts', 'volume_driver',
];

export function normalizeService(ctx: ServiceContext, key: { text: string; line: number }, node: YamlNode): ServiceConfig {
  const name = key.text;
  const path = `services.${name}`;
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) fail(ctx, key, `services must be a mapping of valid names: ${JSON.stringify(name)}`);
  const map = asMap(ctx, node, path);
  for (const { key: k } of map.pairs) {
    if (k.text in UNSUPPORTED) fail(ctx, k, `${path}.${k.text} is not supported by Dockhand (${UNSUPPORTED[k.text]})`);
    if (OTHER_SPEC_KEYS.includes(k.text)) fail(ctx, k, `${path}.${k.text} is not supported by Dockhand`);
  }
  checkKeys(ctx, map, path, SUPPORTED);
  const f = fields(map);
  const get = (k: string) => {
    const v = f.get(k);
    return v === undefined || isNull(v) ? undefined : v;
  };
  const s = (k: string) => (get(k) ? str(ctx, get(k)!, `${path}.${k}`) : undefined);
  const b = (k: string) => (get(k) ? bool(ctx, get(k)!, `${path}.${k}`) : false);
  const commandLine = (k: string) => {
    const v = get(k);
    if (!v) return undefined;
    return v.kind === 'seq' ? strList(ctx, v, `${path}.${k}`) : shellSplit(ctx, v, str(ctx, v, `${path}.${k}`));
  };

  const service: ServiceConfig = {
    name, line: key.line,
    image: s('image'),
    build: get('build') && build(ctx, get('build')!, `${path}.build`),
    command: commandLine('command'),
    entrypoint: commandLine('entrypoint'),
    environment: { ...envFiles(ctx, get('env_file'), `${path}.env_file`), ...environment(ctx, get('environment'), `${path}.environment`) },
    ports: [], volumes: [],
    networks: networks(ctx, get('networks'), `${path}.networks`),
    dependsOn: dependsOn(ctx, get('depends_on'), `${path}.depends_on`),
    restart: restart(ctx, get('restart'), `${path}.restart`),
    containerName: s('container_name'), hostname: s('hostname'), workingDir: s('working_dir'), user: s('user'),
    healthcheck: get('healthcheck') && healthcheck(ctx, get('healthcheck')!, `${path}.healthcheck`),
    labels: get('labels') ? stringDictionary(ctx, get('labels')!, `${path}.labels`) : {},
    tty: b('tty'), stdinOpen: b('stdin_open'), init: b('init'), privileged: b('privileged'), readOnly: b('read_only'),
    capAdd: get('cap_add') ? strList(ctx, get('cap_add')!, `${path}.cap_add`) : [],
    capDrop: get('cap_drop') ? strList(ctx, get('cap_drop')!, `${path}.cap_drop`) : [],
    memLimit: get('mem_limit') && bytes(ctx, get('mem_limit')!, `${path}.mem_limit`),
    pidsLimit: get('pids_limit') && int(ctx, get('pids_limit')!, `${path}.pids_limit`),
    cpus: get('cpus') && num(ctx, get('cpus')!, `${path}.cpus`),
    stopSignal: s('stop_signal'),
    stopGracePeriod: get('stop_grace_period') && duration(ctx, get('stop_grace_period')!, `${path}.stop_grace_period`),
  };
  for (const [i, item] of (get('ports') ? asSeq(ctx, get('ports')!, `${path}.ports`).items : []).entries()) {
    if (item.kind === 'map') service.ports.push(parsePortLong(ctx, item, `${path}.ports[${i}]`));
    else service.ports.push(...parsePortSpec(ctx, item, str(ctx, item, `${path}.ports[${i}]`), `${path}.ports[${i}]`));
  }
  for (const item of get('volumes') ? asSeq(ctx, get('volumes')!, `${path}.volumes`).items : []) {
    if (item.kind === 'map') service.volumes.push(parseVolumeLong(ctx, item, `${path}.volumes.[]`));
    else service.volumes.push(parseVolumeSpec(ctx, item, str(ctx, item, `${path}.volumes.[]`)));
  }
  if (get('expose')) asSeq(ctx, get('expose')!, `${path}.expose`);
  if (get('cpus') && !(service.cpus! > 0)) fail(ctx, get('cpus')!, `${path}.cpus must be greater than 0`);
  if (get('scale')) onlyOne(ctx, get('scale')!, `${path}.scale`);
  if (get('deploy')) {
    const deploy = asMap(ctx, get('deploy')!, `${path}.deploy`);
    for (const { key: k } of deploy.pairs) {
      if (k.text !== 'replicas' && !k.text.startsWith('x-')) {
        fail(ctx, k, `${path}.deploy.${k.text} is not supported by Dockhand (only deploy.replicas: 1)`);
      }
    }
    const replicas = fields(deploy).get('replicas');
    if (replicas) onlyOne(ctx, replicas, `${path}.deploy.replicas`);
  }
  if (!service.image && !service.build) {
    fail(ctx, key, `service "${name}" has neither an image nor a build context specified: invalid compose project`);
  }
  return service;
}

function onlyOne(ctx: ServiceContext, node: YamlNode, path: string): void {
  if (int(ctx, node, path) !== 1) fail(ctx, node, `${path}: Dockhand runs one container per service (scale 1 only)`);
}

function build(ctx: ServiceContext, node: YamlNode, path: string): BuildConfig {
  if (node.kind === 'scalar') return { context: resolvePath(ctx.workingDir, str(ctx, node, path)), dockerfile: 'Dockerfile', args: {} };
  const map = asMap(ctx, node, path);
  checkKeys(ctx, map, path, ['context', 'dockerfile', 'args', 'target']);
  const f = fields(map);
  const config: BuildConfig = {
    context: resolvePath(ctx.workingDir, f.has('context') ? str(ctx, f.get('context')!, `${path}.context`) : '.'),
    dockerfile: f.has('dockerfile') ? str(ctx, f.get('dockerfile')!, `${path}.dockerfile`) : 'Dockerfile',
    args: {},
  };
  if (f.has('target')) config.target = str(ctx, f.get('target')!, `${path}.target`);
  if (f.has('args')) {
    for (const [k, v] of dictionary(ctx, f.get('args')!, `${path}.args`)) {
      const value = v ?? (Object.hasOwn(ctx.env, k) ? ctx.env[k] : undefined);
      if (value !== undefined) config.args[k] = value;
    }
  }
  return config;
}

/**
 * env_file: one path, a list of paths, or `{path, required}` items, relative to the project
 * directory; later files win, and environment: wins over them all (as in compose).
 */
function envFiles(ctx: ServiceContext, node: YamlNode | undefined, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!node) return out;
  const items = node.kind === 'seq' ? node.items : [node];
  for (const [i, item] of items.entries()) {
    const where = node.kind === 'seq' ? `${path}[${i}]` : path;
    let file: string;
    let required = true;
    if (item.kind === 'map') {
      checkKeys(ctx, item, where, ['path', 'required', 'format']);
      const f = fields(item);
      if (!f.get('path')) fail(ctx, item, `${where} path is required`);
      file = str(ctx, f.get('path')!, `${where}.path`);
      if (f.get('required')) required = bool(ctx, f.get('required')!, `${where}.required`);
    } else {
      file = str(ctx, item, where);
    }
    const absolute = resolvePath(ctx.workingDir, file);
    const text = ctx.readFile?.(absolute) ?? null;
    if (text === null) {
      if (required) fail(ctx, item, `${where}: env file ${absolute} not found: no such file or directory`);
      continue;
    }
    Object.assign(out, parseEnvFile(text, ctx.env, file));
  }
  return out;
}

function environment(ctx: ServiceContext, node: YamlNode | undefined, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!node) return out;
  for (const [k, v] of dictionary(ctx, node, path)) {
    const value = v ?? (Object.hasOwn(ctx.env, k) ? ctx.env[k] : undefined);
    if (value !== undefined) out[k] = value;
  }
  return out;
}

function networks(ctx: ServiceContext, node: YamlNode | undefined, path: string): ServiceConfig['networks'] {
  if (!node) return { default: { aliases: [] } };
  const out: ServiceConfig['networks'] = {};
  if (node.kind === 'seq') {
    for (const item of node.items) out[str(ctx, item, `${path}.[]`)] = { aliases: [] };
    return out;
  }
  for (const { key, value } of asMap(ctx, node, path).pairs) {
    const p = `${path}.${key.text}`;
    out[key.text] = { aliases: [] };
    if (isNull(value)) continue;
    const m = asMap(ctx, value, p);
    checkKeys(ctx, m, p, ['aliases']);
    const aliases = fields(m).get('aliases');
    if (aliases) out[key.text].aliases = strList(ctx, aliases, `${p}.aliases`);
  }
  return out;
}

const CONDITIONS: DependCondition[] = ['service_started', 'service_healthy', 'service_completed_successfully'];

function dependsOn(ctx: ServiceContext, node: YamlNode | undefined, path: string): Record<string, Dependency> {
  const out: Record<string, Dependency> = {};
  if (!node) return out;
  if (node.kind === 'seq') {
    for (const item of node.items) out[str(ctx, item, `${path}.[]`)] = { condition: 'service_started', restart: false, required: true };
    return out;
  }
  for (const { key, value } of asMap(ctx, node, path).pairs) {
    const p = `${path}.${key.text}`;
    const m = asMap(ctx, value, p);
    checkKeys(ctx, m, p, ['condition', 'restart', 'required']);
    const f = fields(m);
    const condition = f.has('condition') ? str(ctx, f.get('condition')!, `${p}.condition`) : 'service_started';
    if (!CONDITIONS.includes(condition as DependCondition)) {
      fail(ctx, f.get('condition')!, `${p}.condition must be one of the following: ${CONDITIONS.join(', ')}`);
    }
    out[key.text] = {
      condition: condition as DependCondition,
      restart: f.has('restart') ? bool(ctx, f.get('restart')!, `${p}.restart`) : false,
      required: f.has('required') ? bool(ctx, f.get('required')!, `${p}.required`) : true,
    };
  }
  return out;
}

function restart(ctx: ServiceContext, node: YamlNode | undefined, path: string): ServiceConfig['restart'] {
  if (!node) return 'no';
  const text = str(ctx, node, path);
  if (/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(text)) return text as ServiceConfig['restart'];
  return fail(ctx, node, `${path}: invalid restart policy "${text}" (no, always, on-failure[:max-retries], unless-stopped)`);
}

function healthcheck(ctx: ServiceContext, node: YamlNode, path: string): Healthcheck {
  const map = asMap(ctx, node, path);
  checkKeys(ctx, map, path, ['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable']);
  const f = fields(map);
  if (f.has('disable') && bool(ctx, f.get('disable')!, `${path}.disable`)) return { test: ['NONE'] };
  const testNode = f.get('test');
  if (!testNode) return fail(ctx, map, `${path}.test is required`);
  const test = testNode.kind === 'seq' ? strList(ctx, testNode, `${path}.test`) : ['CMD-SHELL', str(ctx, testNode, `${path}.test`)];
  if (!['NONE', 'CMD', 'CMD-SHELL'].includes(test[0])) {
    fail(ctx, testNode, `${path}.test must start with "CMD", "CMD-SHELL" or "NONE" (got ${JSON.stringify(test[0] ?? '')})`);
  }
  const check: Healthcheck = { test };
  const d = (k: string) => (f.has(k) ? duration(ctx, f.get(k)!, `${path}.${k}`) : undefined);
  check.interval = d('interval');
  check.timeout = d('timeout');
  check.startPeriod = d('start_period');
  check.startInterval = d('start_interval');
  if (f.has('retries')) check.retries = int(ctx, f.get('retries')!, `${path}.retries`);
  return check;
}
