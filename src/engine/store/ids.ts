// Container IDs and finding things by what the user typed, as the Docker daemon does:
// an exact full ID, then an exact name, then a unique ID prefix.
import { shortId } from '../oci/digest';
import { familiarString, fullString, parseAnyReference, withDefaultTag } from '../oci/reference';

export { shortId };

/** 64 lowercase hex characters from 32 random bytes (the caller reads /dev/urandom). */
export function idFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 32) throw new Error(`an ID takes 32 random bytes, not ${bytes.length}`);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Like idFromBytes, but null when the short ID would be all digits: Docker draws again then,
 * because the short ID becomes the hostname and a numeric hostname confuses resolvers.
 */
export function newContainerId(bytes: Uint8Array): string | null {
  const id = idFromBytes(bytes);
  return /^[0-9]+$/.test(shortId(id)) ? null : id;
}


export interface Findable {
  /** full 64-hex ID, optionally with `sha256:` */
  id: string;
  /** names that find it exactly (a container's name, an image's references) */
  names: readonly string[];
}

export type Lookup<T> =
  | { ok: true; item: T }
  | { ok: false; reason: 'not-found' | 'ambiguous' | 'empty' | 'invalid'; error: string };

export interface LookupOptions {
  /** `container` or `image`, for the error text */
  kind: 'container' | 'image';
  /** how a name in `names` is compared with what was typed (a container's leading `/` drops) */
  normalizeName?: (text: string) => string;
}

const bareId = (id: string) => id.slice(id.indexOf(':') + 1);

/**
 * Finds one item the way the daemon's GetContainer does: full ID, exact name, unique ID
 * prefix. Errors are the daemon's: `No such container: x`,
 * `multiple IDs found with provided prefix: ab`.
 */
export function lookup<T extends Findable>(items: readonly T[], text: string, options: LookupOptions): Lookup<T> {
  const noSuch = `No such ${options.kind}: ${text}`;
  if (text === '') {
    return { ok: false, reason: 'empty', error: `invalid ${options.kind} name or ID: value is empty` };
  }
  const wanted = options.normalizeName ? options.normalizeName(text) : text;
  const query = text.startsWith('sha256:') ? text.slice(7) : text;
  const byId = items.find((item) => bareId(item.id) === query);
  if (byId) return { ok: true, item: byId };
  const byName = items.find((item) => item.names.some((n) => (options.normalizeName ? options.normalizeName(n) : n) === wanted));
  if (byName) return { ok: true, item: byName };
  if (!/^[a-f0-9]+$/.test(query)) return { ok: false, reason: 'not-found', error: noSuch };
  const matches = items.filter((item) => bareId(item.id).startsWith(query));
  if (matches.length > 1) {
    return { ok: false, reason: 'ambiguous', error: `multiple IDs found with provided prefix: ${text}` };
  }
  return matches.length === 1 ? { ok: true, item: matches[0] } : { ok: false, reason: 'not-found', error: noSuch };
}

/** Container names are stored with a leading `/`; `/web` and `web` are the same name. */
export const containerName = (text: string): string => (text.startsWith('/') ? text.slice(1) : text);

export function findContainer<T extends Findable>(items: readonly T[], text: string): Lookup<T> {
  return lookup(items, text, { kind: 'container', normalizeName: containerName });
}

/**
 * Finds an image as the daemon's GetImage does (graphdriver image store): a full ID or
 * digest, else the reference with `:latest` added (`names` hold full references such as
 * `docker.io/library/busybox:latest`), else a unique ID prefix. Whatever misses, including
 * an ambiguous prefix, is `No such image: <name>:latest`, as Docker words it.
 */
export function findImage<T extends Findable>(images: readonly T[], text: string): Lookup<T> {
  if (text === '') return { ok: false, reason: 'empty', error: 'invalid image name or ID: value is empty' };
  const parsed = parseAnyReference(text);
  if (!parsed.ok) return { ok: false, reason: 'invalid', error: parsed.error };
  if ('id' in parsed) {
    const found = images.find((image) => bareId(image.id) === bareId(parsed.id));
    return found ? { ok: true, item: found } : { ok: false, reason: 'not-found', error: `No such image: ${parsed.id}` };
  }
  const ref = withDefaultTag(parsed.ref);
  const wanted = fullString(ref);
  const byName = images.find((image) => image.names.includes(wanted));
  if (byName) return { ok: true, item: byName };
  const matches = /^[a-f0-9]+$/.test(text) ? images.filter((image) => bareId(image.id).startsWith(text)) : [];
  if (matches.length === 1) return { ok: true, item: matches[0] };
  return {
    ok: false, reason: matches.length > 1 ? 'ambiguous' : 'not-found',
    error: `No such image: ${familiarString(ref)}`,
  };
}
