// Lesson files → the course: parse each, validate each and each ko/en pair, order by the
// folder number. Takes file contents by path so it runs the same under Vite (catalog.ts,
// import.meta.glob), Node (scripts/validate-lessons.ts) and tests.
import { LANGUAGES, type Course, type CourseLesson, type Language, type Lesson, type LessonError } from './format';
import { parseLesson } from './parse';
import { validateLesson, validatePair } from './validate';

export interface CourseResult { course: Course; errors: LessonError[] }

/** `files` maps paths (`lessons/01-x/ko.md` or `/lessons/01-x/ko.md`) to their text. */
export function buildCourse(files: Record<string, string>): CourseResult {
  const errors: LessonError[] = [];
  const folders = new Map<string, Partial<Record<Language, Lesson>>>();

  for (const [path, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.replace(/^\/+/, '');
    const parsed = parseLesson(source, file);
    errors.push(...parsed.errors, ...validateLesson(parsed.lesson));
    if (!parsed.lesson.folder) continue;
    const entry = folders.get(parsed.lesson.folder) ?? {};
    entry[parsed.lesson.language] = parsed.lesson;
    folders.set(parsed.lesson.folder, entry);
  }

  const lessons: CourseLesson[] = [];
  const byOrder = new Map<number, string>();
  const byId = new Map<string, string>();
  for (const [folder, entry] of folders) {
    const some = (entry.ko ?? entry.en)!;
    const missing = LANGUAGES.filter((language) => !entry[language]);
    for (const language of missing) errors.push({ file: `lessons/${folder}/${language}.md`, line: 1, message: `missing: every lesson has ${LANGUAGES.map((l) => `${l}.md`).join(' and ')}` });
    if (byOrder.has(some.order)) errors.push({ file: some.file, line: 1, message: `number ${some.order} is also used by lessons/${byOrder.get(some.order)}` });
    if (byId.has(some.id)) errors.push({ file: some.file, line: 1, message: `name "${some.id}" is also used by lessons/${byId.get(some.id)}` });
    byOrder.set(some.order, folder);
    byId.set(some.id, folder);
    if (missing.length) continue;
    errors.push(...validatePair(entry.ko!, entry.en!));
    lessons.push({ id: some.id, folder, order: some.order, picture: some.picture, start: some.start, languages: { ko: entry.ko!, en: entry.en! } });
  }
  lessons.sort((a, b) => a.order - b.order);
  errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { course: { lessons }, errors };
}
