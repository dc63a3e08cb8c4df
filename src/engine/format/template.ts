// Executing --format templates over plain values, with docker/cli's functions (json, upper,
// lower, title, join, split, pad, truncate) and Go's builtins Docker users reach for (index,
// len, eq, ne, not, and, or). Values print as Go prints them (`<no value>`, `[a b]`,
// `map[k:v]`), and errors read like Go's, e.g.
// `template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext`.
import { parseTemplate, TemplateError, type Arg, type Command, type Node, type Pipeline } from './template-parse';

export { TemplateError };

export interface ExecOptions {
  /** Go type of the root value, for the error about a missing field (`*formatter.ContainerContext`) */
  rootType?: string;
  /** `map has no entry for key "X"` instead of `<no value>` (what `docker inspect -f` does) */
  missingKeyError?: boolean;
  /** table headers: json, upper… return their argument unchanged so the header stays as named */
  header?: boolean;
}

/** `fail(message, i)` reports at the i-th argument's node, as Go does for a wrong type */
type Fn = (args: unknown[], fail: (message: string, argument?: number) => never) => unknown;

const goType = (v: unknown): string =>
  v === null || v === undefined ? 'interface {}' : Array.isArray(v) ? '[]interface {}'
    : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'float64' : typeof v === 'boolean' ? 'bool'
      : 'map[string]interface {}';

/** Go's truth for if/and/or: zero values and empty collections are false. */
export function isTrue(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** fmt's %v of a value, as text/template prints it. */
export function printValue(v: unknown, nested = false): string {
  if (v === null || v === undefined) return nested ? '<nil>' : '<no value>';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return '[' + v.map((x) => printValue(x, true)).join(' ') + ']';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return 'map[' + Object.keys(o).sort().map((k) => `${k}:${printValue(o[k], true)}`).join(' ') + ']';
  }
  return String(v);
}

type Fail = (message: string, argument?: number) => never;
const str = (a: unknown[], i: number, fail: Fail): string =>
  typeof a[i] === 'string' ? (a[i] as string) : fail(`wrong type for value; expected string; got ${goType(a[i])}`, i);
const int = (a: unknown[], i: number, fail: Fail): number =>
  typeof a[i] === 'number' && Number.isInteger(a[i]) ? (a[i] as number) : fail(`wrong type for value; expected int; got ${goType(a[i])}`, i);

function arity(name: string, want: number, args: unknown[], fail: Fail, atLeast = false) {
  if (atLeast ? args.length < want : args.length !== want) {
    fail(`wrong number of args for ${name}: want ${atLeast ? 'at least ' : ''}${want} got ${args.length}`);
  }
}

const unary = (name: string, f: (s: string) => string): Fn => (a, fail) => (arity(name, 1, a, fail), f(str(a, 0, fail)));

const BASE: Record<string, Fn> = {
  json: (a, fail) => (arity('json', 1, a, fail),
    (JSON.stringify(a[0]) ?? 'null').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')),
  upper: unary('upper', (s) => s.toUpperCase()),
  lower: unary('lower', (s) => s.toLowerCase()),
  title: unary('title', (s) => s.replace(/(^|[^\p{L}\p{N}_'])(\p{Ll})/gu, (_, b: string, c: string) => b + c.toUpperCase())),
  split: (a, fail) => (arity('split', 2, a, fail), str(a, 0, fail).split(str(a, 1, fail))),
  join: (a, fail) => {
    arity('join', 2, a, fail);
    if (!Array.isArray(a[0]) || a[0].some((x) => typeof x !== 'string')) {
      fail(`wrong type for value; expected []string; got ${goType(a[0])}`, 0);
    }
    return (a[0] as string[]).join(str(a, 1, fail));
  },
  pad: (a, fail) => {
    arity('pad', 3, a, fail);
    const s = str(a, 0, fail);
    return s === '' ? s : ' '.repeat(int(a, 1, fail)) + s + ' '.repeat(int(a, 2, fail));
  },
  truncate: (a, fail) => {
    arity('truncate', 2, a, fail);
    const chars = Array.from(str(a, 0, fail));
    return chars.slice(0, int(a, 1, fail)).join('');
  },
  len: (a, fail) => {
    arity('len', 1, a, fail);
    const v = a[0];
    if (typeof v === 'string' || Array.isArray(v)) return v.length;
    if (v && typeof v === 'object') return Object.keys(v).length;
    return fail(`error calling len: len of type ${goType(v)}`);
  },
  index: (a, fail) => {
    arity('index', 1, a, fail, true);
    let v = a[0];
    for (const key of a.slice(1)) {
      if (Array.isArray(v) && typeof key === 'number') {
        if (key < 0 || key >= v.length) fail(`error calling index: index out of range: ${key}`);
        v = v[key];
      } else if (v && typeof v === 'object' && !Array.isArray(v) && typeof key === 'string') {
        v = (v as Record<string, unknown>)[key];
      } else fail(`error calling index: cannot index slice/array with type ${goType(key)}`);
    }
    return v;
  },
  eq: (a, fail) => (arity('eq', 1, a, fail, true), a.slice(1).some((b) => b === a[0])),
  ne: (a, fail) => (arity('ne', 2, a, fail), a[0] !== a[1]),
  not: (a, fail) => (arity('not', 1, a, fail), !isTrue(a[0])),
  and: (a, fail) => (arity('and', 1, a, fail, true), a.find((v) => !isTrue(v)) ?? a[a.length - 1]),
  or: (a, fail) => (arity('or', 1, a, fail, true), a.find((v) => isTrue(v)) ?? a[a.length - 1]),
};

/** docker/cli's HeaderFunctions: leave the header text alone (pad still pads). */
const identity: Fn = (a) => a[0];
const HEADER: Record<string, Fn> = {
  ...BASE, json: identity, upper: identity, lower: identity, title: identity, split: identity, join: identity, truncate: identity,
};

export const FUNCTION_NAMES: ReadonlySet<string> = new Set(Object.keys(BASE));

export class Template {
  private readonly nodes: Node[];

  /** Throws TemplateError with Go's parse error text. */
  constructor(readonly source: string) {
    this.nodes = parseTemplate(source, FUNCTION_NAMES);
  }

  /** Runs the template over `data`; throws TemplateError with Go's execution error text. */
  execute(data: unknown, options: ExecOptions = {}): string {
    return new Run(this.source, data, options).nodes(this.nodes, data);
  }
}

class Run {
  private readonly funcs: Record<string, Fn>;
  constructor(private readonly source: string, private readonly root: unknown, private readonly options: ExecOptions) {
    this.funcs = options.header ? HEADER : BASE;
  }

  private fail(pos: number, context: string, message: string): never {
    const before = this.source.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - (before.lastIndexOf('\n') + 1);
    throw new TemplateError(`template: :${line}:${column}: executing "" at <${context}>: ${message}`);
  }

  nodes(nodes: readonly Node[], dot: unknown): string {
    let out = '';
    for (const node of nodes) {
      if (node.type === 'text') out += node.text;
      else if (node.type === 'action') out += printValue(this.pipe(node.pipe, dot));
      else {
        const value = this.pipe(node.pipe, dot);
        if (node.type === 'if') out += this.nodes(isTrue(value) ? node.body : node.otherwise, dot);
        else if (node.type === 'with') out += isTrue(value) ? this.nodes(node.body, value) : this.nodes(node.otherwise, dot);
        else out += this.range(node.body, node.otherwise, value, dot);
      }
    }
    return out;
  }

  private range(body: Node[], otherwise: Node[], value: unknown, dot: unknown): string {
    const items = Array.isArray(value) ? value
      : value && typeof value === 'object' ? Object.keys(value).sort().map((k) => (value as Record<string, unknown>)[k])
        : value === null || value === undefined ? [] : undefined;
    if (items === undefined) throw new TemplateError(`template: :1: range can't iterate over ${printValue(value)}`);
    return items.length === 0 ? this.nodes(otherwise, dot) : items.map((item) => this.nodes(body, item)).join('');
  }

  private pipe(pipe: Pipeline, dot: unknown): unknown {
    let value: unknown;
    pipe.commands.forEach((command, i) => { value = this.command(command, dot, i > 0, value); });
    return value;
  }

  private command(command: Command, dot: unknown, piped: boolean, input: unknown): unknown {
    const [first, ...rest] = command.args;
    if (first.type === 'func') {
      const args = [...rest.map((a) => this.arg(a, dot)), ...(piped ? [input] : [])];
      return this.funcs[first.name](args, (message, i) => {
        const at = i === undefined ? undefined : rest[i];
        return at?.type === 'field' ? this.fail(at.pos, at.text, message) : this.fail(first.pos, first.name, message);
      });
    }
    const value = this.arg(first, dot, rest.length > 0 || piped);
    if (typeof value === 'function') return value(...rest.map((a) => this.arg(a, dot)), ...(piped ? [input] : []));
    if (rest.length > 0 || piped) {
      if (this.options.header && typeof value === 'string') return value;
      const what = first.type === 'field' ? first.text : printValue(value);
      const where = first.type === 'field' ? first.pos : command.pos;
      this.fail(where, what, `${first.type === 'field' ? first.chain[first.chain.length - 1] ?? '.' : what} is not a method but has arguments`);
    }
    return value;
  }

  private arg(arg: Arg, dot: unknown, keepFunction = false): unknown {
    switch (arg.type) {
      case 'literal': return arg.value;
      case 'pipe': return this.pipe(arg.pipe, dot);
      case 'func': return this.funcs[arg.name]([], (m) => this.fail(arg.pos, arg.name, m));
      case 'field': {
        let value = arg.root ? this.root : dot;
        for (const name of arg.chain) value = this.field(value, name, arg);
        return typeof value === 'function' && !keepFunction ? value() : value;
      }
    }
  }

  private field(receiver: unknown, name: string, at: Extract<Arg, { type: 'field' }>): unknown {
    const fail = (message: string) => this.fail(at.pos, at.text, message);
    if (receiver === null || receiver === undefined) return fail(`nil pointer evaluating interface {}.${name}`);
    if (typeof receiver !== 'object' || Array.isArray(receiver)) {
      return fail(`can't evaluate field ${name} in type ${goType(receiver)}`);
    }
    if (Object.prototype.hasOwnProperty.call(receiver, name)) return (receiver as Record<string, unknown>)[name];
    if (receiver === this.root && this.options.rootType) return fail(`can't evaluate field ${name} in type ${this.options.rootType}`);
    if (this.options.missingKeyError) return fail(`map has no entry for key "${name}"`);
    return undefined;
  }
}
