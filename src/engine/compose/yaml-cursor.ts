// The reading position in a YAML text (line and column), with the pieces that do not care
// about block structure: comments and line ends, anchors and aliases, quoted scalars that may
// span lines, and flow collections (`[a, b]`, `{a: 1}`).

import { YamlError, decodeEscape, scalar } from './yaml-scalar';
import type { YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from './yaml-scalar';

const FLOW_INDICATORS = ',[]{}';

export class Cursor {
  readonly lines: string[];
  /** 0-based line and column of the next character to read */
  ln = 0;
  pos = 0;
  protected anchors = new Map<string, YamlNode>();

  constructor(text: string, readonly file: string) {
    this.lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  }

  error(problem: string, line = this.ln + 1): YamlError {
    return new YamlError(this.file, line, problem);
  }

  get text(): string {
    return this.lines[this.ln] ?? '';
  }

  protected skipSpaces(): void {
    const s = this.text;
    while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t')) this.pos++;
  }

  /** Only spaces or a comment left on this line (a comment needs a space before its `#`). */
  protected restIsEmpty(): boolean {
    const s = this.text;
    let i = this.pos;
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
    return i === s.length || (s[i] === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t'));
  }

  /** The node is complete: nothing but a comment may follow it on its line. */
  protected endLine(): void {
    if (!this.restIsEmpty()) {
      this.skipSpaces();
      throw this.error(this.text[this.pos] === ':' ? 'mapping values are not allowed here' : 'did not find expected key');
    }
    this.ln++;
    this.pos = 0;
  }

  /** `&name` (and refuses `!tags`): the anchor, if any; the cursor is left on what follows. */
  protected properties(): string | undefined {
    let anchor: string | undefined;
    for (;;) {
      const c = this.text[this.pos];
      if (c === '!') throw this.error('tags are not supported');
      if (c !== '&') return anchor;
      if (anchor !== undefined) throw this.error('found more than one anchor on a node');
      anchor = this.name();
      this.skipSpaces();
    }
  }

  /** The name after `&` or `*`. */
  private name(): string {
    const s = this.text;
    const start = ++this.pos;
    while (this.pos < s.length && !' \t'.includes(s[this.pos]) && !FLOW_INDICATORS.includes(s[this.pos])) this.pos++;
    if (this.pos === start) throw this.error('did not find expected alphabetic or numeric character');
    return s.slice(start, this.pos);
  }

  protected setAnchor<T extends YamlNode>(node: T, anchor: string | undefined): T {
    if (anchor === undefined) return node;
    this.anchors.set(anchor, node);
    if (node.anchor === undefined) node.anchor = anchor;
    return node;
  }

  /** `*name`: the node anchored earlier (the same object, so it keeps its own lines). */
  protected alias(): YamlNode {
    const line = this.ln + 1;
    const name = this.name();
    const node = this.anchors.get(name);
    if (node === undefined) throw this.error(`unknown anchor '${name}' referenced`, line);
    return node;
  }

  /** A single- or double-quoted scalar starting at the cursor; may span lines (folded). */
  protected quoted(): YamlScalar {
    const quote = this.text[this.pos];
    const line = this.ln + 1;
    const col = this.pos + 1;
    this.pos++;
    let out = '';
    for (;;) {
      const s = this.text;
      let keep = out.length;
      let escapedBreak = false;
      while (this.pos < s.length) {
        const c = s[this.pos];
        if (c === quote) {
          if (quote === "'" && s[this.pos + 1] === "'") {
            out += "'";
            this.pos += 2;
            continue;
          }
          this.pos++;
          return scalar(out, quote === '"' ? 'double' : 'single', line, col);
        }
        if (quote === '"' && c === '\\') {
          if (this.pos + 1 === s.length) {
            escapedBreak = true;
            this.pos++;
            break;
          }
          const escape = decodeEscape(s, this.pos + 1);
          if (!escape) throw this.error('found unknown escape character while parsing a quoted scalar');
          out += escape.char;
          this.pos += 1 + escape.used;
          keep = out.length;
          continue;
        }
        out += c;
        this.pos++;
      }
      if (!escapedBreak) out = out.slice(0, keep) + out.slice(keep).replace(/[ \t]+$/, '');
      let empty = 0;
      this.ln++;
      while (this.ln < this.lines.length && this.text.trim() === '') {
        empty++;
        this.ln++;
      }
      if (this.ln >= this.lines.length) throw this.error('found unexpected end of stream', line);
      out += empty > 0 ? '\n'.repeat(empty) : escapedBreak ? '' : ' ';
      this.pos = 0;
      this.skipSpaces();
    }
  }

  /** Spaces, line breaks and comments inside a flow collection. */
  private skipFlowSpace(openLine: number, close: string): void {
    for (;;) {
      this.skipSpaces();
      if (this.pos < this.text.length && this.text[this.pos] !== '#') return;
      this.ln++;
      this.pos = 0;
      if (this.ln >= this.lines.length) throw this.error(`did not find expected ',' or '${close}'`, openLine);
    }
  }

  /** A flow node: `[…]`, `{…}`, a quoted or plain scalar, an alias. */
  protected flowNode(close: string, openLine: number): YamlNode {
    this.skipFlowSpace(openLine, close);
    const anchor = this.properties();
    const c = this.text[this.pos];
    if (c === '[' || c === '{') return this.setAnchor(c === '[' ? this.flowSeq() : this.flowMap(), anchor);
    if (c === '*') return this.alias();
    if (c === '"' || c === "'") return this.setAnchor(this.quoted(), anchor);
    return this.setAnchor(this.flowPlain(), anchor);
  }

  private flowPlain(): YamlScalar {
    const s = this.text;
    const start = this.pos;
    while (this.pos < s.length) {
      const c = s[this.pos];
      const next = s[this.pos + 1];
      if (FLOW_INDICATORS.includes(c)) break;
      if (c === ':' && (next === undefined || next === ' ' || FLOW_INDICATORS.includes(next))) break;
      if (c === '#' && (s[this.pos - 1] === ' ' || s[this.pos - 1] === '\t')) break;
      this.pos++;
    }
    return scalar(s.slice(start, this.pos).trim(), 'plain', this.ln + 1, start + 1);
  }

  protected flowSeq(): YamlSeq {
    const seq: YamlSeq = { kind: 'seq', items: [], line: this.ln + 1, col: this.pos + 1 };
    this.pos++;
    for (;;) {
      this.skipFlowSpace(seq.line, ']');
      if (this.text[this.pos] === ']') break;
      seq.items.push(this.flowNode(']', seq.line));
      this.skipFlowSpace(seq.line, ']');
      const c = this.text[this.pos];
      if (c === ']') break;
      if (c !== ',') throw this.error("did not find expected ',' or ']'");
      this.pos++;
    }
    this.pos++;
    return seq;
  }

  protected flowMap(): YamlMap {
    const map: YamlMap = { kind: 'map', pairs: [], line: this.ln + 1, col: this.pos + 1 };
    const seen = new Map<string, number>();
    this.pos++;
    for (;;) {
      this.skipFlowSpace(map.line, '}');
      if (this.text[this.pos] === '}') break;
      const key = this.flowNode('}', map.line);
      if (key.kind !== 'scalar') throw this.error('only scalar keys are supported', key.line);
      this.skipFlowSpace(map.line, '}');
      let value: YamlNode = scalar('', 'plain', key.line, key.col);
      if (this.text[this.pos] === ':') {
        this.pos++;
        this.skipFlowSpace(map.line, '}');
        const c = this.text[this.pos];
        if (c !== ',' && c !== '}') value = this.flowNode('}', map.line);
      }
      addPair(this, map, seen, { key, value });
      this.skipFlowSpace(map.line, '}');
      const c = this.text[this.pos];
      if (c === '}') break;
      if (c !== ',') throw this.error("did not find expected ',' or '}'");
      this.pos++;
    }
    this.pos++;
    return map;
  }
}

/** Adds a pair to a mapping; a key seen before is an error naming both lines. */
export function addPair(cursor: Cursor, map: YamlMap, seen: Map<string, number>, pair: YamlPair): void {
  const previous = seen.get(pair.key.text);
  if (previous !== undefined) {
    throw cursor.error(`mapping key ${JSON.stringify(pair.key.text)} already defined at line ${previous}`, pair.key.line);
  }
  seen.set(pair.key.text, pair.key.line);
  map.pairs.push(pair);
}
