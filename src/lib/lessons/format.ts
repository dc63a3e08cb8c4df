// The lesson data model: what `parse.ts` makes of a lesson's markdown and what the app
// renders and runs. Every element keeps its 1-based line in the source file so errors
// and editors can point at it. The format itself is described in lessons/README.md.
import type { EnginePredicate } from './engine-predicates';

export type Language = 'ko' | 'en';
export const LANGUAGES: readonly Language[] = ['ko', 'en'];

/** The live picture shown beside a lesson (src/lib/viz). */
export const PICTURES = ['namespaces', 'layers', 'volumes', 'network', 'lifecycle', 'xray', 'vm-compare'] as const;
export type Picture = (typeof PICTURES)[number];

/** Machine states a lesson may start from; the app knows how to reach each. */
export const START_STATES = ['fresh'] as const;
export type StartState = (typeof START_STATES)[number];

/** A fenced code block: runnable ones (```sh run) get a button that types them into the terminal. */
export interface Command {
  /** the block's text, without the fences; may hold several lines */
  text: string;
  /** the info string's language (`sh`) */
  lang: string;
  runnable: boolean;
  line: number;
}

/** `shell:` exits 0 in the VM, or `engine:` holds over the engine's state. */
export type Check =
  | { kind: 'shell'; script: string; line: number }
  | { kind: 'engine'; source: string; predicate: EnginePredicate; line: number };

/** Shown one more at a time after each failed check. */
export interface Hint { text: string; line: number }

/** Prose (markdown) and code, in the order written. */
export type Block =
  | { kind: 'text'; markdown: string; line: number }
  | { kind: 'code'; command: Command };

export interface Step {
  /** 0-based position in the lesson */
  index: number;
  title: string;
  line: number;
  /** the step's body without its check block */
  blocks: Block[];
  /** the code blocks of `blocks`, in order */
  commands: Command[];
  checks: Check[];
  hints: Hint[];
}

export interface FrontmatterField { value: string; line: number }

export interface Lesson {
  /** the folder name without its number: `why-containers` */
  id: string;
  /** the folder name: `01-why-containers` */
  folder: string;
  /** the folder's number */
  order: number;
  language: Language;
  /** path relative to the repository: `lessons/01-why-containers/ko.md` */
  file: string;
  title: string;
  summary: string;
  picture: Picture;
  start: StartState;
  /** everything between the frontmatter and the first step */
  intro: Block[];
  steps: Step[];
  /** frontmatter keys as written (for line numbers) */
  meta: Record<string, FrontmatterField>;
}

/** One lesson in both languages; their steps match one to one. */
export interface CourseLesson {
  id: string;
  folder: string;
  order: number;
  picture: Picture;
  start: StartState;
  languages: Record<Language, Lesson>;
}

export interface Course { lessons: CourseLesson[] }

/** A problem in a lesson file; printed as `file:line: message`. */
export interface LessonError { file: string; line: number; message: string }

export function formatError(error: LessonError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}
