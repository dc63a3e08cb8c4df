// The one file that knows Vite: every lesson's markdown, bundled at build time. The rest of
// src/lib/lessons is plain TypeScript that Node tests and scripts import directly.
import { buildCourse } from './course';
import { formatError, type Course } from './format';

const files = import.meta.glob('/lessons/*/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let cached: Course | undefined;

/** The course, ordered by folder number. Throws on a malformed lesson (`npm test` catches those first). */
export function loadCourse(): Course {
  if (cached) return cached;
  const { course, errors } = buildCourse(files);
  if (errors.length) throw new Error(`lessons:\n${errors.map(formatError).join('\n')}`);
  cached = course;
  return course;
}
