// Docker's human strings, compared with go-units and moby for the same inputs.
import { describe, expect, it } from 'vitest';
import {
  bytesSize, commandLine, containerStatus, ellipsis, formatG, goQuote, humanDuration, humanSize, psCommand, timeAgo,
} from './human';

const MIN = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

describe('humanDuration (go-units)', () => {
  it.each([
    [-5, 'Less than a second'], [0, 'Less than a second'], [0.9, 'Less than a second'], [1, '1 second'],
    [1.9, '1 second'], [2, '2 seconds'], [59, '59 seconds'], [60, 'About a minute'], [119, 'About a minute'],
    [120, '2 minutes'], [59 * MIN + 59, '59 minutes'], [HOUR, 'About an hour'], [89 * MIN, 'About an hour'],
    [90 * MIN, '2 hours'], [47 * HOUR, '47 hours'], [47.5 * HOUR, '2 days'], [13 * DAY, '13 days'],
    [14 * DAY, '2 weeks'], [59 * DAY, '8 weeks'], [60 * DAY, '2 months'], [729 * DAY, '24 months'],
    [730 * DAY, '2 years'], [3650 * DAY, '10 years'],
  ])('%d s → %s', (seconds, text) => expect(humanDuration(seconds)).toBe(text));

  it('adds ago for CREATED', () => {
    expect(timeAgo(120)).toBe('2 minutes ago');
    expect(timeAgo(0)).toBe('Less than a second ago');
  });
});

describe('formatG (Go %g)', () => {
  it.each<[number, number, string]>([
    [0, 3, '0'], [4.1, 3, '4.1'], [4.0, 3, '4'], [1.23456, 3, '1.23'], [12.345, 3, '12.3'], [123.45, 3, '123'],
    [999.999, 3, '1e+03'], [1234.5, 4, '1235'], [0.5, 3, '0.5'], [0.000012345, 3, '1.23e-05'], [-2.5, 3, '-2.5'],
    [100, 3, '100'], [1e21, 4, '1e+21'],
  ])('%d with %d digits → %s', (value, precision, text) => expect(formatG(value, precision)).toBe(text));
});

describe('humanSize (go-units HumanSizeWithPrecision, SI units)', () => {
  it.each([
    [0, '0B'], [1, '1B'], [999, '999B'], [1000, '1kB'], [4100, '4.1kB'], [4096, '4.1kB'], [1234567, '1.23MB'],
    [12345678, '12.3MB'], [1.5e9, '1.5GB'], [7_800_000, '7.8MB'], [999_999, '1e+03kB'], [2e12, '2TB'],
  ])('%d bytes → %s (3 digits, as docker images)', (bytes, text) => expect(humanSize(bytes, 3)).toBe(text));

  it('uses 4 digits by default (docker system df)', () => {
    expect(humanSize(1234567)).toBe('1.235MB');
    expect(humanSize(4_261_412)).toBe('4.261MB');
  });
});

describe('bytesSize (go-units BytesSize, binary units)', () => {
  it.each([[0, '0B'], [1023, '1023B'], [1024, '1KiB'], [64 * 1024 ** 2, '64MiB'], [1.5 * 1024 ** 3, '1.5GiB']])(
    '%d → %s', (bytes, text) => expect(bytesSize(bytes)).toBe(text),
  );
});

describe('containerStatus (moby State.String)', () => {
  const now = 1_000_000;
  it.each<[string, Parameters<typeof containerStatus>[0], string]>([
    ['created', { running: false, exitCode: 0 }, 'Created'],
    ['just started', { running: true, exitCode: 0, startedAt: now }, 'Up Less than a second'],
    ['running', { running: true, exitCode: 0, startedAt: now - 3 }, 'Up 3 seconds'],
    ['running a while', { running: true, exitCode: 0, startedAt: now - 2 * HOUR }, 'Up 2 hours'],
    ['paused', { running: true, paused: true, exitCode: 0, startedAt: now - 70 }, 'Up About a minute (Paused)'],
    ['restarting', { running: true, restarting: true, exitCode: 1, startedAt: now - 9, finishedAt: now - 2 }, 'Restarting (1) 2 seconds ago'],
    ['healthy', { running: true, exitCode: 0, startedAt: now - 5, health: 'healthy' }, 'Up 5 seconds (healthy)'],
    ['health starting', { running: true, exitCode: 0, startedAt: now - 5, health: 'starting' }, 'Up 5 seconds (health: starting)'],
    ['exited', { running: false, exitCode: 0, startedAt: now - 10, finishedAt: now - 5 }, 'Exited (0) 5 seconds ago'],
    ['killed', { running: false, exitCode: 137, startedAt: now - 100, finishedAt: now }, 'Exited (137) Less than a second ago'],
    ['being removed', { running: false, removing: true, exitCode: 0, startedAt: 1 }, 'Removal In Progress'],
    ['dead', { running: false, dead: true, exitCode: 0, startedAt: 1 }, 'Dead'],
    ['started, not finished', { running: false, exitCode: 0, startedAt: now }, ''],
  ])('%s → %j', (_, state, text) => expect(containerStatus(state, now)).toBe(text));
});

describe('the COMMAND column', () => {
  it.each([
    ['sh', [], 'sh'],
    ['sh', ['-c', 'echo hello world'], "sh -c 'echo hello world'"],
    ['/docker-entrypoint.sh', ['nginx', '-g', 'daemon off;'], "/docker-entrypoint.sh nginx -g 'daemon off;'"],
  ])('commandLine(%s, %j)', (path, args, text) => expect(commandLine(path, args)).toBe(text));

  it.each([
    ["sh -c 'echo hello world'", '"sh -c \'echo hello w…"'],
    ['sh', '"sh"'],
    ['echo 1234567890123456789', '"echo 12345678901234…"'],
    ['12345678901234567890', '"12345678901234567890"'],
    ['say "hi"', '"say \\"hi\\""'],
  ])('psCommand(%j) = %s', (command, text) => expect(psCommand(command)).toBe(text));

  it('keeps the whole command with --no-trunc', () => {
    expect(psCommand("sh -c 'echo hello world'", false)).toBe('"sh -c \'echo hello world\'"');
  });

  it.each([['héllo wörld', 5, 'héll…'], ['abc', 1, 'a'], ['abc', 0, ''], ['🐳🐳🐳', 2, '🐳…']])(
    'ellipsis(%j, %d) = %j', (text, width, out) => expect(ellipsis(text, width)).toBe(out),
  );

  it('quotes like strconv.Quote', () => {
    expect(goQuote('a\tb\nc\\d\u0001é')).toBe('"a\\tb\\nc\\\\d\\x01é"');
  });
});
