// Generated names look like Docker's and never say Wozniak is boring; --name follows Docker's rule.
import { describe, expect, it } from 'vitest';
import { ADJECTIVES, SURNAMES, generateName, nameConflict, pickName, validateName, type RandomInt } from './names';

/** A random source that replays the given numbers. */
const replay = (...values: number[]): RandomInt => {
  let i = 0;
  return (n) => {
    const v = values[i++];
    if (v === undefined || v >= n) throw new Error(`no value ${v} below ${n}`);
    return v;
  };
};
const adjective = (word: string) => ADJECTIVES.indexOf(word);
const surname = (word: string) => SURNAMES.indexOf(word);

describe('generateName', () => {
  it('joins an adjective and a surname', () => {
    expect(generateName(replay(adjective('eager'), surname('hopper')))).toBe('eager_hopper');
  });

  it('draws again instead of boring_wozniak', () => {
    const random = replay(adjective('boring'), surname('wozniak'), adjective('boring'), surname('turing'));
    expect(generateName(random)).toBe('boring_turing');
  });

  it('appends a digit on a retry', () => {
    expect(generateName(replay(adjective('zen'), surname('knuth'), 7), 1)).toBe('zen_knuth7');
  });

  it('only makes names Docker would accept', () => {
    let seed = 42;
    const lcg: RandomInt = (n) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const name = generateName(lcg, i % 3);
      expect(name).toMatch(/^[a-z]+_[a-z]+[0-9]?$/);
      expect(validateName(name).ok).toBe(true);
      expect(name.startsWith('boring_wozniak')).toBe(false);
    }
  });

  it('has lists with no duplicates', () => {
    expect(new Set(ADJECTIVES).size).toBe(ADJECTIVES.length);
    expect(new Set(SURNAMES).size).toBe(SURNAMES.length);
    expect(ADJECTIVES).toContain('boring');
    expect(SURNAMES).toContain('wozniak');
  });
});

describe('pickName', () => {
  it('retries with a digit while a name is taken', () => {
    const taken = new Set(['cool_curie']);
    const random = replay(adjective('cool'), surname('curie'), adjective('cool'), surname('curie'), 3);
    expect(pickName(random, (n) => taken.has(n), '4bed76d3ad42')).toBe('cool_curie3');
  });

  it('falls back to the short ID after six tries', () => {
    const random: RandomInt = () => 0;
    expect(pickName(random, () => true, '4bed76d3ad42')).toBe('4bed76d3ad42');
  });
});

describe('validateName', () => {
  it.each([['web', 'web'], ['/web', 'web'], ['my-app.v2_1', 'my-app.v2_1'], ['A1', 'A1'], ['0x', '0x']])(
    'accepts %j as %j', (text, name) => expect(validateName(text)).toEqual({ ok: true, name }),
  );

  it.each(['a', '', '/', '-web', '.web', '_web', 'web app', 'web/1', 'wéb', '//web'])('refuses %j', (text) => {
    expect(validateName(text)).toEqual({
      ok: false, error: `Invalid container name (${text}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    });
  });
});

it('words a name conflict as the daemon does', () => {
  expect(nameConflict('web', 'abc')).toBe(
    'Conflict. The container name "/web" is already in use by container "abc". ' +
    'You have to remove (or rename) that container to be able to reuse that name.',
  );
});
