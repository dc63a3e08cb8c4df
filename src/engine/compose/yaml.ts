// A YAML reader for compose files: block mappings and sequences at any indentation, flow
// collections, plain/quoted/block scalars, comments, anchors, aliases and `<<` merge keys.
// One document; every node keeps its line and column. Errors throw a YamlError whose message
// names the line (`compose.yaml:7: mapping values are not allowed here`).

import { Cursor, addPair } from './yaml-cursor';
import { blockScalarValue, parseBlockHeader, scalar } from './yaml-scalar';
import type { YamlMap, YamlNode, YamlScalar, YamlSeq } from './yaml-scalar';

export { YamlError, resolvePlain } from './yaml-scalar';
export type { ScalarStyle, ScalarValue, YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from './yaml-scalar';

/** The document's root node, or null for an empty document. */
export function parseYaml(text: string, file = 'compose.yaml'): YamlNode | null {
  return new BlockParser(text, file).document();
}

const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t';

class BlockParser extends Cursor {
  document(): YamlNode | null {
    if (this.nextContent() >= 0 && /^%/.test(this.text)) throw this.error('directives are not supported');
    if (this.isMarker('---')) {
      this.pos = 3;
      if (!this.restIsEmpty()) throw this.error('content on the `---` line is not supported');
      this.endLine();
    }
    const root = this.blockAfter(-1, false);
    this.nextContent();
    if (this.ln < this.lines.length) {
      if (this.isMarker('---')) throw this.error('multiple documents are not supported');
      if (!this.isMarker('...')) throw this.error('did not find expected <document start>');
      this.ln++;
      this.nextContent();
      if (this.ln < this.lines.length) throw this.error('did not find expected <document start>');
    }
    return root;
  }

  private isMarker(marker: string): boolean {
    const s = this.text;
    return s.startsWith(marker) && isBlank(s[3]);
  }

  /**
   * Moves to the next line with content (skipping blank and comment lines) and returns its
   * indentation, or -1 at the end of the text or at a document marker.
   */
  private nextContent(): number {
    this.pos = 0;
    for (; this.ln < this.lines.length; this.ln++) {
      const s = this.text;
      const trimmed = s.trimStart();
      if (trimmed === '' || trimmed[0] === '#') continue;
      if (this.isMarker('---') || this.isMarker('...')) return -1;
      let indent = 0;
      while (s[indent] === ' ') indent++;
      if (s[indent] === '\t') throw this.error('found a tab character that violates indentation');
      return indent;
    }
    return -1;
  }

  private isSeqEntry(at: number): boolean {
    return this.text[at] === '-' && isBlank(this.text[at + 1]);
  }

  /**
   * The node on the following lines, deeper than `indent` (or a sequence at `indent` itself,
   * as a mapping's value may be), or null when there is none.
   */
  private blockAfter(indent: number, seqAtIndent: boolean): YamlNode | null {
    const at = this.nextContent();
    if (at < 0) return null;
    if (at > indent || (seqAtIndent && at === indent && this.isSeqEntry(at))) {
      this.pos = at;
      return this.blockNode(indent);
    }
    return null;
  }

  /** A node starting at the cursor in block context, inside a collection indented `indent`. */
  private blockNode(indent: number): YamlNode {
    const line = this.ln + 1;
    const col = this.pos + 1;
    if (this.isSeqEntry(this.pos)) return this.sequence(this.pos);
    const anchor = this.properties();
    if (anchor !== undefined && this.restIsEmpty()) {
      this.endLine();
      return this.setAnchor(this.blockAfter(indent, false) ?? scalar('', 'plain', line, col), anchor);
    }
    if (this.isImplicitKey()) return this.setAnchor(this.mapping(this.pos), anchor);
    return this.setAnchor(this.inline(indent, line, col), anchor);
  }

  /** A value on the same line as its key or dash: alias, flow, quoted, block or plain scalar. */
  private inline(indent: number, line: number, col: number): YamlNode {
    const c = this.text[this.pos];
    let node: YamlNode;
    if (c === '*') node = this.alias();
    else if (c === '[') node = this.flowSeq();
    else if (c === '{') node = this.flowMap();
    else if (c === '"' || c === "'") node = this.quoted();
    else if (c === '|' || c === '>') return this.blockScalar(indent, line, col);
    else if (this.isSeqEntry(this.pos)) throw this.error('block sequence entries are not allowed in this context');
    else if (c === '?') throw this.error('complex mapping keys are not supported');
    else if (c === '@' || c === '`') throw this.error(`found character that cannot start any token`);
    else return this.plain(indent);
    this.endLine();
    return node;
  }

  /** Does a `key:` start at the cursor? */
  private isImplicitKey(): boolean {
    const s = this.text;
    let i = this.pos;
    const c = s[i];
    if (c === '"' || c === "'") {
      for (i++; i < s.length; i++) {
        if (c === "'" && s[i] === "'" && s[i + 1] === "'") i++;
        else if (c === '"' && s[i] === '\\') i++;
        else if (s[i] === c) break;
      }
      if (i >= s.length) return false;
      for (i++; s[i] === ' ' || s[i] === '\t'; i++);
      return s[i] === ':' && isBlank(s[i + 1]);
    }
    if ('[{*|>!&'.includes(c)) return false;
    for (; i < s.length; i++) {
      if (s[i] === ':' && isBlank(s[i + 1])) return true;
      if (s[i] === '#' && (s[i - 1] === ' ' || s[i - 1] === '\t')) return false;
    }
    return false;
  }

  /** A block mapping whose keys are at column `col`. */
  private mapping(col: number): YamlMap {
    const map: YamlMap = { kind: 'map', pairs: [], line: this.ln + 1, col: col + 1 };
    const seen = new Map<string, number>();
    const merges: YamlNode[] = [];
    for (;;) {
      if (!this.isImplicitKey()) {
        throw this.error(this.isSeqEntry(this.pos) ? "did not find expected key" : "could not find expected ':'");
      }
      const key = this.key();
      this.skipSpaces();
      let value: YamlNode;
      const anchor = this.properties();
      if (this.restIsEmpty()) {
        this.endLine();
        value = this.setAnchor(this.blockAfter(col, true) ?? scalar('', 'plain', key.line, key.col), anchor);
      } else {
        value = this.setAnchor(this.inline(col, this.ln + 1, this.pos + 1), anchor);
      }
      if (key.text === '<<' && key.style === 'plain') merges.push(value);
      else addPair(this, map, seen, { key, value });
      const at = this.nextContent();
      if (at < col) break;
      if (at > col) throw this.error('did not find expected key');
      this.pos = at;
      if (this.isSeqEntry(at)) throw this.error('did not find expected key');
    }
    for (const merge of merges) {
      for (const source of merge.kind === 'seq' ? merge.items : [merge]) {
        if (source.kind !== 'map') throw this.error('map merge requires map or sequence of maps as the value', merge.line);
        for (const pair of source.pairs) {
          if (seen.has(pair.key.text)) continue;
          seen.set(pair.key.text, pair.key.line);
          map.pairs.push(pair);
        }
      }
    }
    return map;
  }

  /** The key at the cursor and its `:`. */
  private key(): YamlScalar {
    const c = this.text[this.pos];
    let key: YamlScalar;
    if (c === '"' || c === "'") {
      key = this.quoted();
      this.skipSpaces();
    } else {
      const s = this.text;
      const start = this.pos;
      while (!(s[this.pos] === ':' && isBlank(s[this.pos + 1]))) this.pos++;
      key = scalar(s.slice(start, this.pos).trimEnd(), 'plain', this.ln + 1, start + 1);
    }
    this.pos++;
    return key;
  }

  /** A block sequence whose dashes are at column `col`. */
  private sequence(col: number): YamlSeq {
    const seq: YamlSeq = { kind: 'seq', items: [], line: this.ln + 1, col: col + 1 };
    for (;;) {
      const line = this.ln + 1;
      this.pos = col + 1;
      this.skipSpaces();
      if (this.restIsEmpty()) {
        this.endLine();
        seq.items.push(this.blockAfter(col, false) ?? scalar('', 'plain', line, col + 1));
      } else {
        seq.items.push(this.blockNode(col));
      }
      const at = this.nextContent();
      if (at < col || (at === col && !this.isSeqEntry(at))) break;
      if (at > col) throw this.error("did not find expected '-' indicator");
    }
    return seq;
  }

  /** A plain scalar; it continues on following lines deeper than `indent` (folded). */
  private plain(indent: number): YamlScalar {
    const line = this.ln + 1;
    const col = this.pos + 1;
    let { text, stop } = this.plainPart();
    let last = this.ln;
    let empty = 0;
    for (this.ln++; !stop && this.ln < this.lines.length; this.ln++) {
      const s = this.text;
      const trimmed = s.trim();
      if (trimmed === '') {
        empty++;
        continue;
      }
      if (trimmed[0] === '#' || this.isMarker('---') || this.isMarker('...')) break;
      let at = 0;
      while (s[at] === ' ') at++;
      if (at <= indent) break;
      this.pos = at;
      const part = this.plainPart();
      if (part.text === '') throw this.error('mapping values are not allowed here');
      text += empty > 0 ? '\n'.repeat(empty) : ' ';
      text += part.text;
      stop = part.stop;
      empty = 0;
      last = this.ln;
    }
    this.ln = last;
    this.endLine();
    return scalar(text, 'plain', line, col);
  }

  /** The plain text from the cursor to `: `, ` #` or the end of the line. */
  private plainPart(): { text: string; stop: boolean } {
    const s = this.text;
    const start = this.pos;
    for (; this.pos < s.length; this.pos++) {
      const c = s[this.pos];
      if (c === ':' && isBlank(s[this.pos + 1])) break;
      if (c === '#' && (s[this.pos - 1] === ' ' || s[this.pos - 1] === '\t')) break;
    }
    return { text: s.slice(start, this.pos).trim(), stop: this.pos < s.length };
  }

  /** `|` or `>` at the cursor: the lines below, deeper than `indent`. */
  private blockScalar(indent: number, line: number, col: number): YamlScalar {
    const header = parseBlockHeader(this.text.slice(this.pos));
    if (typeof header === 'string') throw this.error(header);
    this.ln++;
    const base = Math.max(indent, 0);
    let contentIndent = header.indent > 0 ? base + header.indent : -1;
    const lines: string[] = [];
    for (; this.ln < this.lines.length; this.ln++) {
      const s = this.text;
      let at = 0;
      while (s[at] === ' ') at++;
      if (at === s.length || (contentIndent < 0 && s.trim() === '')) {
        lines.push(contentIndent >= 0 && at > contentIndent ? s.slice(contentIndent) : '');
        continue;
      }
      if (contentIndent < 0) {
        if (at <= indent) break;
        contentIndent = at;
      }
      if (at < contentIndent) break;
      if (at === 0 && (this.isMarker('---') || this.isMarker('...'))) break;
      lines.push(s.slice(contentIndent));
    }
    this.pos = 0;
    return scalar(blockScalarValue(header, lines), header.style, line, col);
  }
}
