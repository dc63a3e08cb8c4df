// The Go-template subset: what it prints, and Go's own error texts for what it refuses.
import { describe, expect, it } from 'vitest';
import { Template, TemplateError, isTrue, printValue } from './template';

const DATA = {
  ID: '4bed76d3ad42', Names: 'web', State: 'running', Count: 3, Zero: 0, Empty: '', Nothing: null,
  Tags: ['a', 'b'], NoTags: [] as string[], Labels: { 'com.example': 'x', app: 'web' }, NoLabels: {},
  Config: { Env: ['A=1', 'B=2'], Cmd: ['sh'], User: '' },
  NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' }, other: { IPAddress: '10.0.0.5' } } },
  Label: (name: string) => ({ app: 'web' } as Record<string, string>)[name] ?? '',
  Size: () => '2B',
};
const run = (source: string, options = {}) => new Template(source).execute(DATA, options);

describe('printing', () => {
  it.each([
    ['text only', 'hello', 'hello'],
    ['a field', '{{.ID}}', '4bed76d3ad42'],
    ['a nested field', '{{.Config.User}}-', '-'],
    ['a number', '{{.Count}}', '3'],
    ['a list', '{{.Tags}}', '[a b]'],
    ['a map, keys sorted', '{{.Labels}}', 'map[app:web com.example:x]'],
    ['null', '{{.Nothing}}', '<no value>'],
    ['a missing map key', '{{.Labels.missing}}', '<no value>'],
    ['$ at the root', '{{range .Tags}}{{$.Names}}:{{.}} {{end}}', 'web:a web:b '],
    ['a trailing pipe, which Go accepts', '{{.ID | }}', '4bed76d3ad42'],
    ['string and number literals', '{{"x"}}{{`raw\\n`}}{{7}}{{true}}', 'xraw\\n7true'],
    ['a method without arguments', '{{.Size}}', '2B'],
    ['a method with an argument', '{{.Label "app"}}', 'web'],
    ['a parenthesised pipeline', '{{upper (index .Labels "app")}}', 'WEB'],
  ])('%s', (_, source, out) => expect(run(source)).toBe(out));
});

describe('functions', () => {
  it.each([
    ['{{json .Config}}', '{"Env":["A=1","B=2"],"Cmd":["sh"],"User":""}'],
    ['{{json .Nothing}}', 'null'],
    ['{{json "<a&b>"}}', '"<a&b>"'],
    ['{{upper .Names}} {{lower "ABC"}} {{title "hello big world"}}', 'WEB abc Hello Big World'],
    ['{{join .Config.Env ","}}', 'A=1,B=2'],
    ['{{split "a:b:c" ":"}}', '[a b c]'],
    ['[{{pad .Names 1 2}}][{{pad .Empty 1 2}}]', '[ web  ][]'],
    ['{{truncate .ID 4}} {{truncate "ab" 5}}', '4bed ab'],
    ['{{len .Tags}} {{len .Labels}} {{len .Names}}', '2 2 3'],
    ['{{index .Tags 1}} {{index .Labels "com.example"}} {{index .NetworkSettings.Networks "bridge" "IPAddress"}}', 'b x 172.17.0.2'],
    ['{{.Names | upper}}', 'WEB'],
    ['{{if eq .State "running" "paused"}}up{{end}} {{if ne .Count 3}}x{{else}}three{{end}}', 'up three'],
    ['{{if not .Empty}}empty{{end}} {{and .Count .Names}} {{or .Empty .Zero "fallback"}}', 'empty web fallback'],
  ])('%s', (source, out) => expect(run(source)).toBe(out));

  it('pipes the value in as the last argument', () => {
    expect(run('{{"," | join .Tags}}')).toBe('a,b');
  });
});

describe('control structures', () => {
  it.each([
    ['range over a list', '{{range .Tags}}<{{.}}>{{end}}', '<a><b>'],
    ['range over a map (sorted keys)', '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', '172.17.0.2 10.0.0.5 '],
    ['range with no space after the keyword', '{{range.Tags}}{{.}}{{end}}', 'ab'],
    ['range else', '{{range .NoTags}}x{{else}}none{{end}}', 'none'],
    ['range over null', '{{range .Nothing}}x{{end}}.', '.'],
    ['if/else if/else', '{{if .Zero}}a{{else if .Empty}}b{{else if .Count}}c{{else}}d{{end}}', 'c'],
    ['if on an empty map', '{{if .NoLabels}}yes{{else}}no{{end}}', 'no'],
    ['with', '{{with .Config}}{{.Env}}{{end}}{{with .Empty}}x{{else}}-{{end}}', '[A=1 B=2]-'],
    ['nested', '{{range .Tags}}{{if eq . "b"}}[{{.}}]{{end}}{{end}}', '[b]'],
    ['trim markers', 'a  {{- .Names -}}  b\n{{- " c" }}', 'awebb c'],
    ['a comment', 'x{{/* ignored */}}y', 'xy'],
    ['a }} inside a string', '{{"}}"}}', '}}'],
  ])('%s', (_, source, out) => expect(run(source)).toBe(out));
});

describe('errors', () => {
  const parseError = (source: string) => {
    try {
      new Template(source);
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      return (e as Error).message;
    }
    return null;
  };
  const execError = (source: string, options = {}) => {
    try {
      run(source, options);
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      return (e as Error).message;
    }
    return null;
  };

  it.each([
    ['{{.ID', 'template: :1: unclosed action'],
    ['x\n{{.ID', 'template: :2: unclosed action'],
    ['{{"abc}}', 'template: :1: unterminated quoted string'],
    ['{{foo .ID}}', 'template: :1: function "foo" not defined'],
    ['{{if .ID}}x', 'template: :1: unexpected EOF'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{| .ID}}', 'template: :1: unexpected "|" in command'],
    ['{{(.ID}}', 'template: :1: unclosed left paren'],
    ['{{.ID)}}', 'template: :1: unexpected ")" in command'],
    ['{{.ID ; }}', 'template: :1: unexpected ";" in command'],
  ])('parse %j → %s', (source, message) => expect(parseError(source)).toBe(message));

  it.each([
    ['{{.Foo}}', { rootType: '*formatter.ContainerContext' },
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext'],
    ['{{.ID}}\t{{.Foo}}', { rootType: '*formatter.ContainerContext' },
      'template: :1:10: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext'],
    ['{{.Foo}}', { missingKeyError: true }, 'template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"'],
    ['{{.Config.Foo}}', { missingKeyError: true }, 'template: :1:2: executing "" at <.Config.Foo>: map has no entry for key "Foo"'],
    ['x\n  {{.Names.First}}', {}, 'template: :2:4: executing "" at <.Names.First>: can\'t evaluate field First in type string'],
    ['{{.Tags.X}}', {}, 'template: :1:2: executing "" at <.Tags.X>: can\'t evaluate field X in type []interface {}'],
    ['{{.Nothing.X}}', {}, 'template: :1:2: executing "" at <.Nothing.X>: nil pointer evaluating interface {}.X'],
    ['{{join .Names ","}}', {}, 'template: :1:7: executing "" at <.Names>: wrong type for value; expected []string; got string'],
    ['{{join .Tags}}', {}, 'template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1'],
    ['{{upper .Count}}', {}, 'template: :1:8: executing "" at <.Count>: wrong type for value; expected string; got float64'],
    ['{{index .Tags 5}}', {}, 'template: :1:2: executing "" at <index>: error calling index: index out of range: 5'],
    ['{{.Names "x"}}', {}, 'template: :1:2: executing "" at <.Names>: Names is not a method but has arguments'],
  ])('execute %j', (source, options, message) => expect(execError(source, options)).toBe(message));
});

describe('header mode', () => {
  it('leaves header text as it is, except pad', () => {
    const headers = { Names: 'NAMES', ID: 'CONTAINER ID', Label: 'LABEL' };
    const t = new Template('{{upper .Names}} {{json .ID}} {{lower .ID}} {{truncate .ID 2}} [{{pad .Names 1 1}}] {{.Label "x"}} {{.Missing}}');
    expect(t.execute(headers, { header: true })).toBe('NAMES CONTAINER ID CONTAINER ID CONTAINER ID [ NAMES ] LABEL <no value>');
  });
});

describe('values', () => {
  it.each([[false, false], [0, false], ['', false], [null, false], [[], false], [{}, false], [true, true], [1, true], ['x', true], [[0], true], [{ a: 1 }, true]])(
    'isTrue(%j) = %s', (value, truth) => expect(isTrue(value)).toBe(truth),
  );

  it('prints nested null as <nil>, top-level as <no value>', () => {
    expect(printValue(null)).toBe('<no value>');
    expect(printValue([null, 'a'])).toBe('[<nil> a]');
    expect(printValue({ b: [1, 2], a: { c: true } })).toBe('map[a:map[c:true] b:[1 2]]');
  });
});
