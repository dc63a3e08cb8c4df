// Single values: ports, signals, chmod, durations, Go-style history formatting.
import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from './healthcheck';
import { goQuote } from './history';
import { checkSignal, parseChmod, parsePortSpec } from './values';

describe('values', () => {
  it.each([
    ['80', ['80/tcp']], ['53/UDP', ['53/udp']], ['132/sctp', ['132/sctp']], ['1-3/udp', ['1/udp', '2/udp', '3/udp']],
  ])('port %s', (spec, keys) => {
    expect(parsePortSpec(spec)).toEqual({ ok: true, value: keys });
  });

  it.each([['SIGTERM', true], ['term', true], ['9', true], ['RTMIN+3', true], ['0', false], ['SIGFOO', false]])('signal %s', (s, valid) => {
    expect(checkSignal(s).ok).toBe(valid);
  });

  it.each([['755', 0o755], ['0644', 0o644]])('chmod %s', (mode, value) => {
    expect(parseChmod(mode)).toEqual({ ok: true, value });
  });

  it.each([
    ['30s', 30e9], ['1m30s', 90e9], ['1.5h', 5400e9], ['500ms', 5e8], ['0', 0], ['10us', 1e4],
  ])('duration %s', (text, ns) => {
    expect(parseGoDuration(text)).toEqual({ ok: true, value: ns });
  });

  it.each(['', '5', 's', '1x', '1.5'])('rejects duration %j', (text) => {
    expect(parseGoDuration(text).ok).toBe(false);
  });

  it.each([[0, '0s'], [30e9, '30s'], [90e9, '1m30s'], [3600e9, '1h0m0s'], [1.5e9, '1.5s'], [5e8, '500ms'], [1500, '1.5µs'], [7, '7ns']])(
    'formats %d ns as %s', (ns, text) => {
      expect(formatGoDuration(ns)).toBe(text);
    },
  );

  it('quotes like Go', () => {
    expect(goQuote('a "b"\\\t\x01é')).toBe('"a \\"b\\"\\\\\\t\\x01é"');
  });
});
