// Progress in a Storage-like object: versioned key, tolerant reading, pure updates.
import { describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY, emptyProgress, lessonProgress, loadProgress, recordLesson, resumePoint, saveProgress, withLesson, withoutLesson, type ProgressStorage,
} from './progress';

function fakeStorage(initial: Record<string, string> = {}): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => { data.set(k, v); },
    removeItem: (k) => { data.delete(k); },
  };
}

describe('progress', () => {
  it('starts empty and round-trips through storage under the versioned key', () => {
    const storage = fakeStorage();
    expect(loadProgress(storage)).toEqual(emptyProgress());
    const progress = withLesson(emptyProgress(), 'why-containers', { step: 2, passed: [1, 0, 1], done: false });
    expect(saveProgress(storage, progress)).toBe(true);
    expect([...storage.data.keys()]).toEqual([PROGRESS_KEY]);
    expect(lessonProgress(loadProgress(storage), 'why-containers')).toEqual({ step: 2, passed: [0, 1], done: false });
    expect(lessonProgress(loadProgress(storage), 'other')).toEqual({ step: 0, passed: [], done: false });
  });

  it('treats bad JSON, another version and broken entries as a fresh start', () => {
    expect(loadProgress(fakeStorage({ [PROGRESS_KEY]: '{oops' }))).toEqual(emptyProgress());
    expect(loadProgress(fakeStorage({ [PROGRESS_KEY]: '{"version":2,"lessons":{}}' }))).toEqual(emptyProgress());
    const mixed = JSON.stringify({ version: 1, lessons: { a: { step: -1 }, b: 'x', c: { step: 1, passed: [0, 'z', 2.5] } } });
    expect(loadProgress(fakeStorage({ [PROGRESS_KEY]: mixed })).lessons).toEqual({ c: { step: 1, passed: [0], done: false } });
  });

  it('survives storage that throws', () => {
    const broken: ProgressStorage = {
      getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceeded'); }, removeItem: () => {},
    };
    expect(loadProgress(broken)).toEqual(emptyProgress());
    expect(saveProgress(broken, emptyProgress())).toBe(false);
  });

  it('updates without mutating, removes a lesson, and records one lesson in place', () => {
    const before = emptyProgress();
    const after = withLesson(before, 'a', { step: 1, passed: [0], done: false });
    expect(before.lessons).toEqual({});
    expect(withoutLesson(after, 'a').lessons).toEqual({});
    const storage = fakeStorage();
    recordLesson(storage, 'a', { step: 0, passed: [], done: false });
    recordLesson(storage, 'b', { step: 3, passed: [0, 1, 2, 3], done: true });
    expect(Object.keys(loadProgress(storage).lessons)).toEqual(['a', 'b']);
  });

  it('clamps the resume point to a lesson that has fewer steps now', () => {
    const progress = withLesson(emptyProgress(), 'a', { step: 5, passed: [0, 4, 5], done: false });
    expect(resumePoint(progress, 'a', 3)).toEqual({ step: 2, passed: [0], done: false });
  });
});
