// Reading typed values out of YAML nodes, with errors that name the line and the path the way
// compose's schema check does (`services.web Additional property foo is not allowed`).

import { YamlError } from './yaml-scalar';
import type { YamlMap, YamlNode, YamlSeq } from './yaml-scalar';

export interface ReadContext {
  file: string;
  /** absolute project directory, for relative paths */
  workingDir: string;
  warnings: string[];
}

export function fail(ctx: ReadContext, node: { line: number }, problem: string): never {
  throw new YamlError(ctx.file, node.line, problem);
}

export function asMap(ctx: ReadContext, node: YamlNode, path: string): YamlMap {
  return node.kind === 'map' ? node : fail(ctx, node, `${path} must be a mapping`);
}

export function asSeq(ctx: ReadContext, node: YamlNode, path: string): YamlSeq {
  return node.kind === 'seq' ? node : fail(ctx, node, `${path} must be a list`);
}

/** Refuses keys the schema does not list (`x-` extensions are always allowed). */
export function checkKeys(ctx: ReadContext, map: YamlMap, path: string, allowed: readonly string[]): void {
  for (const { key } of map.pairs) {
    if (!allowed.includes(key.text) && !key.text.startsWith('x-')) {
      fail(ctx, key, `${path} Additional property ${key.text} is not allowed`);
    }
  }
}

/** The pairs of a mapping as key text → value node. */
export function fields(map: YamlMap): Map<string, YamlNode> {
  return new Map(map.pairs.map((p) => [p.key.text, p.value]));
}

export function isNull(node: YamlNode): boolean {
  return node.kind === 'scalar' && node.value === null && node.style === 'plain';
}

/** A string value: any non-null scalar, as written (`8080`, `true`, `1.10` keep their text). */
export function str(ctx: ReadContext, node: YamlNode, path: string): string {
  if (node.kind === 'scalar' && !isNull(node)) return node.text;
  return fail(ctx, node, `${path} must be a string`);
}

export function bool(ctx: ReadContext, node: YamlNode, path: string): boolean {
  if (node.kind === 'scalar') {
    if (typeof node.value === 'boolean') return node.value;
    if (/^(true|false)$/i.test(node.text)) return node.text.toLowerCase() === 'true';
  }
  return fail(ctx, node, `${path} must be a boolean`);
}

export function int(ctx: ReadContext, node: YamlNode, path: string): number {
  if (node.kind === 'scalar' && /^[-+]?[0-9]+$/.test(node.text)) return Number(node.text);
  return fail(ctx, node, `${path} must be an integer`);
}

export function num(ctx: ReadContext, node: YamlNode, path: string): number {
  if (node.kind === 'scalar' && node.text.trim() !== '' && Number.isFinite(Number(node.text))) return Number(node.text);
  return fail(ctx, node, `${path} must be a number`);
}

export function strList(ctx: ReadContext, node: YamlNode, path: string): string[] {
  return asSeq(ctx, node, path).items.map((item) => str(ctx, item, `${path}.[]`));
}

/** `value` or `[value, …]` */
export function strOrList(ctx: ReadContext, node: YamlNode, path: string): string[] {
  return node.kind === 'seq' ? strList(ctx, node, path) : [str(ctx, node, path)];
}

/**
 * A mapping (`KEY: value`) or a list (`- KEY=value`), as environment, labels and build args
 * are written. A null value (`KEY:` or `- KEY` alone) comes back as undefined.
 */
export function dictionary(ctx: ReadContext, node: YamlNode, path: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  if (node.kind === 'seq') {
    for (const item of node.items) {
      const text = str(ctx, item, `${path}.[]`);
      const eq = text.indexOf('=');
      const key = eq < 0 ? text : text.slice(0, eq);
      if (out.has(key)) fail(ctx, item, `${path} contains duplicate key ${key}`);
      out.set(key, eq < 0 ? undefined : text.slice(eq + 1));
    }
    return out;
  }
  for (const { key, value } of asMap(ctx, node, path).pairs) {
    if (value.kind !== 'scalar') fail(ctx, value, `${path}.${key.text} must be a string, number, boolean or null`);
    out.set(key.text, isNull(value) ? undefined : value.text);
  }
  return out;
}

/** A dictionary whose null values are errors or dropped: labels, driver options. */
export function stringDictionary(ctx: ReadContext, node: YamlNode, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of dictionary(ctx, node, path)) out[key] = value ?? '';
  return out;
}

/** `a/../b` → `b`, relative paths resolved against `base` (POSIX paths, no file system). */
export function resolvePath(base: string, path: string): string {
  const full = path.startsWith('/') ? path : `${base}/${path}`;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
