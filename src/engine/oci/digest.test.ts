// Digests validate with go-digest's errors; canonical JSON is stable and ASCII.
import { describe, expect, it } from 'vitest';
import { canonicalJson, isDigest, isFullId, isShortId, parseDigest, shortId } from './digest';
import { layerHistory, type ImageConfig } from './types';

const HEX = '0123456789abcdef'.repeat(4);

describe('parseDigest', () => {
  it('splits a sha256 digest', () => {
    expect(parseDigest(`sha256:${HEX}`)).toEqual({ ok: true, digest: `sha256:${HEX}`, algorithm: 'sha256', hex: HEX });
    expect(isDigest(`sha512:${'a'.repeat(128)}`)).toBe(true);
  });

  it.each([
    [HEX, 'invalid checksum digest format'],
    [':' + HEX, 'invalid checksum digest format'],
    ['sha256:', 'invalid checksum digest format'],
    [`sha256:${HEX.toUpperCase()}`, 'invalid checksum digest format'],
    [`sha256:${'g'.repeat(64)}`, 'invalid checksum digest format'],
    [`sha256:${HEX}0`, 'invalid checksum digest length'],
    ['sha256:abc', 'invalid checksum digest length'],
    [`md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    ['Bad Algo:abc', 'invalid checksum digest format'],
  ])('refuses %j: %s', (text, error) => {
    expect(parseDigest(text)).toEqual({ ok: false, error });
  });
});

describe('IDs', () => {
  it.each([[`sha256:${HEX}`, '0123456789ab'], [HEX, '0123456789ab'], ['abc', 'abc']])('shortId(%s) = %s', (id, short) => {
    expect(shortId(id)).toBe(short);
  });
  it('recognises full and short IDs', () => {
    expect(isFullId(HEX)).toBe(true);
    expect(isFullId(`sha256:${HEX}`)).toBe(false);
    expect(isShortId('0123456789ab')).toBe(true);
    expect(isShortId('0123456789a')).toBe(false);
    expect(isShortId('0123456789AB')).toBe(false);
  });
});

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['sorted keys, no spaces', { b: 1, a: [true, null, 'x'], c: { z: 1, y: 2 } }, '{"a":[true,null,"x"],"b":1,"c":{"y":2,"z":1}}'],
    ['undefined members dropped', { a: undefined, b: 1 }, '{"b":1}'],
    ['undefined in an array is null', [undefined, 1], '[null,1]'],
    ['non-ASCII escaped', { name: 'héllo 中' }, '{"name":"h\\u00e9llo \\u4e2d"}'],
    ['astral characters as surrogate pairs', '🐳', '"\\ud83d\\udc33"'],
    ['control characters as JSON escapes', 'a\nb\u0001', '"a\\nb\\u0001"'],
    ['empty containers', { a: {}, b: [] }, '{"a":{},"b":[]}'],
  ])('%s', (_, value, text) => {
    expect(canonicalJson(value)).toBe(text);
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value) ?? 'null'));
  });

  it('gives the same text whatever order keys were set in', () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: 1 } })).toBe(canonicalJson({ y: { a: 1, b: 2 }, x: 1 }));
  });

  it.each([[NaN], [Infinity], [() => 1], [10n]])('refuses %s', (value) => {
    expect(() => canonicalJson({ value })).toThrow();
  });
});

describe('layerHistory', () => {
  it('keeps the history entries that made layers', () => {
    const config: ImageConfig = {
      architecture: '386', os: 'linux', rootfs: { type: 'layers', diff_ids: [`sha256:${HEX}`] },
      history: [{ created_by: 'COPY x' }, { created_by: 'CMD ["sh"]', empty_layer: true }],
    };
    expect(layerHistory(config)).toEqual([{ created_by: 'COPY x' }]);
    expect(layerHistory({ ...config, history: undefined })).toEqual([]);
  });
});
