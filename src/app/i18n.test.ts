// The UI strings: both languages complete, and the language chosen from storage or the browser.
import { describe, expect, it } from 'vitest';
import { initialLanguage, LANG_KEY, rememberLanguage, strings } from './i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}.${k}`)).sort();
}

describe('i18n', () => {
  it('has every string in both languages', () => {
    expect(keys(strings.ko)).toEqual(keys(strings.en));
  });

  it('follows the browser: ko* is Korean, anything else English', () => {
    expect(initialLanguage(null, 'ko-KR')).toBe('ko');
    expect(initialLanguage(null, 'ko')).toBe('ko');
    expect(initialLanguage(null, 'en-US')).toBe('en');
    expect(initialLanguage(null, 'de')).toBe('en');
    expect(initialLanguage(null, undefined)).toBe('en');
  });

  it('prefers the student\'s stored choice, and survives blocked storage', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    rememberLanguage(storage, 'ko');
    expect(map.get(LANG_KEY)).toBe('ko');
    expect(initialLanguage(storage, 'en-US')).toBe('ko');
    const blocked = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(initialLanguage(blocked, 'ko-KR')).toBe('ko');
    expect(() => rememberLanguage(blocked, 'en')).not.toThrow();
  });
});
