// Parsing the Go text/template subset Docker's --format uses: text and {{actions}} with
// fields (`.A.B`, `.`, `$`), literals, functions, pipes (`.X | upper`), parentheses, and
// if/else if/else/range/with…end, `{{-`/`-}}` trimming and `{{/* comments */}}`. Errors
// read like Go's: `template: :1: unclosed action`.

export type Arg =
  | { type: 'field'; root: boolean; chain: string[]; pos: number; text: string }
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'func'; name: string; pos: number }
  | { type: 'pipe'; pipe: Pipeline };

export interface Command { args: Arg[]; pos: number }
export interface Pipeline { commands: Command[] }

export type Node =
  | { type: 'text'; text: string }
  | { type: 'action'; pipe: Pipeline }
  | { type: 'if' | 'range' | 'with'; pipe: Pipeline; body: Node[]; otherwise: Node[] };

export class TemplateError extends Error {}

const parseError = (source: string, pos: number, message: string) =>
  new TemplateError(`template: :${source.slice(0, pos).split('\n').length}: ${message}`);

interface Action { body: string; pos: number }

/** Splits the source into text and actions, applying the trim markers. */
function split(source: string): (string | Action)[] {
  const parts: (string | Action)[] = [];
  let i = 0;
  let trimNext = false;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    let text = source.slice(i, open < 0 ? source.length : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open < 0) {
      if (text) parts.push(text);
      break;
    }
    let start = open + 2;
    if (source.startsWith('- ', start) || source.startsWith('-\t', start) || source.startsWith('-\n', start)) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text) parts.push(text);
    let end = start;
    let quote = '';
    for (; end < source.length; end++) {
      const c = source[end];
      if (quote) {
        if (c === '\\' && quote === '"') end++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === '`') quote = c;
      else if (source.startsWith('}}', end)) break;
    }
    if (end >= source.length) throw parseError(source, open, quote ? 'unterminated quoted string' : 'unclosed action');
    let body = source.slice(start, end);
    trimNext = /\s-$/.test(body);
    if (trimNext) body = body.slice(0, -1);
    parts.push({ body, pos: start });
    i = end + 2;
  }
  return parts;
}

type Token = { kind: 'word' | 'field' | 'string' | 'number' | '(' | ')' | '|'; text: string; pos: number };

function tokenize(source: string, action: Action): Token[] {
  const tokens: Token[] = [];
  const s = action.body;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const pos = action.pos + i;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === '|') { tokens.push({ kind: c, text: c, pos }); i++; continue; }
    let m: RegExpExecArray | null;
    if (c === '"' || c === '`') {
      m = c === '"' ? /^"(?:\\.|[^"\\])*"/.exec(s.slice(i)) : /^`[^`]*`/.exec(s.slice(i));
      if (!m) throw parseError(source, pos, 'unterminated quoted string');
      tokens.push({ kind: 'string', text: c === '"' ? JSON.parse(m[0]) : m[0].slice(1, -1), pos });
    } else if ((m = /^[$.](?:[A-Za-z_][A-Za-z0-9_]*)?(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(s.slice(i)))) {
      tokens.push({ kind: 'field', text: m[0], pos });
    } else if ((m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(s.slice(i)))) {
      tokens.push({ kind: 'number', text: m[0], pos });
    } else if ((m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i)))) {
      tokens.push({ kind: 'word', text: m[0], pos });
    } else {
      throw parseError(source, pos, `unexpected ${JSON.stringify(c)} in command`);
    }
    i += m[0].length;
  }
  return tokens;
}

/** Parses a template; `functions` are the names that may be called. */
export function parseTemplate(source: string, functions: ReadonlySet<string>): Node[] {
  const parts = split(source);
  let at = 0;

  const pipeline = (tokens: Token[], from: number, pos: number): [Pipeline, number] => {
    const commands: Command[] = [];
    let args: Arg[] = [];
    let cmdPos = tokens[from]?.pos ?? pos;
    let i = from;
    for (; i < tokens.length && tokens[i].kind !== ')'; i++) {
      const t = tokens[i];
      if (t.kind === '|') {
        if (args.length === 0) throw parseError(source, t.pos, 'unexpected "|" in command');
        commands.push({ args, pos: cmdPos });
        args = [];
        cmdPos = tokens[i + 1]?.pos ?? t.pos;
      } else if (t.kind === '(') {
        const [inner, next] = pipeline(tokens, i + 1, t.pos);
        if (tokens[next]?.kind !== ')') throw parseError(source, t.pos, 'unclosed left paren');
        args.push({ type: 'pipe', pipe: inner });
        i = next;
      } else if (t.kind === 'field') {
        const root = t.text.startsWith('$');
        if (root && t.text.length > 1 && t.text[1] !== '.') throw parseError(source, t.pos, `undefined variable "${t.text}"`);
        args.push({ type: 'field', root, chain: t.text.split('.').slice(1).filter((p) => p !== ''), pos: t.pos, text: t.text });
      } else if (t.kind === 'string') args.push({ type: 'literal', value: t.text });
      else if (t.kind === 'number') args.push({ type: 'literal', value: Number(t.text) });
      else if (t.text === 'true' || t.text === 'false') args.push({ type: 'literal', value: t.text === 'true' });
      else if (t.text === 'nil') args.push({ type: 'literal', value: null });
      else if (functions.has(t.text)) args.push({ type: 'func', name: t.text, pos: t.pos });
      else throw parseError(source, t.pos, `function ${JSON.stringify(t.text)} not defined`);
    }
    // Go accepts a trailing `|` with nothing after it
    if (args.length > 0) commands.push({ args, pos: cmdPos });
    else if (commands.length === 0) throw parseError(source, pos, 'missing value for command');
    return [{ commands }, i];
  };

  const actionPipe = (tokens: Token[], from: number, action: Action): Pipeline => {
    const [pipe, end] = pipeline(tokens, from, action.pos);
    if (end < tokens.length) throw parseError(source, tokens[end].pos, `unexpected ")" in command`);
    return pipe;
  };

  /** Parses nodes until {{end}} / {{else}}; returns the word that stopped it. */
  const list = (inBlock: boolean): [Node[], 'end' | 'else' | 'else if' | 'eof', Token[]] => {
    const nodes: Node[] = [];
    while (at < parts.length) {
      const part = parts[at++];
      if (typeof part === 'string') { nodes.push({ type: 'text', text: part }); continue; }
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(part.body)) continue;
      const tokens = tokenize(source, part);
      const word = tokens[0]?.kind === 'word' ? tokens[0].text : '';
      if (word === 'end' || word === 'else') {
        if (!inBlock) throw parseError(source, part.pos, `unexpected {{${word}}}`);
        if (word === 'else' && tokens[1]?.text === 'if') return [nodes, 'else if', tokens.slice(2)];
        return [nodes, word, tokens];
      }
      if (word === 'if' || word === 'range' || word === 'with') nodes.push(block(word, actionPipe(tokens, 1, part)));
      else nodes.push({ type: 'action', pipe: actionPipe(tokens, 0, part) });
    }
    if (inBlock) throw parseError(source, source.length, 'unexpected EOF');
    return [nodes, 'eof', []];
  };

  const block = (type: 'if' | 'range' | 'with', pipe: Pipeline): Node => {
    const [body, stop, rest] = list(true);
    let otherwise: Node[] = [];
    if (stop === 'else') [otherwise] = list(true);
    else if (stop === 'else if') {
      const action = { body: '', pos: 0 };
      otherwise = [block('if', actionPipe(rest, 0, action))];
      return { type, pipe, body, otherwise };
    }
    return { type, pipe, body, otherwise };
  };

  return list(false)[0];
}
