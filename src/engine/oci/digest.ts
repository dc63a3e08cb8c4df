// Content digests (`sha256:<64 hex>`), validated with go-digest's errors, their 12-character
// short form, and the canonical JSON a document is serialised to before it is hashed.

export type DigestResult =
  | { ok: true; digest: string; algorithm: string; hex: string }
  | { ok: false; error: string };

/** hex length of each algorithm go-digest knows */
const HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const DIGEST_FORMAT = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** go-digest's Parse: `invalid checksum digest format`, `…length`, `unsupported digest algorithm`. */
export function parseDigest(text: string): DigestResult {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon + 1 === text.length) return { ok: false, error: 'invalid checksum digest format' };
  const algorithm = text.slice(0, colon);
  const hex = text.slice(colon + 1);
  const length = HEX_LENGTH[algorithm];
  if (length === undefined) {
    return { ok: false, error: DIGEST_FORMAT.test(text) ? 'unsupported digest algorithm' : 'invalid checksum digest format' };
  }
  if (hex.length !== length) return { ok: false, error: 'invalid checksum digest length' };
  if (!/^[a-f0-9]+$/.test(hex)) return { ok: false, error: 'invalid checksum digest format' };
  return { ok: true, digest: text, algorithm, hex };
}

export const isDigest = (text: string): boolean => parseDigest(text).ok;

/** A full image or container ID without its algorithm: 64 lowercase hex characters. */
export const isFullId = (text: string): boolean => /^[a-f0-9]{64}$/.test(text);

/** Docker's TruncateID: drops an `algo:` prefix and keeps 12 characters. */
export function shortId(id: string): string {
  const colon = id.indexOf(':');
  return (colon >= 0 ? id.slice(colon + 1) : id).slice(0, 12);
}

/** A short ID as Docker prints it: exactly 12 lowercase hex characters. */
export const isShortId = (text: string): boolean => /^[a-f0-9]{12}$/.test(text);

/**
 * Canonical JSON: object keys sorted, no spaces, `undefined` members dropped, and every
 * character outside ASCII written as `\uXXXX`. Pure ASCII means one character is one byte,
 * so the text can be hashed as it is (QuickJS has no TextEncoder), and the same document
 * always gives the same digest.
 */
export function canonicalJson(value: unknown): string {
  return write(value).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonical JSON has no ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return '[' + value.map((v) => (v === undefined ? 'null' : write(v))).join(',') + ']';
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      return '{' + keys.map((k) => JSON.stringify(k) + ':' + write(record[k])).join(',') + '}';
    }
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
}
