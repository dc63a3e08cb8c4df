// The Vite glob finds the real lessons (vitest runs through Vite, so import.meta.glob works here).
import { describe, expect, it } from 'vitest';
import { loadCourse } from './catalog';

describe('loadCourse', () => {
  it('bundles every lesson folder, ordered, in both languages', () => {
    const { lessons } = loadCourse();
    expect(lessons.map((l) => l.folder).slice(0, 4)).toEqual(['01-what-is-docker', '02-container-is-a-process', '03-vm-vs-container', '04-why-containers']);
    expect(lessons[1].languages.ko.file).toBe('lessons/02-container-is-a-process/ko.md');
    expect(loadCourse()).toBe(loadCourse());
  });
});
