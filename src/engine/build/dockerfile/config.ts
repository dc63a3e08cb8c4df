// Small helpers over the image config and paths, as Docker treats them during a build.
import type { ContainerConfig } from '../../oci/types';

/** A copy the build can change without touching the base image's config. */
export function copyConfig(c: ContainerConfig): ContainerConfig {
  return {
    ...c, ...(c.Env ? { Env: [...c.Env] } : {}), ...(c.Labels ? { Labels: { ...c.Labels } } : {}),
    ...(c.ExposedPorts ? { ExposedPorts: { ...c.ExposedPorts } } : {}), ...(c.Volumes ? { Volumes: { ...c.Volumes } } : {}),
  };
}

/** `K=v` → [K, v] */
export function splitEnv(kv: string): [string, string] {
  const eq = kv.indexOf('=');
  return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
}

/** Replaces K in place (keeping its position, as Docker does) or appends it. */
export function setEnv(env: string[], key: string, value: string): string[] {
  const i = env.findIndex((e) => splitEnv(e)[0] === key);
  return i < 0 ? [...env, `${key}=${value}`] : env.map((e, j) => (j === i ? `${key}=${value}` : e));
}

/** `/a/./b/../c//` → `/a/c` */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** A relative COPY destination lands in WORKDIR; a trailing `/` (meaning "a directory") stays. */
export function absoluteDest(dest: string, workdir: string): string {
  const abs = normalizePath(dest.startsWith('/') ? dest : `${workdir}/${dest}`);
  return (dest.endsWith('/') || dest.endsWith('/.') || dest === '.') && abs !== '/' ? abs + '/' : abs;
}
