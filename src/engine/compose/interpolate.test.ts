import { describe, expect, it } from 'vitest';
import { interpolate, interpolateTree, interpolationEnv, parseEnvFile } from './interpolate';
import { parseYaml } from './yaml';
import type { YamlMap, YamlScalar } from './yaml';

const env = { TAG: '1.2', EMPTY: '', PORT: '8080', NAME: 'web' };
const at = { file: 'compose.yaml', line: 7, path: 'services.web.image' };
const run = (text: string, warnings: string[] = []) => interpolate(text, env, at, warnings);

describe('interpolate', () => {
  it.each<[string, string]>([
    ['no variables', 'no variables'],
    ['busybox:${TAG}', 'busybox:1.2'],
    ['busybox:$TAG', 'busybox:1.2'],
    ['$NAME-$PORT', 'web-8080'],
    ['${PORT}:80', '8080:80'],
    ['${MISSING:-default}', 'default'],
    ['${EMPTY:-default}', 'default'],
    ['${EMPTY-default}', ''],
    ['${MISSING-default}', 'default'],
    ['${TAG:-default}', '1.2'],
    ['${TAG:+set}', 'set'],
    ['${EMPTY:+set}', ''],
    ['${EMPTY+set}', 'set'],
    ['${MISSING+set}', ''],
    ['${MISSING:-${TAG}}', '1.2'],
    ['${MISSING:-${ALSO:-deep}}', 'deep'],
    ['${MISSING:-a b c}', 'a b c'],
    ['cost: $$5', 'cost: $5'],
    ['$${TAG}', '${TAG}'],
    ['echo $$HOME', 'echo $HOME'],
    ['${TAG:?needed}', '1.2'],
  ])('%j → %j', (text, expected) => expect(run(text)).toBe(expected));

  it('an unset variable becomes empty, with compose\'s warning once', () => {
    const warnings: string[] = [];
    expect(run('a${NOPE}b$NOPE', warnings)).toBe('ab');
    expect(warnings).toEqual(['The "NOPE" variable is not set. Defaulting to a blank string.']);
  });

  it.each<[string, string]>([
    ['${DB_PASSWORD:?set DB_PASSWORD in .env}', 'compose.yaml:7: required variable DB_PASSWORD is missing a value: set DB_PASSWORD in .env'],
    ['${EMPTY:?}', 'compose.yaml:7: required variable EMPTY is missing a value'],
    ['${MISSING?gone}', 'compose.yaml:7: required variable MISSING is missing a value: gone'],
    ['${TAG', 'compose.yaml:7: invalid interpolation format for services.web.image: "${TAG". You may need to escape any $ with another $.'],
    ['${}', 'compose.yaml:7: invalid interpolation format for services.web.image: "${}". You may need to escape any $ with another $.'],
    ['${1abc}', 'compose.yaml:7: invalid interpolation format for services.web.image: "${1abc}". You may need to escape any $ with another $.'],
    ['price $5', 'compose.yaml:7: invalid interpolation format for services.web.image: "price $5". You may need to escape any $ with another $.'],
  ])('%j is an error', (text, message) => expect(() => run(text)).toThrow(message));

  it('${EMPTY?x} accepts a set but empty variable', () => expect(run('${EMPTY?x}')).toBe(''));
});

describe('interpolateTree', () => {
  it('replaces values, not keys, and keeps lines; a replaced plain value becomes a string', () => {
    const tree = parseYaml('${KEY}: x\nimage: "app:${TAG}"\nport: ${PORT}\nn: 3\n')!;
    const out = interpolateTree(tree, env, 'compose.yaml', []) as YamlMap;
    expect(out.pairs.map((p) => p.key.text)).toEqual(['${KEY}', 'image', 'port', 'n']);
    const values = out.pairs.map((p) => p.value as YamlScalar);
    expect(values.map((v) => v.value)).toEqual(['x', 'app:1.2', '8080', 3]);
    expect(values[2].line).toBe(3);
  });

  it('names the path and line of a bad value', () => {
    const tree = parseYaml('services:\n  web:\n    environment:\n      - A=${B\n')!;
    expect(() => interpolateTree(tree, {}, 'compose.yaml', [])).toThrow(
      'compose.yaml:4: invalid interpolation format for services.web.environment.[]: "A=${B"',
    );
  });
});

describe('.env files', () => {
  it('reads KEY=value lines the way compose does', () => {
    const text = [
      '# comment', '', 'A=1', 'export B=two', 'C = spaced ', "D='single $X \\n'", 'E="double\\nline \\"q\\""',
      'F=value # comment', 'G=', 'FROM_HOST', 'NOT_ON_HOST', 'URL=http://x/#frag',
    ].join('\n');
    expect(parseEnvFile(text, { FROM_HOST: 'h' })).toEqual({
      A: '1', B: 'two', C: 'spaced', D: 'single $X \\n', E: 'double\nline "q"', F: 'value', G: '', FROM_HOST: 'h',
      URL: 'http://x/#frag',
    });
  });

  it('names the line of a bad variable name', () => {
    expect(() => parseEnvFile('A=1\nBAD KEY=2\n')).toThrow('.env:2: unexpected character " " in variable name "BAD KEY"');
    expect(() => parseEnvFile('=x')).toThrow('.env:1: unexpected character "=" in variable name ""');
  });

  it('the process environment wins over .env', () => {
    expect(interpolationEnv({ A: 'file', B: 'file' }, { A: 'process' })).toEqual({ A: 'process', B: 'file' });
  });
});
