// --format end to end: tables with headers, json, custom templates, inspect.
import { describe, expect, it } from 'vitest';
import { formatInspect, formatList, resolveFormat, type ListFormat } from './output';

const PS: ListFormat = {
  headers: {
    ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', RunningFor: 'CREATED', Status: 'STATUS', Ports: 'PORTS',
    Names: 'NAMES', State: 'STATE',
  },
  defaultTable: 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}',
  rootType: '*formatter.ContainerContext',
};
const ROWS = [
  { ID: '4bed76d3ad42', Image: 'alpine', Command: '"sh"', RunningFor: '2 minutes ago', Status: 'Up 2 minutes', Ports: '', Names: 'web', State: 'running' },
  { ID: 'b0318bca5aef', Image: 'busybox:latest', Command: '"true"', RunningFor: '1 hour ago', Status: 'Exited (0) 1 hour ago', Ports: '80/tcp', Names: 'boring_turing', State: 'exited' },
];
const list = (format: string, rows: unknown[] = ROWS) => {
  const r = formatList(format, rows, PS);
  if (!r.ok) throw new Error(r.error);
  return r.output;
};

describe('resolveFormat', () => {
  it.each([
    ['', { template: PS.defaultTable.slice(6), table: true }],
    ['table', { template: PS.defaultTable.slice(6), table: true }],
    ['table {{.ID}}\\t{{.Names}}', { template: '{{.ID}}\t{{.Names}}', table: true }],
    ['json', { template: '{{json .}}', table: false }],
    ['  {{.ID}}\\n ', { template: '{{.ID}}\n', table: false }],
  ])('%j', (format, resolved) => expect(resolveFormat(format, PS.defaultTable)).toEqual(resolved));
});

describe('formatList', () => {
  it('prints the default table', () => {
    expect(list('')).toBe([
      'CONTAINER ID   IMAGE            COMMAND   CREATED         STATUS                  PORTS     NAMES',
      '4bed76d3ad42   alpine           "sh"      2 minutes ago   Up 2 minutes                      web',
      'b0318bca5aef   busybox:latest   "true"    1 hour ago      Exited (0) 1 hour ago   80/tcp    boring_turing',
      '',
    ].join('\n'));
  });

  it('prints just the header when there is nothing to list', () => {
    expect(list('', [])).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('prints a custom table with its headers', () => {
    expect(list('table {{.Names}}\\t{{.State}}')).toBe('NAMES           STATE\nweb             running\nboring_turing   exited\n');
  });

  it('keeps header text around fields', () => {
    expect(list('table {{.ID}}: {{upper .Names}}')).toBe('CONTAINER ID: NAMES\n4bed76d3ad42: WEB\nb0318bca5aef: BORING_TURING\n');
  });

  it('prints a plain template once per row, without a header', () => {
    expect(list('{{.Names}}\\t{{.Status}}')).toBe('web\tUp 2 minutes\nboring_turing\tExited (0) 1 hour ago\n');
    expect(list('{{.Names}}', [])).toBe('');
  });

  it('prints json one object per line', () => {
    expect(list('json', [{ ID: 'x', Names: 'a' }])).toBe('{"ID":"x","Names":"a"}\n');
  });

  it.each([
    ['{{.Nope}}', 'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext'],
    ['table {{.ID}}\\t{{.Nope}}', 'template parsing error: template: :1:10: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext'],
    ['{{.ID', 'template parsing error: template: :1: unclosed action'],
  ])('reports %j as Docker does (exit 1)', (format, error) => {
    expect(formatList(format, ROWS, PS)).toEqual({ ok: false, error, exitCode: 1 });
  });
});

describe('formatInspect', () => {
  const items = [{ Id: 'abc', Config: { Env: ['A=1'] }, NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' } } } }];

  it('prints an indented JSON array without a format', () => {
    expect(formatInspect('', [{ Id: 'abc', Args: [] }])).toEqual({
      output: '[\n    {\n        "Id": "abc",\n        "Args": []\n    }\n]\n', errors: [], exitCode: 0,
    });
    expect(formatInspect('', []).output).toBe('[]\n');
  });

  it('prints compact JSON for json', () => {
    expect(formatInspect('json', [{ Id: 'abc' }]).output).toBe('[{"Id":"abc"}]\n');
  });

  it('runs a template per item', () => {
    expect(formatInspect('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', items))
      .toEqual({ output: '172.17.0.2\n', errors: [], exitCode: 0 });
    expect(formatInspect('{{json .Config.Env}}', items).output).toBe('["A=1"]\n');
  });

  it('reports a missing key per item, exit 1', () => {
    expect(formatInspect('{{.Id}} {{.Foo}}', [...items, { Id: 'x', Foo: 'y' }])).toEqual({
      output: 'x y\n',
      errors: ['template parsing error: template: :1:10: executing "" at <.Foo>: map has no entry for key "Foo"'],
      exitCode: 1,
    });
  });

  it('refuses a template that does not parse, exit 64', () => {
    expect(formatInspect('{{.Id', items)).toEqual({
      output: '', errors: ['template parsing error: template: :1: unclosed action'], exitCode: 64,
    });
  });
});
