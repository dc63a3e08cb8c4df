// The pflag-style flag parser: every spelling Docker accepts, and pflag's error details.
import { describe, expect, it } from 'vitest';
import { parseFlags, type ParsedFlags } from './flags';
import type { FlagSpec } from './spec';

const FLAGS: FlagSpec[] = [
  { name: 'detach', short: 'd', type: 'bool', description: '' },
  { name: 'interactive', short: 'i', type: 'bool', description: '' },
  { name: 'tty', short: 't', type: 'bool', description: '' },
  { name: 'env', short: 'e', type: 'string-list', description: '' },
  { name: 'publish', short: 'p', type: 'string-list', description: '' },
  { name: 'name', type: 'string', description: '' },
  { name: 'memory', short: 'm', type: 'bytes', description: '' },
  { name: 'last', short: 'n', type: 'int', default: -1, description: '' },
  { name: 'restart', type: 'string', default: 'no', description: '' },
  { name: 'network', type: 'string', aliases: ['net'], description: '' },
  { name: 'interval', type: 'duration', description: '' },
  { name: 'pause', type: 'bool', default: true, description: '' },
];

const ok = (args: string[], stop = false): ParsedFlags => {
  const result = parseFlags(args, FLAGS, stop);
  if ('error' in result) throw new Error(result.error);
  return result;
};
const error = (args: string[], stop = false) => {
  const result = parseFlags(args, FLAGS, stop);
  return 'error' in result ? result.error : null;
};

describe('parseFlags: accepted spellings', () => {
  it.each<[string, string[], Record<string, unknown>]>([
    ['combined short bools', ['-it'], { interactive: true, tty: true, detach: false }],
    ['three combined', ['-dit'], { detach: true, interactive: true, tty: true }],
    ['repeated list', ['-e', 'A=1', '-e', 'B=2'], { env: ['A=1', 'B=2'] }],
    ['list with =', ['--env=A=1', '--env', 'B'], { env: ['A=1', 'B'] }],
    ['long with =', ['--name=web'], { name: 'web' }],
    ['long with space', ['--name', 'web'], { name: 'web' }],
    ['short value glued on', ['-p8080:80'], { publish: ['8080:80'] }],
    ['short value after =', ['-e=A=B'], { env: ['A=B'] }],
    ['bools then a valued short', ['-itp', '80'], { interactive: true, tty: true, publish: ['80'] }],
    ['bools then a glued value', ['-dp80:80'], { detach: true, publish: ['80:80'] }],
    ['bytes', ['-m', '64m'], { memory: 64 * 1024 * 1024 }],
    ['int with a minus', ['-n', '-1'], { last: -1 }],
    ['duration in seconds', ['--interval', '1m30s'], { interval: 90 }],
    ['bool set false', ['--pause=false'], { pause: false }],
    ['short bool =false', ['-d=false'], { detach: false }],
    ['hidden alias', ['--net', 'host'], { network: 'host' }],
    ['later value wins', ['--name', 'a', '--name', 'b'], { name: 'b' }],
    ['a value that looks like a flag', ['--name', '-x'], { name: '-x' }],
    ['an empty value', ['--name='], { name: '' }],
  ])('%s', (_, args, expected) => {
    expect(ok(args).values).toMatchObject(expected);
  });

  it('fills defaults for flags not given', () => {
    expect(ok([]).values).toEqual({
      detach: false, interactive: false, tty: false, env: [], publish: [], name: '', memory: 0, last: -1,
      restart: 'no', network: '', interval: 0, pause: true,
    });
  });

  it('records which flags were given, once each, by long name', () => {
    expect(ok(['-it', '--net=x', '-e', 'A', '-e', 'B']).changed).toEqual(['interactive', 'tty', 'network', 'env']);
  });

  it('keeps positionals between flags unless told to stop', () => {
    expect(ok(['a', '-d', 'b']).positionals).toEqual(['a', 'b']);
    const stopped = ok(['-d', 'alpine', 'sh', '-c', 'echo -d'], true);
    expect(stopped.positionals).toEqual(['alpine', 'sh', '-c', 'echo -d']);
    expect(stopped.values.detach).toBe(true);
  });

  it('ends flags at --, which it drops', () => {
    expect(ok(['-d', '--', '-it', 'x']).positionals).toEqual(['-it', 'x']);
    expect(ok(['--', '-d']).values.detach).toBe(false);
  });

  it('keeps a -- that comes after the first positional when stopping there', () => {
    expect(ok(['alpine', '--', 'ls'], true).positionals).toEqual(['alpine', '--', 'ls']);
  });

  it('takes a lone - as a positional', () => {
    expect(ok(['-']).positionals).toEqual(['-']);
  });

  it('reads --help and -h (with pflag deprecation notice) as help', () => {
    expect(ok(['--help']).help).toBe(true);
    const short = ok(['-h']);
    expect(short.help).toBe(true);
    expect(short.warnings).toEqual(['Flag shorthand -h has been deprecated, please use --help']);
  });

  it('leaves -h to a command that declares it', () => {
    const withHostname: FlagSpec[] = [{ name: 'hostname', short: 'h', type: 'string', description: '' }];
    const result = parseFlags(['-h', 'box'], withHostname);
    expect(result).toMatchObject({ help: false, values: { hostname: 'box' } });
  });
});

describe('parseFlags: errors in pflag words', () => {
  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['--foo=bar'], 'unknown flag: --foo'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-itz'], "unknown shorthand flag: 'z' in -itz"],
    [['--name'], 'flag needs an argument: --name'],
    [['-e'], "flag needs an argument: 'e' in -e"],
    [['-ie'], "flag needs an argument: 'e' in -ie"],
    [['-m', 'abc'], `invalid argument "abc" for "-m, --memory" flag: invalid size: 'abc'`],
    [['--memory=1x'], `invalid argument "1x" for "-m, --memory" flag: invalid suffix: 'x'`],
    [['-n', 'many'], `invalid argument "many" for "-n, --last" flag: strconv.ParseInt: parsing "many": invalid syntax`],
    [['--pause=maybe'], `invalid argument "maybe" for "--pause" flag: strconv.ParseBool: parsing "maybe": invalid syntax`],
    [['--interval', '5'], `invalid argument "5" for "--interval" flag: time: missing unit in duration "5"`],
    [['---x'], 'bad flag syntax: ---x'],
    [['--=x'], 'bad flag syntax: --=x'],
  ])('%j → %s', (args, message) => {
    expect(error(args)).toBe(message);
  });

  it('reports a bad flag before noticing --help', () => {
    expect(error(['--help', '--foo'])).toBe('unknown flag: --foo');
  });

  it('names a hidden alias as it was typed', () => {
    const custom: FlagSpec[] = [
      { name: 'count', type: 'int', aliases: ['n2'], description: '' },
    ];
    expect(parseFlags(['--n2', 'x'], custom)).toEqual({
      error: 'invalid argument "x" for "--n2" flag: strconv.ParseInt: parsing "x": invalid syntax',
    });
  });
});
