// The build context the student edits in the page (pure): a Dockerfile and text files by
// relative path, the rules for their names, the starter files, saving them to localStorage,
// and turning them into the tar archive `docker build -` reads on stdin.
import { writeTar, type TarEntry } from './tar';

export interface ContextFile { name: string; text: string }
export interface BuildContext { files: ContextFile[]; image: string }

export const DOCKERFILE = 'Dockerfile';
export const STORAGE_KEY = 'dockhand.build.v1';
export const CONTEXT_TAR = 'build-context.tar';
export const DEFAULT_IMAGE = 'my-image:1';

export const STARTER: BuildContext = {
  image: DEFAULT_IMAGE,
  files: [
    { name: DOCKERFILE, text: 'FROM busybox\nCOPY hello.sh /hello.sh\nRUN chmod +x /hello.sh\nCMD ["/hello.sh"]\n' },
    { name: 'hello.sh', text: '#!/bin/sh\necho "Hello from my image!"\n' },
  ],
};

export type NameProblem = 'empty' | 'invalid' | 'taken';

/** Why `name` cannot name a file in the context (besides `current`), or null if it can. */
export function nameProblem(name: string, files: ContextFile[], current?: string): NameProblem | null {
  if (!name.trim()) return 'empty';
  // plain relative paths only: they go into a tar archive and are typed nowhere
  const segments = name.split('/');
  if (name.length > 200 || segments.some((s) => !/^[\w.-]+$/.test(s) || s === '.' || s === '..')) return 'invalid';
  const clash = files.some((f) => f.name !== current && (f.name === name || f.name.startsWith(`${name}/`) || name.startsWith(`${f.name}/`)));
  return clash ? 'taken' : null;
}

/** Docker's reference grammar, lower-case repository and an optional tag (no digests, no spaces: it is typed into a shell). */
export function validImageName(ref: string): boolean {
  return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::\w[\w.-]{0,127})?$/.test(ref) && ref.length <= 255;
}

/** The command typed into the terminal for a build of the page's context. */
export function buildCommand(image: string): string {
  return `docker build -t ${image} - < /mnt/host/${CONTEXT_TAR}`;
}

/** A name not used yet: `file.txt`, `file-2.txt`, … */
export function freshName(files: ContextFile[], base = 'file.txt'): string {
  const dot = base.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${stem}-${i}${ext}`;
    if (!nameProblem(name, files)) return name;
  }
}

/** The archive: parent directories first, then each file; scripts (`#!`) are executable. */
export function contextTar(files: ContextFile[], mtime = Math.floor(Date.now() / 1000)): Uint8Array {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.name.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const entries: TarEntry[] = [
    ...[...dirs].sort().map((d): TarEntry => ({ name: d, type: 'dir', mtime })),
    ...files.map((f): TarEntry => ({ name: f.name, data: f.text, mode: f.text.startsWith('#!') ? 0o755 : 0o644, mtime })),
  ];
  return writeTar(entries);
}

/** The saved context, or the starter one when nothing (readable) is saved. */
export function loadContext(storage: Pick<Storage, 'getItem'> | null): BuildContext {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return structuredClone(STARTER);
    const saved = JSON.parse(raw) as Partial<BuildContext>;
    const files = (Array.isArray(saved.files) ? saved.files : []).filter(
      (f): f is ContextFile => typeof f?.name === 'string' && typeof f?.text === 'string',
    );
    // the Dockerfile is always there, first
    const dockerfile = files.find((f) => f.name === DOCKERFILE) ?? { name: DOCKERFILE, text: STARTER.files[0].text };
    return {
      image: typeof saved.image === 'string' ? saved.image : DEFAULT_IMAGE,
      files: [dockerfile, ...files.filter((f) => f.name !== DOCKERFILE)],
    };
  } catch {
    return structuredClone(STARTER);
  }
}

export function saveContext(storage: Pick<Storage, 'setItem'> | null, context: BuildContext): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(context));
  } catch {
    // full or refused (private mode): the files stay in the page until it is closed
  }
}
