// `docker commit -c` (and `docker import -c`): Dockerfile instructions applied to an image's
// config. Docker accepts CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER,
// VOLUME and WORKDIR here; JSON (exec) or shell form as in a Dockerfile.
import type { ContainerConfig } from './types';

export type ChangeResult = { ok: true; config: ContainerConfig } | { ok: false; error: string };

const ALLOWED = ['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'LABEL', 'ONBUILD', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];

/** A JSON array of strings (exec form), or null when the text is not one. */
function jsonForm(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null;
  }
}

/** Splits `a=1 b="two words" c='x'` into words, quotes removed (Dockerfile word rules, simplified). */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** `KEY=value` pairs of ENV and LABEL (`ENV KEY value` is the legacy one-pair form). */
function pairs(instruction: string, rest: string): [string, string][] | string {
  const words = splitWords(rest);
  if (words.length === 0) return `${instruction} requires at least one argument`;
  if (!words[0].includes('=')) {
    const space = rest.search(/\s/);
    if (space < 0) return `${instruction} must have two arguments`;
    return [[words[0], rest.slice(space).trim()]];
  }
  const out: [string, string][] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) return `${instruction} names can not be blank`;
    out.push([w.slice(0, eq), w.slice(eq + 1)]);
  }
  return out;
}

function commandForm(rest: string): string[] {
  return jsonForm(rest) ?? ['/bin/sh', '-c', rest];
}

/** Applies each change (`CMD ["sh"]`, `ENV A=1`) to a copy of the config. */
export function applyChanges(base: ContainerConfig, changes: readonly string[]): ChangeResult {
  const config: ContainerConfig = JSON.parse(JSON.stringify(base));
  for (const change of changes) {
    const text = change.trim();
    if (!text) continue;
    const space = text.search(/\s/);
    const instruction = (space < 0 ? text : text.slice(0, space)).toUpperCase();
    const rest = space < 0 ? '' : text.slice(space).trim();
    if (!ALLOWED.includes(instruction)) return { ok: false, error: `${instruction.toLowerCase()} is not a valid change command` };
    switch (instruction) {
      case 'CMD':
        config.Cmd = commandForm(rest);
        break;
      case 'ENTRYPOINT':
        config.Entrypoint = commandForm(rest);
        break;
      case 'ENV': {
        const found = pairs('ENV', rest);
        if (typeof found === 'string') return { ok: false, error: found };
        const env = [...(config.Env ?? [])];
        for (const [k, v] of found) {
          const i = env.findIndex((e) => e.split('=')[0] === k);
          if (i >= 0) env[i] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
        }
        config.Env = env;
        break;
      }
      case 'LABEL': {
        const found = pairs('LABEL', rest);
        if (typeof found === 'string') return { ok: false, error: found };
        config.Labels = { ...(config.Labels ?? {}) };
        for (const [k, v] of found) config.Labels[k] = v;
        break;
      }
      case 'EXPOSE': {
        config.ExposedPorts = { ...(config.ExposedPorts ?? {}) };
        for (const port of splitWords(rest)) {
          if (!/^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(port)) return { ok: false, error: `invalid containerPort: ${port}` };
          config.ExposedPorts[port.includes('/') ? port.toLowerCase() : `${port}/tcp`] = {};
        }
        break;
      }
      case 'VOLUME': {
        config.Volumes = { ...(config.Volumes ?? {}) };
        for (const v of jsonForm(rest) ?? splitWords(rest)) config.Volumes[v] = {};
        break;
      }
      case 'WORKDIR':
        config.WorkingDir = rest.startsWith('/') ? rest : `${(config.WorkingDir || '/').replace(/\/$/, '')}/${rest}`;
        break;
      case 'USER':
        config.User = rest;
        break;
      case 'STOPSIGNAL':
        config.StopSignal = rest;
        break;
      case 'ONBUILD':
        config.OnBuild = [...(config.OnBuild ?? []), rest];
        break;
    }
  }
  return { ok: true, config };
}

/** Docker's created_by of a commit: the container's command as one line. */
export function commitCreatedBy(path: string, args: readonly string[]): string {
  return [path, ...args].join(' ');
}

/** The env a container had that came from the engine, not the image or -e: left out of a commit. */
export function commitEnv(containerEnv: readonly string[], imageEnv: readonly string[]): string[] {
  const fromImage = new Set(imageEnv.map((e) => e.split('=')[0]));
  return containerEnv.filter((e) => {
    const key = e.split('=')[0];
    return fromImage.has(key) || !['HOSTNAME', 'HOME', 'TERM'].includes(key);
  });
}
