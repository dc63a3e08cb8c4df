// Image references normalise like Docker's distribution/reference, with its error texts.
import { describe, expect, it } from 'vitest';
import {
  familiarName, familiarString, fullName, fullString, isValidTag, parse, parseAnyReference, parseImageName,
  parseNormalizedNamed, withDefaultTag,
} from './reference';

const HEX = 'a'.repeat(64);

describe('parseImageName (ParseNormalizedNamed + TagNameOnly)', () => {
  it.each([
    ['busybox', 'docker.io/library/busybox:latest', 'busybox:latest', 'docker.io', 'library/busybox'],
    ['busybox:1.36', 'docker.io/library/busybox:1.36', 'busybox:1.36', 'docker.io', 'library/busybox'],
    ['library/busybox', 'docker.io/library/busybox:latest', 'busybox:latest', 'docker.io', 'library/busybox'],
    ['docker.io/busybox', 'docker.io/library/busybox:latest', 'busybox:latest', 'docker.io', 'library/busybox'],
    ['index.docker.io/busybox', 'docker.io/library/busybox:latest', 'busybox:latest', 'docker.io', 'library/busybox'],
    ['my/web:v2', 'docker.io/my/web:v2', 'my/web:v2', 'docker.io', 'my/web'],
    ['my/deep/web', 'docker.io/my/deep/web:latest', 'my/deep/web:latest', 'docker.io', 'my/deep/web'],
    ['library/a/b', 'docker.io/library/a/b:latest', 'library/a/b:latest', 'docker.io', 'library/a/b'],
    ['localhost:5000/a/b:1', 'localhost:5000/a/b:1', 'localhost:5000/a/b:1', 'localhost:5000', 'a/b'],
    ['localhost/web', 'localhost/web:latest', 'localhost/web:latest', 'localhost', 'web'],
    ['ghcr.io/org/tool:2.0', 'ghcr.io/org/tool:2.0', 'ghcr.io/org/tool:2.0', 'ghcr.io', 'org/tool'],
    ['[::1]:5000/x', '[::1]:5000/x:latest', '[::1]:5000/x:latest', '[::1]:5000', 'x'],
    ['a_b.c-d__e---f', 'docker.io/library/a_b.c-d__e---f:latest', 'a_b.c-d__e---f:latest', 'docker.io', 'library/a_b.c-d__e---f'],
    [`busybox@sha256:${HEX}`, `docker.io/library/busybox@sha256:${HEX}`, `busybox@sha256:${HEX}`, 'docker.io', 'library/busybox'],
    [`busybox:1@sha256:${HEX}`, `docker.io/library/busybox:1@sha256:${HEX}`, `busybox:1@sha256:${HEX}`, 'docker.io', 'library/busybox'],
  ])('%s', (text, full, familiar, domain, path) => {
    const parsed = parseImageName(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(fullString(parsed.ref)).toBe(full);
    expect(familiarString(parsed.ref)).toBe(familiar);
    expect(parsed.ref.domain).toBe(domain);
    expect(parsed.ref.path).toBe(path);
  });

  it.each([
    ['Busybox', 'invalid reference format: repository name (library/Busybox) must be lowercase'],
    ['my/Web:v2', 'invalid reference format: repository name (my/Web) must be lowercase'],
    ['localhost:5000/Foo', 'invalid reference format: repository name (Foo) must be lowercase'],
    ['', 'invalid reference format'],
    ['busybox:', 'invalid reference format'],
    [':latest', 'invalid reference format'],
    ['bus box', 'invalid reference format'],
    ['-busybox', 'invalid reference format'],
    ['busybox-', 'invalid reference format'],
    ['a//b', 'invalid reference format'],
    ['busybox:tag with space', 'invalid reference format'],
    [`busybox:${'t'.repeat(129)}`, 'invalid reference format'],
    ['busybox@sha256:abc', 'invalid reference format'],
    [`busybox@sha256:${'a'.repeat(63)}`, 'invalid checksum digest length'],
    [`busybox@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    [HEX, `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`],
    ['x/' + 'a'.repeat(260), 'repository name must not be more than 255 characters'],
  ])('refuses %j', (text, error) => {
    expect(parseImageName(text)).toEqual({ ok: false, error });
  });

  it('takes an upper-case first part as a registry host, as Docker does', () => {
    const parsed = parseNormalizedNamed('Example/web');
    expect(parsed.ok && fullString(parsed.ref)).toBe('Example/web');
  });
});

describe('parse (no normalisation)', () => {
  it.each([
    ['', 'repository name must have at least one component'],
    ['UPPER', 'repository name must be lowercase'],
    ['a:b:c', 'invalid reference format'],
  ])('%j → %s', (text, error) => {
    expect(parse(text)).toEqual({ ok: false, error });
  });

  it('keeps a bare name without a domain', () => {
    expect(parse('busybox:1')).toEqual({ ok: true, ref: { domain: '', path: 'busybox', tag: '1' } });
  });
});

describe('parseAnyReference', () => {
  it('takes 64 hex characters as an image ID', () => {
    expect(parseAnyReference(HEX)).toEqual({ ok: true, id: `sha256:${HEX}` });
  });
  it('takes a digest as an image ID', () => {
    expect(parseAnyReference(`sha256:${HEX}`)).toEqual({ ok: true, id: `sha256:${HEX}` });
  });
  it('takes anything else as a name (a short ID too)', () => {
    const parsed = parseAnyReference('abc123');
    expect(parsed.ok && 'ref' in parsed && fullName(parsed.ref)).toBe('docker.io/library/abc123');
  });
});

describe('names', () => {
  it.each([
    [{ domain: 'docker.io', path: 'library/busybox' }, 'busybox'],
    [{ domain: 'docker.io', path: 'library/a/b' }, 'library/a/b'],
    [{ domain: 'docker.io', path: 'me/app' }, 'me/app'],
    [{ domain: 'quay.io', path: 'library/x' }, 'quay.io/library/x'],
  ])('familiarName(%j) = %s', (ref, name) => {
    expect(familiarName(ref)).toBe(name);
  });

  it('adds latest only without a tag or digest', () => {
    expect(withDefaultTag({ domain: 'docker.io', path: 'library/a' }).tag).toBe('latest');
    expect(withDefaultTag({ domain: 'docker.io', path: 'library/a', tag: 'v1' }).tag).toBe('v1');
    expect(withDefaultTag({ domain: 'docker.io', path: 'library/a', digest: `sha256:${HEX}` }).tag).toBeUndefined();
  });

  it.each([['latest', true], ['v1.2-rc_3', true], ['_x', true], ['.x', false], ['-x', false], ['t'.repeat(128), true], ['t'.repeat(129), false]])(
    'isValidTag(%j) = %s', (tag, valid) => expect(isValidTag(tag)).toBe(valid),
  );
});
