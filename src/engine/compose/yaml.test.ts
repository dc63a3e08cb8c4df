import { describe, expect, it } from 'vitest';
import { parseYaml, resolvePlain } from './yaml';
import type { YamlMap, YamlNode, YamlScalar } from './yaml';

/** The tree as plain JavaScript values, to compare with toEqual. */
function js(node: YamlNode | null): unknown {
  if (node === null) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(js);
  return Object.fromEntries(node.pairs.map((p) => [p.key.text, js(p.value)]));
}
const load = (text: string) => js(parseYaml(text));
const errorOf = (text: string) => {
  try {
    parseYaml(text);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('block collections', () => {
  it.each<[string, string, unknown]>([
    ['a mapping', 'a: 1\nb: two\n', { a: 1, b: 'two' }],
    ['nested mappings, indent 2', 'a:\n  b:\n    c: x\n', { a: { b: { c: 'x' } } }],
    ['nested mappings, indent 4', 'a:\n    b: 1\n    c: 2\nd: 3\n', { a: { b: 1, c: 2 }, d: 3 }],
    ['odd indentation', 'a:\n   b: 1\n   c:\n        d: 2\n', { a: { b: 1, c: { d: 2 } } }],
    ['a sequence', '- a\n- b\n', ['a', 'b']],
    ['a sequence under a key, indented', 'k:\n  - a\n  - b\n', { k: ['a', 'b'] }],
    ['a sequence under a key, not indented', 'k:\n- a\n- b\nz: 1\n', { k: ['a', 'b'], z: 1 }],
    ['nested sequences', '- - a\n  - b\n- - c\n', [['a', 'b'], ['c']]],
    ['a deeper dash continues a plain item', '- a\n - b\n', ['a - b']],
    ['compact mappings in a sequence', '- name: a\n  port: 1\n- name: b\n', [{ name: 'a', port: 1 }, { name: 'b' }]],
    ['a sequence inside a compact mapping', '- k:\n  - x\n  j: 2\n', [{ k: ['x'], j: 2 }]],
    ['an item on the next line', '-\n  a: 1\n-\n', [{ a: 1 }, null]],
    ['empty values are null', 'a:\nb: \nc: ~\n', { a: null, b: null, c: null }],
    ['keys with spaces and dots', 'com.example.label: x\nmy key: y\n', { 'com.example.label': 'x', 'my key': 'y' }],
    ['quoted keys', '"a b": 1\n\'c\': 2\n', { 'a b': 1, c: 2 }],
    ['a colon inside a value', 'url: http://x:80/a\nt: a:b\n', { url: 'http://x:80/a', t: 'a:b' }],
    ['a root indented as a whole', '  a: 1\n  b: 2\n', { a: 1, b: 2 }],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n', { a: 1, b: ['x'] }],
  ])('%s', (_name, text, expected) => expect(load(text)).toEqual(expected));
});

describe('comments and documents', () => {
  it.each<[string, string, unknown]>([
    ['full-line and trailing comments', '# top\na: 1 # one\n  # indented comment\nb: 2\n', { a: 1, b: 2 }],
    ['a # without a space before it is text', 'a: b#c\n', { a: 'b#c' }],
    ['a comment after a key with no value', 'a: # nothing\n  b: 1\n', { a: { b: 1 } }],
    ['--- at the start', '---\na: 1\n', { a: 1 }],
    ['... at the end', 'a: 1\n...\n', { a: 1 }],
    ['an empty document', '# only a comment\n\n', null],
    ['a byte order mark', '\uFEFFa: 1\n', { a: 1 }],
  ])('%s', (_name, text, expected) => expect(load(text)).toEqual(expected));
});

describe('scalars', () => {
  it.each<[string, unknown]>([
    ['null', null], ['~', null], ['NULL', null], ['true', true], ['False', false], ['TRUE', true],
    ['yes', 'yes'], ['no', 'no'], ['on', 'on'], ['42', 42], ['-7', -7], ['+3', 3], ['0o17', 15], ['0x1F', 31],
    ['1.5', 1.5], ['.5', 0.5], ['1e3', 1000], ['.inf', Infinity], ['-.Inf', -Infinity], ['08', 8],
    ['8080:80', '8080:80'], ['1.2.3', '1.2.3'], ['0b101', '0b101'], ['12:30:00', '12:30:00'],
  ])('plain %j → %j (YAML 1.2 core schema)', (text, value) => expect(resolvePlain(text)).toEqual(value));

  it('.nan is NaN', () => expect(resolvePlain('.nan')).toBeNaN());

  it('keeps the original text beside the typed value', () => {
    const root = parseYaml('a: 08\nb: "true"\nc: 1.10\n') as YamlMap;
    const [a, b, c] = root.pairs.map((p) => p.value as YamlScalar);
    expect([a.value, a.text, a.style]).toEqual([8, '08', 'plain']);
    expect([b.value, b.text, b.style]).toEqual(['true', 'true', 'double']);
    expect([c.value, c.text]).toEqual([1.1, '1.10']);
  });

  it.each<[string, string, unknown]>([
    ['single quotes, doubled quote', "a: 'it''s'\n", 'it\'s'],
    ['single quotes keep backslashes', "a: 'c:\\dir\\n'\n", 'c:\\dir\\n'],
    ['double quotes, escapes', 'a: "tab\\there\\nnew \\"q\\" \\\\ \\x41\\u00e9\\U0001F600"\n', 'tab\there\nnew "q" \\ Aé😀'],
    ['double quotes, # is text', 'a: "x # y" # real comment\n', 'x # y'],
    ['quoted empty string is not null', 'a: ""\n', ''],
    ['multi-line double quotes fold', 'a: "one\n  two\n\n  three"\n', 'one two\nthree'],
    ['escaped line break joins', 'a: "one\\\n  two"\n', 'onetwo'],
    ['multi-line single quotes fold', "a: 'one\n   two'\n", 'one two'],
    ['multi-line plain scalar folds', 'a: one\n  two\n\n  three\nb: 1\n', 'one two\nthree'],
    ['plain scalar ends at a comment', 'a: one # c\nb: 2\n', 'one'],
    ['plain with inner spaces', 'a:   spaced   out  \n', 'spaced   out'],
  ])('%s', (_name, text, expected) => expect((load(text) as { a: unknown }).a).toEqual(expected));
});

describe('block scalars', () => {
  it.each<[string, string, unknown]>([
    ['literal keeps line breaks', 'a: |\n  one\n   two\n  three\n', 'one\n two\nthree\n'],
    ['literal strip', 'a: |-\n  one\n  two\n\n', 'one\ntwo'],
    ['literal keep', 'a: |+\n  one\n\n\nb: 1\n', 'one\n\n\n'],
    ['literal clip drops extra trailing lines', 'a: |\n  one\n\n\nb: 1\n', 'one\n'],
    ['folded joins lines', 'a: >\n  one\n  two\n\n  three\n', 'one two\nthree\n'],
    ['folded strip', 'a: >-\n  one\n  two\n', 'one two'],
    ['folded keeps more-indented lines', 'a: >\n  one\n    code\n  two\n', 'one\n  code\ntwo\n'],
    ['explicit indentation indicator', 'a: |2\n    indented\n  base\n', '  indented\nbase\n'],
    ['indicator and chomping in either order', 'a: |-2\n  x\nb: >+1\n y\n', 'x'],
    ['a comment after the header', 'a: | # note\n  x\n', 'x\n'],
    ['a # inside is text', 'a: |\n  # not a comment\n  echo hi\n', '# not a comment\necho hi\n'],
    ['empty block scalar', 'a: |\nb: 1\n', ''],
    ['leading empty lines kept', 'a: |\n\n  x\n', '\nx\n'],
    ['a block scalar in a sequence', 'a:\n  - |\n    line\n  - b\n', ['line\n', 'b']],
  ])('%s', (_name, text, expected) => expect((load(text) as { a: unknown }).a).toEqual(expected));
});

describe('flow collections', () => {
  it.each<[string, string, unknown]>([
    ['a flow sequence', 'a: [x, "y z", 3, true]\n', ['x', 'y z', 3, true]],
    ['an empty flow sequence', 'a: []\n', []],
    ['a flow mapping', 'a: {b: 1, "c": two}\n', { b: 1, c: 'two' }],
    ['an empty flow mapping', 'a: {}\n', {}],
    ['nesting', 'a: {b: [1, {c: d}], e: []}\n', { b: [1, { c: 'd' }], e: [] }],
    ['across lines, with comments and a trailing comma', 'a: [\n  x, # first\n  y,\n]\n', ['x', 'y']],
    ['a colon without a space is part of a flow scalar', 'a: [8080:80, "127.0.0.1:1:2"]\n', ['8080:80', '127.0.0.1:1:2']],
    ['a key with no value', 'a: {b, c: 1}\n', { b: null, c: 1 }],
    ['healthcheck-style', 'a: ["CMD", "curl", "-f", "http://localhost"]\n', ['CMD', 'curl', '-f', 'http://localhost']],
  ])('%s', (_name, text, expected) => expect((load(text) as { a: unknown }).a).toEqual(expected));
});

describe('anchors, aliases and merge keys', () => {
  it('an alias is the anchored node', () => {
    expect(load('a: &x {p: 1}\nb: *x\nc: &s hello\nd: *s\n')).toEqual({ a: { p: 1 }, b: { p: 1 }, c: 'hello', d: 'hello' });
  });
  it('an anchor on a block mapping on the following lines', () => {
    expect(load('x-common: &common\n  image: busybox\n  tty: true\nweb:\n  <<: *common\n  tty: false\n')).toEqual({
      'x-common': { image: 'busybox', tty: true }, web: { tty: false, image: 'busybox' },
    });
  });
  it('explicit keys win over merged ones, earlier merge sources over later ones', () => {
    expect(load('a: &a {k: 1, m: a}\nb: &b {k: 2, n: b}\nc:\n  <<: [*a, *b]\n  m: own\n')).toMatchObject({
      c: { m: 'own', k: 1, n: 'b' },
    });
  });
  it('an anchored sequence and a sequence item alias', () => {
    expect(load('a: &l\n  - 1\n  - 2\nb: *l\nc:\n  - *l\n')).toEqual({ a: [1, 2], b: [1, 2], c: [[1, 2]] });
  });
  it('an anchor in a sequence item', () => {
    expect(load('- &i item\n- *i\n')).toEqual(['item', 'item']);
  });
  it('a merge key in a flow mapping is a plain key there; in block mappings it merges', () => {
    expect(load('base: &b {x: 1}\nm:\n  <<: *b\n')).toEqual({ base: { x: 1 }, m: { x: 1 } });
  });
  it('records the anchor name on the node', () => {
    const root = parseYaml('a: &name 1\n') as YamlMap;
    expect(root.pairs[0].value.anchor).toBe('name');
  });
});

describe('positions', () => {
  it('every node keeps its 1-based line and column', () => {
    const root = parseYaml('# c\nservices:\n  web:\n    image: busybox\n    ports: [ "80" ]\n') as YamlMap;
    const services = root.pairs[0];
    expect([services.key.line, services.key.col]).toEqual([2, 1]);
    const web = (services.value as YamlMap).pairs[0];
    expect([web.key.line, web.key.col, web.value.line, web.value.col]).toEqual([3, 3, 4, 5]);
    const [image, ports] = (web.value as YamlMap).pairs;
    expect([image.value.line, image.value.col]).toEqual([4, 12]);
    expect([ports.value.line, ports.value.col]).toEqual([5, 12]);
    if (ports.value.kind !== 'seq') throw new Error('not a sequence');
    expect([ports.value.items[0].line, ports.value.items[0].col]).toEqual([5, 14]);
  });
});

describe('errors name the line', () => {
  it.each<[string, string, string]>([
    ['a second colon on a line', 'a: 1\nb: c: d\n', 'compose.yaml:2: mapping values are not allowed here'],
    ['a key indented under a scalar', 'a: 1\n  b: 2\n', 'compose.yaml:2: mapping values are not allowed here'],
    ['a key deeper than its siblings', 'a:\n  b: 1\n    c: 2\n', 'compose.yaml:3: mapping values are not allowed here'],
    ['a key less deep than its siblings', 'a:\n    b: 1\n  c: 2\n', 'compose.yaml:3: did not find expected key'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n', 'compose.yaml:3: mapping key "a" already defined at line 1'],
    ['a duplicate nested key', 's:\n  web:\n    image: a\n    image: b\n', 'compose.yaml:4: mapping key "image" already defined at line 3'],
    ['a duplicate flow key', 'a: {x: 1, x: 2}\n', 'compose.yaml:1: mapping key "x" already defined at line 1'],
    ['a tab in the indentation', 'a:\n\tb: 1\n', 'compose.yaml:2: found a tab character that violates indentation'],
    ['a tab after spaces', 'a:\n  b: 1\n  \tc: 2\n', 'compose.yaml:3: found a tab character that violates indentation'],
    ['an unknown alias', 'a: *nope\n', "compose.yaml:1: unknown anchor 'nope' referenced"],
    ['an unclosed double quote', 'a: "abc\nb: 1\n', 'compose.yaml:1: found unexpected end of stream'],
    ['an unclosed flow sequence', 'a: [1, 2\n', "compose.yaml:1: did not find expected ',' or ']'"],
    ['a flow sequence running into the next key', 'a: [1, 2\nb: 3\n', "compose.yaml:2: did not find expected ',' or ']'"],
    ['a missing comma in a flow mapping', 'a: {b: 1 c: 2}\n', "compose.yaml:1: did not find expected ',' or '}'"],
    ['text after a quoted scalar', 'a: "x" y\n', 'compose.yaml:1: did not find expected key'],
    ['a sequence entry after a key on one line', 'a: - b\n', 'compose.yaml:1: block sequence entries are not allowed in this context'],
    ['a sequence item between keys', 'a: 1\n- b\n', 'compose.yaml:2: did not find expected key'],
    ['a line that is not a key in a mapping', 'a: 1\nb\n', "compose.yaml:2: could not find expected ':'"],
    ['a sequence item indented too far', '- "a"\n - b\n', "compose.yaml:2: did not find expected '-' indicator"],
    ['text after ...', 'a: 1\n...\nb: 2\n', 'compose.yaml:3: did not find expected <document start>'],
    ['an unknown escape', 'a: "\\q"\n', 'compose.yaml:1: found unknown escape character while parsing a quoted scalar'],
    ['a bad block scalar header', 'a: |x\n  y\n', 'compose.yaml:1: did not find expected comment or line break'],
    ['a tag', 'a: !reset []\n', 'compose.yaml:1: tags are not supported'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'compose.yaml:2: multiple documents are not supported'],
    ['a merge of a scalar', 'a: 1\nb:\n  <<: 1\n', 'compose.yaml:3: map merge requires map or sequence of maps as the value'],
    ['complex keys', '? a\n: b\n', 'compose.yaml:1: complex mapping keys are not supported'],
  ])('%s', (_name, text, message) => expect(errorOf(text)).toBe(message));

  it('uses the file name it is given', () => {
    expect(() => parseYaml('a: b: c', 'docker-compose.yml')).toThrow('docker-compose.yml:1: mapping values are not allowed here');
  });
});
