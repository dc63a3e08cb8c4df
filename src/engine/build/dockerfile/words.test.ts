// Argument splitting before substitution: flags, JSON arrays, quote-aware words, key=value.
import { describe, expect, it } from 'vitest';
import { extractFlags, parseJsonArray, parseKeyValues, parseWords, splitInstruction } from './words';

describe('flags', () => {
  it.each([
    ['--from=build /a /b', [{ name: 'from', value: 'build' }], '/a /b'],
    ['--link --chown=1:1 a b', [{ name: 'link' }, { name: 'chown', value: '1:1' }], 'a b'],
    ['-- --not-a-flag b', [], '--not-a-flag b'],
    ['a --late=flag', [], 'a --late=flag'],
    ['--chmod= x y', [{ name: 'chmod', value: '' }], 'x y'],
  ])('%s', (text, flags, rest) => {
    expect(extractFlags(text)).toEqual({ flags, rest });
  });

  it('splits the keyword', () => {
    expect(splitInstruction('copy  --from=0  a b')).toEqual({ keyword: 'copy', flags: [{ name: 'from', value: '0' }], rest: 'a b' });
  });
});

describe('JSON arrays (exec form)', () => {
  it.each([
    ['["echo", "hi"]', ['echo', 'hi']],
    ['  [ "a b" ]  ', ['a b']],
    ['[]', []],
    ['["\\u0041\\n"]', ['A\n']],
    ['[echo, hi]', undefined], // not JSON: shell form, as Docker does
    ["['single']", undefined],
    ['["a", 1]', undefined],
    ['["unterminated"', undefined],
    ['echo ["a"]', undefined],
  ])('%s', (text, expected) => {
    expect(parseJsonArray(text)).toEqual(expected);
  });
});

describe('quote-aware words', () => {
  it.each([
    ['a b  c', ['a', 'b', 'c']],
    ['A="a b" B=c', ['A="a b"', 'B=c']],
    ["A='x y'", ["A='x y'"]],
    ['A=a\\ b', ['A=a\\ b']],
    ['A="say \\"hi\\""', ['A="say \\"hi\\""']],
    ['""', ['""']],
    ['A=x\\', ['A=x']],
  ])('%s', (text, words) => {
    expect(parseWords(text, '\\')).toEqual(words);
  });

  it('uses the backtick as escape after `# escape=`', () => {
    expect(parseWords('A=a` b C=\\d', '`')).toEqual(['A=a` b', 'C=\\d']);
  });
});

describe('key=value pairs', () => {
  it.each([
    ['A=1 B=2', [{ key: 'A', value: '1' }, { key: 'B', value: '2' }]],
    ['A="x y"', [{ key: 'A', value: '"x y"' }]],
    ['A=', [{ key: 'A', value: '' }]],
    ['NAME some value here', [{ key: 'NAME', value: 'some value here' }]],
  ])('%s', (text, pairs) => {
    expect(parseKeyValues(text, 'ENV', '\\')).toEqual({ ok: true, value: pairs });
  });

  it.each([
    ['', 'ENV requires at least one argument'],
    ['ONLYKEY', 'ENV must have two arguments'],
    ['A=1 B', 'Syntax error - can\'t find = in "B". Must be of the form: name=value'],
    ['=1', 'ENV names can not be blank'],
  ])('rejects %j', (text, error) => {
    expect(parseKeyValues(text, 'ENV', '\\')).toEqual({ ok: false, error });
  });
});
