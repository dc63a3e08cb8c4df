// Flag values convert like the Go functions Docker uses, with the same error texts.
import { describe, expect, it } from 'vitest';
import { labelMap, parseBool, parseBytes, parseDuration, parseFloat64, parseInt64 } from './values';

describe('parseBool (strconv.ParseBool)', () => {
  it.each([['true', true], ['1', true], ['T', true], ['TRUE', true], ['False', false], ['0', false], ['f', false]])(
    '%s → %s', (text, value) => expect(parseBool(text)).toEqual({ ok: true, value }),
  );
  it.each(['yes', 'on', '', 'tRuE'])('refuses %j', (text) => {
    expect(parseBool(text)).toEqual({ ok: false, error: `strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax` });
  });
});

describe('parseInt64 (strconv.ParseInt base 0)', () => {
  it.each([['0', 0], ['42', 42], ['-1', -1], ['+7', 7], ['0x1f', 31], ['0o17', 15], ['017', 15], ['0b101', 5]])(
    '%s → %d', (text, value) => expect(parseInt64(text)).toEqual({ ok: true, value }),
  );
  it.each(['abc', '1.5', '', '08', '1e3', ' 1'])('refuses %j', (text) => {
    expect(parseInt64(text)).toEqual({ ok: false, error: `strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax` });
  });
  it('reports a number past int64 as out of range', () => {
    expect(parseInt64('9223372036854775808')).toEqual({
      ok: false, error: 'strconv.ParseInt: parsing "9223372036854775808": value out of range',
    });
  });
});

describe('parseFloat64', () => {
  it.each([['1.5', 1.5], ['.5', 0.5], ['2', 2], ['-3e2', -300], ['1.', 1]])('%s → %d', (text, value) => {
    expect(parseFloat64(text)).toEqual({ ok: true, value });
  });
  it('refuses text', () => {
    expect(parseFloat64('abc')).toEqual({ ok: false, error: 'strconv.ParseFloat: parsing "abc": invalid syntax' });
  });
});

describe('parseBytes (go-units RAMInBytes)', () => {
  it.each([
    ['100', 100], ['64m', 64 * 1024 ** 2], ['64M', 64 * 1024 ** 2], ['1g', 1024 ** 3], ['512k', 512 * 1024],
    ['512kb', 512 * 1024], ['1.5GiB', 1.5 * 1024 ** 3], ['10 MB', 10 * 1024 ** 2], ['100b', 100], ['0', 0],
  ])('%s → %d', (text, value) => expect(parseBytes(text)).toEqual({ ok: true, value }));
  it.each([
    ['abc', "invalid size: 'abc'"],
    ['-1', "invalid size: '-1'"],
    ['', "invalid size: ''"],
    ['12x', "invalid suffix: 'x'"],
    ['1mx', "invalid suffix: 'mx'"],
    ['1bb', "invalid suffix: 'bb'"],
    ['1kbytes', "invalid suffix: 'kbytes'"],
    ['1.2.3m', 'strconv.ParseFloat: parsing "1.2.3": invalid syntax'],
  ])('refuses %j: %s', (text, error) => expect(parseBytes(text)).toEqual({ ok: false, error }));
});

describe('parseDuration (time.ParseDuration, in seconds)', () => {
  it.each([['10s', 10], ['1m30s', 90], ['300ms', 0.3], ['1.5h', 5400], ['0', 0], ['-2s', -2], ['.5s', 0.5]])(
    '%s → %d', (text, value) => expect(parseDuration(text)).toEqual({ ok: true, value }),
  );
  it.each([
    ['abc', 'time: invalid duration "abc"'],
    ['', 'time: invalid duration ""'],
    ['10', 'time: missing unit in duration "10"'],
    ['10x', 'time: unknown unit "x" in duration "10x"'],
  ])('refuses %j', (text, error) => expect(parseDuration(text)).toEqual({ ok: false, error }));
});

describe('labelMap', () => {
  it('reads k=v and a bare k as an empty value', () => {
    expect(labelMap(['tier=web', 'flag', 'a=b=c'])).toEqual({ tier: 'web', flag: '', a: 'b=c' });
  });
});
