// The service values that have a syntax of their own: ports (`127.0.0.1:8080:80/tcp`), volumes
// (`data:/var/lib/data:ro`), command lines split like a shell, durations and sizes.

import { parseBytes, parseDuration } from '../cli/values';
import { asMap, bool, checkKeys, fail, fields, int, resolvePath, str } from './read';
import type { ReadContext } from './read';
import type { PortMapping, ServiceMount } from './model';
import type { YamlNode } from './yaml-scalar';

type At = { line: number };

/**
 * `80`, `8080:80`, `127.0.0.1:8080:80/udp`, `[::1]::80`, `9090-9091:8080-8081` → mappings.
 * `where` names the item in errors: `services.web.ports[0]: invalid port "80:abc": invalid containerPort: abc`.
 */
export function parsePortSpec(ctx: ReadContext, at: At, text: string, where: string): PortMapping[] {
  const bad = (why: string): never => fail(ctx, at, `${where}: invalid port "${text}": ${why}`);
  let rest = text;
  let protocol: PortMapping['protocol'] = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    const proto = rest.slice(slash + 1);
    if (proto !== 'tcp' && proto !== 'udp') bad(`invalid proto: ${proto}`);
    protocol = proto as PortMapping['protocol'];
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close < 0) bad(`invalid IP address: ${rest}`);
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  if (parts.length > 3 || (hostIp !== undefined && parts.length !== 2)) bad('too many colons');
  if (parts.length === 3) hostIp = parts.shift();
  if (hostIp !== undefined && hostIp !== '' && !/^[0-9a-fA-F.:]+$/.test(hostIp)) bad(`invalid IP address: ${hostIp}`);
  const container = portRange(parts[parts.length - 1], 'containerPort', 1, bad);
  const host = parts.length === 2 && parts[0] !== '' ? portRange(parts[0], 'hostPort', 0, bad) : undefined;
  const ip = hostIp === '' ? undefined : hostIp;
  const count = container[1] - container[0] + 1;
  if (host && host[1] - host[0] + 1 !== count && count > 1) {
    bad(`invalid ranges specified for container and host Ports: ${parts[1]} and ${parts[0]}`);
  }
  const out: PortMapping[] = [];
  for (let i = 0; i < count; i++) {
    let published: string | undefined;
    if (host) published = count > 1 || host[0] === host[1] ? String(host[0] + i) : `${host[0]}-${host[1]}`;
    out.push({ target: container[0] + i, published, hostIp: ip, protocol });
  }
  return out;
}

function portRange(text: string, what: string, min: number, bad: (why: string) => never): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  const low = m ? Number(m[1]) : NaN;
  const high = m?.[2] !== undefined ? Number(m[2]) : low;
  if (!m || low < min || high > 65535 || high < low) bad(`invalid ${what}: ${text}`);
  return [low, high];
}

/** The long syntax: `{target, published, host_ip, protocol, mode}`. */
export function parsePortLong(ctx: ReadContext, node: YamlNode, path: string): PortMapping {
  const map = asMap(ctx, node, path);
  checkKeys(ctx, map, path, ['target', 'published', 'host_ip', 'protocol', 'mode', 'name', 'app_protocol']);
  const f = fields(map);
  const target = f.get('target');
  if (!target) return fail(ctx, map, `${path} target is required`);
  const protocol = f.has('protocol') ? str(ctx, f.get('protocol')!, `${path}.protocol`) : 'tcp';
  if (protocol !== 'tcp' && protocol !== 'udp') fail(ctx, f.get('protocol')!, `${path}.protocol: invalid proto: ${protocol}`);
  const targetText = String(int(ctx, target, `${path}.target`));
  const mapping: PortMapping = { target: portRange(targetText, 'containerPort', 1, (why) => fail(ctx, target, `${path}.target: ${why}`))[0], protocol };
  const published = f.get('published');
  if (published) {
    const text = str(ctx, published, `${path}.published`);
    portRange(text, 'hostPort', 0, (why) => fail(ctx, published, `${path}.published: ${why}`));
    mapping.published = text;
  }
  if (f.has('host_ip')) mapping.hostIp = str(ctx, f.get('host_ip')!, `${path}.host_ip`);
  return mapping;
}

const NAMED_VOLUME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** `name:/path[:ro]`, `./dir:/path`, `/abs:/path:rw`, `/path` (anonymous) → a mount. */
export function parseVolumeSpec(ctx: ReadContext, at: At, text: string): ServiceMount {
  const parts = text.split(':');
  const bad = (why: string): never => fail(ctx, at, `invalid volume specification: '${text}': ${why}`);
  if (parts.length > 3) bad('too many colons');
  if (parts.some((p) => p === '')) bad('empty section between colons');
  const target = parts.length === 1 ? parts[0] : parts[1];
  if (!target.startsWith('/')) bad('mount path must be absolute');
  const modes = parts.length === 3 ? parts[2].split(',') : [];
  for (const mode of modes) if (!['ro', 'rw', 'z', 'Z', 'nocopy'].includes(mode)) bad(`invalid mode: ${mode}`);
  const readOnly = modes.includes('ro');
  if (parts.length === 1) return { type: 'volume', target, readOnly, nocopy: false };
  const source = parts[0];
  if (source.startsWith('~')) bad('paths starting with ~ are not supported (there is no home directory to expand)');
  if (source.startsWith('.') || source.startsWith('/')) {
    if (modes.includes('nocopy')) bad('nocopy applies to volumes only');
    return { type: 'bind', source: resolvePath(ctx.workingDir, source), target, readOnly, createHostPath: true };
  }
  if (!NAMED_VOLUME.test(source)) bad(`"${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed`);
  return { type: 'volume', source, target, readOnly, nocopy: modes.includes('nocopy') };
}

/** The long syntax: `{type: volume|bind|tmpfs, source, target, read_only, bind, volume, tmpfs}`. */
export function parseVolumeLong(ctx: ReadContext, node: YamlNode, path: string): ServiceMount {
  const map = asMap(ctx, node, path);
  checkKeys(ctx, map, path, ['type', 'source', 'target', 'read_only', 'bind', 'volume', 'tmpfs', 'consistency']);
  const f = fields(map);
  const typeNode = f.get('type');
  if (!typeNode) return fail(ctx, map, `${path} type is required`);
  const type = str(ctx, typeNode, `${path}.type`);
  const targetNode = f.get('target');
  if (!targetNode) return fail(ctx, map, `${path} target is required`);
  const target = str(ctx, targetNode, `${path}.target`);
  if (!target.startsWith('/')) fail(ctx, targetNode, `invalid mount target, must be an absolute path: ${target}`);
  const source = f.has('source') ? str(ctx, f.get('source')!, `${path}.source`) : undefined;
  const readOnly = f.has('read_only') ? bool(ctx, f.get('read_only')!, `${path}.read_only`) : false;
  const options = (key: string, allowed: string[]) => {
    const sub = f.get(key);
    if (!sub) return new Map<string, YamlNode>();
    const m = asMap(ctx, sub, `${path}.${key}`);
    checkKeys(ctx, m, `${path}.${key}`, allowed);
    return fields(m);
  };
  for (const other of ['volume', 'bind', 'tmpfs']) {
    if (other !== type && f.has(other)) {
      fail(ctx, f.get(other)!, `${path}.${other}: options for "${other}" do not apply to a mount of type ${type}`);
    }
  }
  switch (type) {
    case 'volume': {
      const o = options('volume', ['nocopy', 'subpath']);
      if (o.has('subpath')) fail(ctx, o.get('subpath')!, `${path}.volume.subpath is not supported by Dockhand`);
      if (source !== undefined && !NAMED_VOLUME.test(source)) fail(ctx, f.get('source')!, `invalid volume name: ${source}`);
      const nocopy = o.has('nocopy') ? bool(ctx, o.get('nocopy')!, `${path}.volume.nocopy`) : false;
      return { type, source, target, readOnly, nocopy };
    }
    case 'bind': {
      const o = options('bind', ['create_host_path', 'propagation', 'selinux']);
      if (source === undefined) return fail(ctx, map, `${path}: a bind mount needs a source`);
      const create = o.has('create_host_path') ? bool(ctx, o.get('create_host_path')!, `${path}.bind.create_host_path`) : true;
      return { type, source: resolvePath(ctx.workingDir, source), target, readOnly, createHostPath: create };
    }
    case 'tmpfs': {
      const o = options('tmpfs', ['size', 'mode']);
      if (source !== undefined) fail(ctx, f.get('source')!, `${path}: a tmpfs mount has no source`);
      const mount: ServiceMount = { type, target };
      if (o.has('size')) mount.size = bytes(ctx, o.get('size')!, `${path}.tmpfs.size`);
      if (o.has('mode')) mount.mode = int(ctx, o.get('mode')!, `${path}.tmpfs.mode`);
      return mount;
    }
    default:
      return fail(ctx, typeNode, `${path}.type must be one of: volume, bind, tmpfs (${type} is not supported)`);
  }
}

/** A command line written as one string, split the way a POSIX shell splits words. */
export function shellSplit(ctx: ReadContext, at: At, text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) fail(ctx, at, `invalid command line string: unterminated quote in ${JSON.stringify(text)}`);
      word += text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && '"\\$`'.includes(text[i + 1])) i++;
        word += text[i];
      }
      if (i >= text.length) fail(ctx, at, `invalid command line string: unterminated quote in ${JSON.stringify(text)}`);
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
    } else {
      word += c;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** A Go duration (`30s`, `1m30s`) in seconds. */
export function duration(ctx: ReadContext, node: YamlNode, path: string): number {
  const parsed = parseDuration(str(ctx, node, path));
  return parsed.ok ? parsed.value : fail(ctx, node, `${path}: ${parsed.error}`);
}

/** A size (`512m`, `1g`, `1048576`) in bytes. */
export function bytes(ctx: ReadContext, node: YamlNode, path: string): number {
  const parsed = parseBytes(str(ctx, node, path));
  return parsed.ok ? parsed.value : fail(ctx, node, `${path}: ${parsed.error}`);
}
