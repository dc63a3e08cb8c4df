// The student's progress, kept in localStorage under one versioned key: per lesson (by its
// id, so renumbering folders keeps progress) the step they are on and the steps passed.
// Pure functions over a Storage-like object, so tests pass a Map-backed fake.

export const PROGRESS_KEY = 'dockhand.progress.v1';

export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface LessonProgress {
  /** 0-based step the student is on */
  step: number;
  /** 0-based indexes of passed steps, ascending */
  passed: number[];
  done: boolean;
}

export interface Progress { version: 1; lessons: Record<string, LessonProgress> }

export const emptyProgress = (): Progress => ({ version: 1, lessons: {} });
export const emptyLessonProgress = (): LessonProgress => ({ step: 0, passed: [], done: false });

const isIndex = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

function cleanLesson(raw: unknown): LessonProgress | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Partial<LessonProgress>;
  if (!isIndex(r.step)) return undefined;
  const passed = Array.isArray(r.passed) ? [...new Set(r.passed.filter(isIndex))].sort((a, b) => a - b) : [];
  return { step: r.step, passed, done: r.done === true };
}

/** Reads progress; anything unreadable (other version, bad JSON, storage blocked) is a fresh start. */
export function loadProgress(storage: ProgressStorage): Progress {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(PROGRESS_KEY) ?? 'null');
  } catch {
    return emptyProgress();
  }
  if (!raw || typeof raw !== 'object' || (raw as Progress).version !== 1) return emptyProgress();
  const progress = emptyProgress();
  for (const [id, lesson] of Object.entries((raw as Progress).lessons ?? {})) {
    const clean = cleanLesson(lesson);
    if (clean) progress.lessons[id] = clean;
  }
  return progress;
}

/** Writes progress; false when storage refused (private mode, quota), which costs only the resume. */
export function saveProgress(storage: ProgressStorage, progress: Progress): boolean {
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function lessonProgress(progress: Progress, lessonId: string): LessonProgress {
  return progress.lessons[lessonId] ?? emptyLessonProgress();
}

/** A new Progress with one lesson's entry replaced. */
export function withLesson(progress: Progress, lessonId: string, lesson: LessonProgress): Progress {
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: cleanLesson(lesson) ?? emptyLessonProgress() } };
}

export function withoutLesson(progress: Progress, lessonId: string): Progress {
  const lessons = { ...progress.lessons };
  delete lessons[lessonId];
  return { ...progress, lessons };
}

/** Where to resume a lesson of `stepCount` steps (clamped: a lesson may have lost steps since). */
export function resumePoint(progress: Progress, lessonId: string, stepCount: number): LessonProgress {
  const saved = lessonProgress(progress, lessonId);
  const last = Math.max(0, stepCount - 1);
  return { step: Math.min(saved.step, last), passed: saved.passed.filter((i) => i < stepCount), done: saved.done };
}

/** Read, change one lesson, write: what the lesson machine's saveProgress action does. */
export function recordLesson(storage: ProgressStorage, lessonId: string, lesson: LessonProgress): Progress {
  const next = withLesson(loadProgress(storage), lessonId, lesson);
  saveProgress(storage, next);
  return next;
}
