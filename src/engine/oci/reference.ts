// Image references as Docker reads them (github.com/distribution/reference): `busybox` is
// docker.io/library/busybox:latest, `my/web:v2` is docker.io/my/web:v2, `localhost:5000/a/b:1`
// names its registry. Same grammar and the same error texts.
import { parseDigest } from './digest';

export interface Reference {
  /** registry host[:port]: `docker.io`, `localhost:5000` */
  domain: string;
  /** repository path: `library/busybox` */
  path: string;
  tag?: string;
  digest?: string;
}

export type ReferenceResult = { ok: true; ref: Reference } | { ok: false; error: string };

export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';
const NAME_MAX = 255;

// The grammar, built as in distribution/reference's regexp.go.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const name = `(?:${domainAndPort}/)?${remoteName}`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const ANCHORED_NAME = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const TAG = new RegExp(`^${tag}$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;

/** distribution/reference's Parse: a reference as written, without adding docker.io. */
export function parse(text: string): ReferenceResult {
  const m = REFERENCE.exec(text);
  if (!m) {
    if (text === '') return { ok: false, error: 'repository name must have at least one component' };
    if (REFERENCE.test(text.toLowerCase())) return { ok: false, error: 'repository name must be lowercase' };
    return { ok: false, error: 'invalid reference format' };
  }
  if (m[1].length > NAME_MAX) {
    return { ok: false, error: `repository name must not be more than ${NAME_MAX} characters` };
  }
  const parts = ANCHORED_NAME.exec(m[1])!;
  const ref: Reference = { domain: parts[1] ?? '', path: parts[2] };
  if (m[2] !== undefined) ref.tag = m[2];
  if (m[3] !== undefined) {
    const checked = parseDigest(m[3]);
    if (!checked.ok) return { ok: false, error: checked.error };
    ref.digest = m[3];
  }
  return { ok: true, ref };
}

/** Docker Hub is implied when the first part is not a host (no `.` or `:`, not localhost). */
function splitDockerDomain(text: string): [string, string] {
  const slash = text.indexOf('/');
  const first = text.slice(0, slash);
  let domain: string;
  let rest: string;
  if (slash === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    [domain, rest] = [DEFAULT_DOMAIN, text];
  } else {
    [domain, rest] = [first, text.slice(slash + 1)];
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !rest.includes('/')) rest = OFFICIAL_PREFIX + rest;
  return [domain, rest];
}

/** ParseNormalizedNamed: what `docker run NAME` does with NAME (no default tag yet). */
export function parseNormalizedNamed(text: string): ReferenceResult {
  if (IDENTIFIER.test(text)) {
    return { ok: false, error: `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domain, rest] = splitDockerDomain(text);
  const colon = rest.indexOf(':');
  const repository = colon < 0 ? rest : rest.slice(0, colon);
  if (repository.toLowerCase() !== repository) {
    return { ok: false, error: `invalid reference format: repository name (${repository}) must be lowercase` };
  }
  return parse(`${domain}/${rest}`);
}

/** TagNameOnly: `:latest` when neither a tag nor a digest was given. */
export function withDefaultTag(ref: Reference): Reference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** `busybox` → docker.io/library/busybox:latest, as an image name is looked up. */
export function parseImageName(text: string): ReferenceResult {
  const parsed = parseNormalizedNamed(text);
  return parsed.ok ? { ok: true, ref: withDefaultTag(parsed.ref) } : parsed;
}

export type AnyReference = { ok: true; id: string } | ReferenceResult;

/** ParseAnyReference: a bare 64-hex ID or a digest is an image ID, anything else a name. */
export function parseAnyReference(text: string): AnyReference {
  if (IDENTIFIER.test(text)) return { ok: true, id: `sha256:${text}` };
  if (parseDigest(text).ok) return { ok: true, id: text };
  return parseNormalizedNamed(text);
}

export const isValidTag = (text: string): boolean => TAG.test(text);

/** `docker.io/library/busybox` */
export const fullName = (ref: Reference): string => (ref.domain ? `${ref.domain}/${ref.path}` : ref.path);

/** `docker.io/library/busybox:latest@sha256:…` */
export function fullString(ref: Reference): string {
  return fullName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest ? `@${ref.digest}` : '');
}

/** The name as Docker prints it: without docker.io, and without library/ for official images. */
export function familiarName(ref: Reference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return fullName(ref);
  const rest = ref.path.startsWith(OFFICIAL_PREFIX) ? ref.path.slice(OFFICIAL_PREFIX.length) : ref.path;
  return rest.includes('/') ? ref.path : rest;
}

/** `busybox:latest`, `my/web:v2`, `localhost:5000/a/b:1` */
export function familiarString(ref: Reference): string {
  return familiarName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest ? `@${ref.digest}` : '');
}
