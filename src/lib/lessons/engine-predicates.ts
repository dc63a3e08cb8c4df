// The `engine:` check language: one small sentence about the engine's state, read
// against an EngineState snapshot. Pure, so both the validator (does it parse?) and the
// app (does it hold?) use it. Grammar (words separated by spaces, `not` may lead):
//
//   container NAME exists | absent | created | running | paused | restarting | exited | dead
//   container NAME image REF          container NAME exit-code N
//   container NAME processes OP N     container NAME own NS   (its NS differs from the VM's)
//   containers [STATE] OP N           images OP N
//   image REF exists | absent         image REF layers OP N
//   image REF from REF2               (REF2's layers are the bottom layers of REF)
//
// OP is one of == != >= <= > <; NS one of pid mnt uts ipc net cgroup.
import type { ContainerState, EngineState, ImageState, NamespaceInodes } from '../../protocol/engine';

export const CONTAINER_STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;
export const NAMESPACES = ['pid', 'mnt', 'uts', 'ipc', 'net', 'cgroup'] as const;
export const OPS = ['==', '!=', '>=', '<=', '>', '<'] as const;
type Op = (typeof OPS)[number];
type Namespace = (typeof NAMESPACES)[number];

export interface Comparison { op: Op; value: number }

export type ContainerTest =
  | { kind: 'exists' } | { kind: 'absent' }
  | { kind: 'state'; state: string }
  | { kind: 'image'; ref: string }
  | { kind: 'exit-code'; value: number }
  | { kind: 'processes'; cmp: Comparison }
  | { kind: 'own'; ns: Namespace };

export type ImageTest =
  | { kind: 'exists' } | { kind: 'absent' }
  | { kind: 'layers'; cmp: Comparison }
  | { kind: 'from'; ref: string };

export type EnginePredicate = { negate: boolean } & (
  | { subject: 'container'; name: string; test: ContainerTest }
  | { subject: 'containers'; state?: string; cmp: Comparison }
  | { subject: 'image'; ref: string; test: ImageTest }
  | { subject: 'images'; cmp: Comparison });

export type ParsedPredicate = { ok: true; predicate: EnginePredicate } | { ok: false; error: string };

const isOp = (word: string): word is Op => (OPS as readonly string[]).includes(word);
const isCount = (word: string | undefined) => word !== undefined && /^\d+$/.test(word);

function comparison(words: string[], what: string): Comparison | string {
  const [op, value, ...rest] = words;
  if (!op || !isOp(op) || !isCount(value) || rest.length) return `${what} wants OP N (OP one of ${OPS.join(' ')}), got "${words.join(' ')}"`;
  return { op, value: Number(value) };
}

function containerTest(words: string[]): ContainerTest | string {
  const [word, arg, ...rest] = words;
  const single = arg === undefined;
  if ((word === 'exists' || word === 'absent') && single) return { kind: word };
  if ((CONTAINER_STATES as readonly string[]).includes(word ?? '') && single) return { kind: 'state', state: word! };
  if (word === 'image' && arg && !rest.length) return { kind: 'image', ref: arg };
  if (word === 'exit-code' && isCount(arg) && !rest.length) return { kind: 'exit-code', value: Number(arg) };
  if (word === 'processes') { const cmp = comparison(words.slice(1), 'processes'); return typeof cmp === 'string' ? cmp : { kind: 'processes', cmp }; }
  if (word === 'own' && (NAMESPACES as readonly string[]).includes(arg ?? '') && !rest.length) return { kind: 'own', ns: arg as Namespace };
  return `unknown container test "${words.join(' ')}" (exists, absent, a state, image REF, exit-code N, processes OP N, own NS)`;
}

function imageTest(words: string[]): ImageTest | string {
  const [word, arg, ...rest] = words;
  if ((word === 'exists' || word === 'absent') && arg === undefined) return { kind: word };
  if (word === 'layers') { const cmp = comparison(words.slice(1), 'layers'); return typeof cmp === 'string' ? cmp : { kind: 'layers', cmp }; }
  if (word === 'from' && arg && !rest.length) return { kind: 'from', ref: arg };
  return `unknown image test "${words.join(' ')}" (exists, absent, layers OP N, from REF)`;
}

export function parsePredicate(source: string): ParsedPredicate {
  let words = source.trim().split(/\s+/).filter(Boolean);
  const negate = words[0] === 'not';
  if (negate) words = words.slice(1);
  const [subject, name, ...rest] = words;
  const fail = (error: string): ParsedPredicate => ({ ok: false, error });
  switch (subject) {
    case 'container': {
      if (!name) return fail('container wants a NAME');
      const test = containerTest(rest);
      return typeof test === 'string' ? fail(test) : { ok: true, predicate: { negate, subject, name, test } };
    }
    case 'image': {
      if (!name) return fail('image wants a REF');
      const test = imageTest(rest);
      return typeof test === 'string' ? fail(test) : { ok: true, predicate: { negate, subject, ref: name, test } };
    }
    case 'containers': {
      const state = name && !isOp(name) ? name : undefined;
      if (state && !(CONTAINER_STATES as readonly string[]).includes(state)) return fail(`unknown container state "${state}"`);
      const cmp = comparison(words.slice(state ? 2 : 1), 'containers');
      return typeof cmp === 'string' ? fail(cmp) : { ok: true, predicate: { negate, subject, ...(state ? { state } : {}), cmp } };
    }
    case 'images': {
      const cmp = comparison(words.slice(1), 'images');
      return typeof cmp === 'string' ? fail(cmp) : { ok: true, predicate: { negate, subject, cmp } };
    }
    default:
      return fail(`unknown subject "${subject ?? ''}" (container, containers, image, images)`);
  }
}

/** `busybox` → `busybox:latest`; `docker.io/library/x` → `x` (how the engine names refs). */
export function normalizeRef(ref: string): string {
  const short = ref.replace(/^(docker\.io\/)?library\//, '');
  if (short.includes('@')) return short;
  const lastPart = short.slice(short.lastIndexOf('/') + 1);
  return lastPart.includes(':') ? short : `${short}:latest`;
}

export function findContainer(state: EngineState, name: string): ContainerState | undefined {
  return state.containers.find((c) => c.name === name)
    ?? (name.length >= 4 ? state.containers.find((c) => c.id.startsWith(name)) : undefined);
}

export function findImage(state: EngineState, ref: string): ImageState | undefined {
  const wanted = normalizeRef(ref);
  return state.images.find((i) => i.refs.some((r) => normalizeRef(r) === wanted))
    ?? (ref.length >= 4 ? state.images.find((i) => i.id.replace(/^sha256:/, '').startsWith(ref.replace(/^sha256:/, ''))) : undefined);
}

function compare(actual: number, { op, value }: Comparison): boolean {
  switch (op) {
    case '==': return actual === value;
    case '!=': return actual !== value;
    case '>=': return actual >= value;
    case '<=': return actual <= value;
    case '>': return actual > value;
    case '<': return actual < value;
  }
}

/** Whether it holds, and what was actually there (for the check's output). */
export interface PredicateResult { pass: boolean; actual: string }

function evaluateContainer(state: EngineState, name: string, test: ContainerTest): PredicateResult {
  const c = findContainer(state, name);
  if (test.kind === 'absent') return { pass: !c, actual: c ? `container ${name} exists (${c.state})` : `no container ${name}` };
  if (!c) return { pass: false, actual: `no container ${name}` };
  switch (test.kind) {
    case 'exists': return { pass: true, actual: `container ${name} exists (${c.state})` };
    case 'state': return { pass: c.state === test.state, actual: `container ${name} is ${c.state}` };
    case 'image': return { pass: normalizeRef(c.image) === normalizeRef(test.ref), actual: `container ${name} runs image ${c.image}` };
    case 'exit-code': return { pass: c.state === 'exited' && c.exitCode === test.value, actual: `container ${name} is ${c.state}, exit code ${c.exitCode}` };
    case 'processes': return { pass: compare(c.processes.length, test.cmp), actual: `container ${name} has ${c.processes.length} processes` };
    case 'own': {
      const inode = c.ns?.[test.ns as keyof NamespaceInodes];
      const host = state.hostNs[test.ns as keyof NamespaceInodes];
      const pass = inode !== undefined && host !== undefined && inode !== host;
      return { pass, actual: `container ${name}'s ${test.ns} namespace is ${inode ?? 'unknown'}, the VM's ${host ?? 'unknown'}` };
    }
  }
}

function evaluateImage(state: EngineState, ref: string, test: ImageTest): PredicateResult {
  const image = findImage(state, ref);
  if (test.kind === 'absent') return { pass: !image, actual: image ? `image ${ref} exists` : `no image ${ref}` };
  if (!image) return { pass: false, actual: `no image ${ref}` };
  switch (test.kind) {
    case 'exists': return { pass: true, actual: `image ${ref} exists` };
    case 'layers': return { pass: compare(image.layers.length, test.cmp), actual: `image ${ref} has ${image.layers.length} layers` };
    case 'from': {
      const base = findImage(state, test.ref);
      if (!base) return { pass: false, actual: `no image ${test.ref}` };
      const pass = base.layers.length <= image.layers.length && base.layers.every((l, i) => image.layers[i]?.diffId === l.diffId);
      return { pass, actual: pass ? `image ${ref} is built on ${test.ref}` : `image ${ref} does not start with ${test.ref}'s layers` };
    }
  }
}

export function evaluatePredicate(state: EngineState, predicate: EnginePredicate): PredicateResult {
  let result: PredicateResult;
  switch (predicate.subject) {
    case 'container': result = evaluateContainer(state, predicate.name, predicate.test); break;
    case 'image': result = evaluateImage(state, predicate.ref, predicate.test); break;
    case 'containers': {
      const n = state.containers.filter((c) => !predicate.state || c.state === predicate.state).length;
      result = { pass: compare(n, predicate.cmp), actual: `${n} ${predicate.state ? `${predicate.state} ` : ''}containers` };
      break;
    }
    case 'images': result = { pass: compare(state.images.length, predicate.cmp), actual: `${state.images.length} images` }; break;
  }
  return predicate.negate ? { ...result, pass: !result.pass } : result;
}
