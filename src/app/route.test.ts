// Routes: the hash wins, then the remembered place, then the course list.
import { describe, expect, it } from 'vitest';
import { initialRoute, parseHash, rememberRoute, routeHash } from './route';

const known = ['why-containers', 'container-is-a-process'];

describe('route', () => {
  it('reads and writes the hash', () => {
    expect(parseHash('', known)).toBeNull();
    expect(parseHash('#/', known)).toEqual({ view: 'course' });
    expect(parseHash('#/lessons/container-is-a-process', known)).toEqual({ view: 'lesson', lessonId: 'container-is-a-process' });
    expect(parseHash('#/lessons/gone', known)).toEqual({ view: 'course' });
    expect(routeHash({ view: 'lesson', lessonId: 'why-containers' })).toBe('#/lessons/why-containers');
    expect(parseHash('#/vm', known)).toEqual({ view: 'vm' });
    expect(routeHash({ view: 'vm' })).toBe('#/vm');
    expect(parseHash('#/present', known)).toEqual({ view: 'present' });
    expect(parseHash('#/present/audience', known)).toEqual({ view: 'audience' });
    expect(routeHash({ view: 'present' })).toBe('#/present');
    expect(routeHash({ view: 'audience' })).toBe('#/present/audience');
  });

  it('never remembers the audience window as the place to come back to', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    rememberRoute(storage, { view: 'present' });
    rememberRoute(storage, { view: 'audience' });
    expect(initialRoute('', storage, known)).toEqual({ view: 'present' });
  });

  it('falls back to the remembered place, then the course', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    expect(initialRoute('', storage, known)).toEqual({ view: 'course' });
    rememberRoute(storage, { view: 'lesson', lessonId: 'why-containers' });
    expect(initialRoute('', storage, known)).toEqual({ view: 'lesson', lessonId: 'why-containers' });
    expect(initialRoute('#/', storage, known)).toEqual({ view: 'course' });
  });
});
