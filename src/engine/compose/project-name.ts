// The project name, chosen like compose: `-p` flag, then COMPOSE_PROJECT_NAME, then `name:` in
// the file, then the directory's name. Given names must already be valid; the directory's name
// is made valid (lowercased, only [a-z0-9_-] kept, no leading `_` or `-`).

export type NameResult = { ok: true; name: string } | { ok: false; error: string };

const VALID = /^[a-z0-9][a-z0-9_-]*$/;

/** compose-go NormalizeProjectName: lowercase, keep [a-z0-9_-], trim leading `_` and `-`. */
export function normalizeProjectName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '');
}

export function validateProjectName(name: string): string | undefined {
  if (name === '') return 'project name must not be empty';
  if (!VALID.test(name)) {
    return `${JSON.stringify(name)} is not a valid project name: it must contain only characters from [a-z0-9_-] and start with [a-z0-9]`;
  }
  return undefined;
}

export interface NameSources {
  /** `docker compose -p NAME` */
  flag?: string;
  /** COMPOSE_PROJECT_NAME from the environment */
  env?: string;
  /** `name:` at the top of the compose file (after interpolation) */
  file?: string;
  /** the project directory (absolute path); its last component is the fallback */
  workingDir: string;
}

export function projectName(sources: NameSources): NameResult {
  for (const given of [sources.flag, sources.env, sources.file]) {
    if (given === undefined || given === '') continue;
    const error = validateProjectName(given);
    return error ? { ok: false, error } : { ok: true, name: given };
  }
  const base = sources.workingDir.split('/').filter((p) => p !== '').pop() ?? '';
  const name = normalizeProjectName(base);
  const error = validateProjectName(name);
  return error ? { ok: false, error } : { ok: true, name };
}
