// `npx tsx scripts/validate-lessons.ts`: parses and validates every lessons/NN-name/LANG.md
// the way the app loads them; prints `lessons: N ok` or one `file:line: message` per error
// and exits 1.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCourse } from '../src/lib/lessons/course';
import { formatError } from '../src/lib/lessons/format';

/** lessons/*\/*.md, as Vite's import.meta.glob('/lessons/*\/*.md') sees them. */
export function readLessonFiles(root = fileURLToPath(new URL('../lessons', import.meta.url))): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of readdirSync(root)) {
    const dir = join(root, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.md')) files[`lessons/${folder}/${name}`] = readFileSync(join(dir, name), 'utf8');
    }
  }
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { course, errors } = buildCourse(readLessonFiles());
  if (errors.length) {
    for (const error of errors) console.error(formatError(error));
    process.exit(1);
  }
  console.log(`lessons: ${course.lessons.length} ok`);
}
