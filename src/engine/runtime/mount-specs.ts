// `-v`, `--mount` and `--tmpfs`, read as Docker reads them (pure): what to mount where.
//   -v NAME:/path[:ro]      a named volume          -v /path         an anonymous volume
//   -v /host:/path[:ro]     a bind mount (./rel is relative to the client's directory)
//   --mount type=volume|bind|tmpfs,source=…,target=…[,readonly][,volume-nocopy][,tmpfs-size=…]
//   --tmpfs /path[:size=64m,mode=1777]

import { normalizePath } from '../build/dockerfile/config';

export type MountSpec =
  | { type: 'volume'; name: string | null; target: string; readonly: boolean; nocopy: boolean }
  | { type: 'bind'; source: string; target: string; readonly: boolean; /** -v makes a missing source directory; --mount refuses */ create: boolean }
  | { type: 'tmpfs'; target: string; options: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** `/a/./b/` → `/a/b` (the same cleaning as a Dockerfile's paths) */
export const cleanAbsolute = normalizePath;

const resolveHostPath = (path: string, cwd: string) => cleanAbsolute(path.startsWith('/') ? path : `${cwd}/${path}`);

function target(raw: string, type: string): Parsed<string> {
  if (!raw) return { ok: false, error: `invalid mount config for type "${type}": field Target must not be empty` };
  if (!raw.startsWith('/')) return { ok: false, error: `invalid mount config for type "${type}": invalid mount path: '${raw}' mount path must be absolute` };
  const clean = cleanAbsolute(raw);
  if (clean === '/') return { ok: false, error: `invalid specification: destination can't be '/'` };
  return { ok: true, value: clean };
}

/** One `-v` value. */
export function parseVolumeFlag(raw: string, cwd: string): Parsed<MountSpec> {
  const parts = raw.split(':');
  if (parts.length > 3 || parts.some((p) => p === '')) return { ok: false, error: `invalid spec: ${raw}: empty section between colons` };
  if (parts.length === 1) {
    const t = target(parts[0], 'volume');
    return t.ok ? { ok: true, value: { type: 'volume', name: null, target: t.value, readonly: false, nocopy: false } } : t;
  }
  const [source, dest, mode = ''] = parts;
  const modes = mode ? mode.split(',') : [];
  const unknown = modes.find((m) => !['ro', 'rw', 'nocopy', 'z', 'Z', 'rprivate', 'private', 'rslave', 'slave', 'rshared', 'shared'].includes(m));
  if (unknown) return { ok: false, error: `invalid mode: ${mode}` };
  const readonly = modes.includes('ro');
  const isPath = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
  if (!isPath) {
    if (!VOLUME_NAME.test(source)) {
      return { ok: false, error: `create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path` };
    }
    const t = target(dest, 'volume');
    return t.ok ? { ok: true, value: { type: 'volume', name: source, target: t.value, readonly, nocopy: modes.includes('nocopy') } } : t;
  }
  if (source.startsWith('~')) return { ok: false, error: `invalid spec: ${raw}: ~ is not expanded (the client's home is not known to the engine)` };
  const t = target(dest, 'bind');
  return t.ok ? { ok: true, value: { type: 'bind', source: resolveHostPath(source, cwd), target: t.value, readonly, create: true } } : t;
}

/** One `--mount` value: comma-separated key=value fields (readonly may stand alone). */
export function parseMountFlag(raw: string, cwd: string): Parsed<MountSpec> {
  const fields = new Map<string, string>();
  for (const field of raw.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? 'true' : field.slice(eq + 1);
    const canonical = { src: 'source', dst: 'target', destination: 'target', ro: 'readonly' }[key] ?? key;
    if (!['type', 'source', 'target', 'readonly', 'volume-nocopy', 'tmpfs-size', 'tmpfs-mode', 'bind-propagation', 'consistency'].includes(canonical)) {
      return { ok: false, error: `invalid argument "${raw}" for "--mount" flag: unexpected key '${key}' in '${field}'` };
    }
    fields.set(canonical, value);
  }
  const bool = (key: string): Parsed<boolean> => {
    const v = fields.get(key);
    if (v === undefined) return { ok: true, value: false };
    if (['true', '1'].includes(v.toLowerCase())) return { ok: true, value: true };
    if (['false', '0'].includes(v.toLowerCase())) return { ok: true, value: false };
    return { ok: false, error: `invalid argument "${raw}" for "--mount" flag: invalid value for ${key}: ${v}` };
  };
  const type = fields.get('type') ?? 'volume';
  const dest = target(fields.get('target') ?? '', type);
  if (!dest.ok) return dest;
  const readonly = bool('readonly');
  if (!readonly.ok) return readonly;
  if (type === 'volume') {
    const name = fields.get('source') || null;
    if (name !== null && !VOLUME_NAME.test(name)) return { ok: false, error: `invalid mount config for type "volume": invalid volume name "${name}"` };
    const nocopy = bool('volume-nocopy');
    if (!nocopy.ok) return nocopy;
    return { ok: true, value: { type, name, target: dest.value, readonly: readonly.value, nocopy: nocopy.value } };
  }
  if (type === 'bind') {
    const source = fields.get('source');
    if (!source) return { ok: false, error: 'invalid mount config for type "bind": field Source must not be empty' };
    return { ok: true, value: { type, source: resolveHostPath(source, cwd), target: dest.value, readonly: readonly.value, create: false } };
  }
  if (type === 'tmpfs') {
    if (fields.has('source')) return { ok: false, error: 'invalid mount config for type "tmpfs": field Source must not be specified' };
    const options = [fields.has('tmpfs-size') ? `size=${fields.get('tmpfs-size')}` : '', fields.has('tmpfs-mode') ? `mode=${fields.get('tmpfs-mode')}` : '']
      .filter(Boolean).join(',');
    return { ok: true, value: { type, target: dest.value, options: readonly.value ? ['ro', options].filter(Boolean).join(',') : options } };
  }
  return { ok: false, error: `invalid argument "${raw}" for "--mount" flag: invalid mount type: ${type}` };
}

/** One `--tmpfs` value: `/path[:options]`. */
export function parseTmpfsFlag(raw: string): Parsed<MountSpec> {
  const colon = raw.indexOf(':');
  const dest = target(colon < 0 ? raw : raw.slice(0, colon), 'tmpfs');
  if (!dest.ok) return dest;
  const options = colon < 0 ? '' : raw.slice(colon + 1);
  if (/[^\w=,.-]/.test(options)) return { ok: false, error: `invalid tmpfs options: ${options}` };
  return { ok: true, value: { type: 'tmpfs', target: dest.value, options } };
}

/** Every mount of a container, the image's VOLUMEs as anonymous volumes where nothing else is mounted. */
export function collectMounts(
  flags: { volumes: readonly string[]; mounts: readonly string[]; tmpfs: readonly string[] }, imageVolumes: readonly string[], cwd: string,
): Parsed<MountSpec[]> {
  const specs: MountSpec[] = [];
  const parsed = [
    ...flags.volumes.map((v) => parseVolumeFlag(v, cwd)), ...flags.mounts.map((m) => parseMountFlag(m, cwd)), ...flags.tmpfs.map(parseTmpfsFlag),
  ];
  for (const p of parsed) {
    if (!p.ok) return p;
    if (specs.some((s) => s.target === p.value.target)) return { ok: false, error: `Duplicate mount point: ${p.value.target}` };
    specs.push(p.value);
  }
  for (const path of imageVolumes) {
    const clean = cleanAbsolute(path);
    if (!specs.some((s) => s.target === clean)) specs.push({ type: 'volume', name: null, target: clean, readonly: false, nocopy: false });
  }
  return { ok: true, value: specs };
}
