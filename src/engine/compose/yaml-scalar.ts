// YAML nodes, errors, and the scalar rules: the YAML 1.2 core schema for plain scalars,
// escapes in double quotes, and how block scalars (`|`, `>`) fold and chomp their lines.

export type ScalarValue = string | number | boolean | null;
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

interface NodeBase {
  /** 1-based line and column where the node starts */
  line: number;
  col: number;
  anchor?: string;
}
export interface YamlScalar extends NodeBase {
  kind: 'scalar';
  /** the value as the YAML 1.2 core schema reads it (quoted and block scalars are strings) */
  value: ScalarValue;
  /** the scalar's text, before typing: `08`, `yes`, `1.0` stay as written */
  text: string;
  style: ScalarStyle;
}
export interface YamlPair {
  key: YamlScalar;
  value: YamlNode;
}
export interface YamlMap extends NodeBase {
  kind: 'map';
  pairs: YamlPair[];
}
export interface YamlSeq extends NodeBase {
  kind: 'seq';
  items: YamlNode[];
}
export type YamlNode = YamlScalar | YamlMap | YamlSeq;

/** A problem in the file, printed the way compose points at a line: `compose.yaml:7: …`. */
export class YamlError extends Error {
  constructor(readonly file: string, readonly line: number, readonly problem: string) {
    super(line > 0 ? `${file}:${line}: ${problem}` : `${file}: ${problem}`);
    this.name = 'YamlError';
  }
}

export function scalar(text: string, style: ScalarStyle, line: number, col: number): YamlScalar {
  const value = style === 'plain' ? resolvePlain(text) : text;
  return { kind: 'scalar', value, text, style, line, col };
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** The YAML 1.2 core schema: null, booleans, integers (decimal, 0o, 0x), floats, else text. */
export function resolvePlain(text: string): ScalarValue {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (INT.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT.test(text)) return Number(text);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text[0] === '-' ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** One escape after a backslash at `text[at]`: the character and how many source characters it used. */
export function decodeEscape(text: string, at: number): { char: string; used: number } | undefined {
  const c = text[at];
  if (c in ESCAPES) return { char: ESCAPES[c], used: 1 };
  const n = HEX_LENGTH[c];
  if (n === undefined) return undefined;
  const hex = text.slice(at + 1, at + 1 + n);
  if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) return undefined;
  return { char: String.fromCodePoint(code), used: 1 + n };
}

export interface BlockHeader {
  style: 'literal' | 'folded';
  chomp: 'strip' | 'clip' | 'keep';
  /** explicit indentation indicator (1–9), 0 when detected from the first line */
  indent: number;
}

/** `|`, `>-`, `|+`, `>2-`: the block scalar header, or an error text. */
export function parseBlockHeader(text: string): BlockHeader | string {
  const style = text[0] === '|' ? 'literal' : 'folded';
  let chomp: BlockHeader['chomp'] = 'clip';
  let indent = 0;
  let i = 1;
  for (; i < text.length && i < 3; i++) {
    const c = text[i];
    if ((c === '-' || c === '+') && chomp === 'clip') chomp = c === '-' ? 'strip' : 'keep';
    else if (c >= '1' && c <= '9' && indent === 0) indent = Number(c);
    else if (c === '0') return 'found an indentation indicator equal to 0';
    else break;
  }
  const rest = text.slice(i);
  if (rest !== '' && !/^[ \t]+(#.*)?$/.test(rest)) return 'did not find expected comment or line break';
  return { style, chomp, indent };
}

/**
 * The block scalar's value from its lines (indentation already removed, '' for empty lines,
 * trailing empty lines included): literal keeps line breaks, folded joins lines with a space
 * except around empty or more-indented lines; chomping decides the final line breaks.
 */
export function blockScalarValue(header: BlockHeader, lines: string[]): string {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  const body = lines.slice(0, end);
  const trailing = lines.length - end;
  const text = header.style === 'literal' ? body.join('\n') : fold(body);
  if (header.chomp === 'strip') return text;
  if (header.chomp === 'clip') return body.length > 0 ? text + '\n' : '';
  return body.length > 0 ? text + '\n' + '\n'.repeat(trailing) : '\n'.repeat(trailing);
}

function fold(lines: string[]): string {
  let out = '';
  let empty = 0;
  let first = true;
  let previousMore = false;
  for (const line of lines) {
    if (line === '') {
      empty++;
      continue;
    }
    const more = line[0] === ' ' || line[0] === '\t';
    if (first) out += '\n'.repeat(empty);
    else if (more || previousMore) out += '\n'.repeat(empty + 1);
    else out += empty === 0 ? ' ' : '\n'.repeat(empty);
    out += line;
    previousMore = more;
    empty = 0;
    first = false;
  }
  return out;
}
