// Substitution as BuildKit's shell lexer does it, on one word at a time.
import { describe, expect, it } from 'vitest';
import { envLookup, substitute } from './substitute';

const env = envLookup(['NAME=world', 'EMPTY=', 'DIR=/app', 'SPACE=a b']);

describe('substitution', () => {
  it.each([
    ['plain', 'hello', 'hello'],
    ['$VAR', 'hi $NAME', 'hi world'],
    ['${VAR}', '${NAME}s', 'worlds'],
    ['$VAR stops at a non-name char', '$DIR/bin', '/app/bin'],
    ['unset is empty', '[$NOPE]', '[]'],
    ['a lone $ stays', 'cost: $ 5', 'cost: $ 5'],
    ['$ at the end stays', 'a$', 'a$'],
    ['$ before a symbol stays', '$-x', '$-x'],
    ['escaped \\$', '\\$NAME', '$NAME'],
    ['escaped \\${}', '\\${NAME}', '${NAME}'],
    ['${VAR:-default} when set', '${NAME:-x}', 'world'],
    ['${VAR:-default} when unset', '${NOPE:-x}', 'x'],
    ['${VAR:-default} when empty', '${EMPTY:-x}', 'x'],
    ['${VAR-default} when empty', '${EMPTY-x}', ''],
    ['${VAR-default} when unset', '${NOPE-x}', 'x'],
    ['${VAR:+alt} when set', '${NAME:+yes}', 'yes'],
    ['${VAR:+alt} when empty', '${EMPTY:+yes}', ''],
    ['${VAR+alt} when empty', '${EMPTY+yes}', 'yes'],
    ['${VAR+alt} when unset', '${NOPE+yes}', ''],
    ['${VAR:?msg} when set', '${NAME:?need it}', 'world'],
    ['nested default', '${NOPE:-$DIR/x}', '/app/x'],
    ['default with quotes and braces', '${NOPE:-"a}b"}', 'a}b'],
    ['double quotes removed', '"$NAME and $DIR"', 'world and /app'],
    ['single quotes literal', "'$NAME'", '$NAME'],
    ['escape inside double quotes', '"a\\"b\\$c\\\\d\\e"', 'a"b$c\\d\\e'],
    ['escape outside quotes', 'a\\ b\\c', 'a bc'],
    ['value with spaces stays one word', '$SPACE', 'a b'],
    ['positional names are unset', '$1x', 'x'],
    ['mixed quoting', 'x"$NAME"\'$NAME\'', 'xworld$NAME'],
  ])('%s', (_, word, expected) => {
    expect(substitute(word, env)).toEqual({ ok: true, value: expected });
  });

  it('uses the backtick as escape after `# escape=`', () => {
    expect(substitute('`$NAME \\x', env, { escape: '`' })).toEqual({ ok: true, value: '$NAME \\x' });
  });

  it.each([
    ['${NAME', "missing '}'"],
    ['${', "missing '}'"],
    ['${NOPE:-abc', 'unexpected end of statement while looking for matching }'],
    ['${}', 'bad substitution'],
    ['${NAME:x}', 'unsupported modifier (:x) in substitution'],
    ['${NAME#x}', 'unsupported modifier (#) in substitution'],
    ['"open', 'unexpected end of statement while looking for matching double-quote'],
    ["'open", 'unexpected end of statement while looking for matching single-quote'],
    ['${NOPE:?set it}', 'NOPE: set it'],
    ['${EMPTY:?}', 'EMPTY: is not allowed to be empty'],
    ['${NOPE?}', 'NOPE: is not allowed to be unset'],
  ])('rejects %s', (word, error) => {
    expect(substitute(word, env)).toEqual({ ok: false, error });
  });

  it('does not enforce ${X:?} when only checking syntax', () => {
    expect(substitute('${NOPE:?x}', env, { enforceRequired: false })).toEqual({ ok: true, value: '' });
  });
});
