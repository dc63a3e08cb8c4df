// IDs and lookups behave like the Docker daemon's, errors included.
import { describe, expect, it } from 'vitest';
import { findContainer, findImage, idFromBytes, lookup, newContainerId, shortId, type Findable } from './ids';

const bytes = (...values: number[]) => Uint8Array.from({ length: 32 }, (_, i) => values[i % values.length]);

describe('idFromBytes / newContainerId', () => {
  it('writes 32 bytes as 64 lowercase hex characters', () => {
    const id = idFromBytes(Uint8Array.from({ length: 32 }, (_, i) => i * 8));
    expect(id).toBe('0008101820283038404850586068707880889098a0a8b0b8c0c8d0d8e0e8f0f8');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes exactly 32 bytes', () => {
    expect(() => idFromBytes(new Uint8Array(16))).toThrow('an ID takes 32 random bytes, not 16');
  });

  it('refuses an ID whose short form is all digits (it becomes the hostname)', () => {
    expect(newContainerId(bytes(0x12, 0x34))).toBeNull();
    expect(newContainerId(bytes(0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0xab))).toBeNull();
    expect(newContainerId(bytes(0x12, 0x34, 0x56, 0x78, 0x90, 0xab))).toBe(idFromBytes(bytes(0x12, 0x34, 0x56, 0x78, 0x90, 0xab)));
  });

  it.each([['4bed76d3ad42aa55', '4bed76d3ad42'], ['sha256:4bed76d3ad42aa55', '4bed76d3ad42'], ['abc', 'abc']])(
    'shortId(%s) = %s', (id, short) => expect(shortId(id)).toBe(short),
  );
});

const container = (id: string, name: string): Findable & { label: string } =>
  ({ id: id.padEnd(64, '0'), names: [`/${name}`], label: name });
const CONTAINERS = [
  container('abc123', 'web'),
  container('abd456', 'db'),
  container('f00d', 'abd456'), // a name that looks like another container's ID prefix
  container('e1e1', 'e1'),
];

describe('findContainer', () => {
  it.each([
    ['a full ID', 'abc123'.padEnd(64, '0'), 'web'],
    ['a name', 'web', 'web'],
    ['a name with its slash', '/db', 'db'],
    ['a unique prefix', 'abc', 'web'],
    ['a one-character unique prefix', 'f', 'abd456'],
    ['a name before an ID prefix', 'abd456', 'abd456'],
    ['a full ID before a name', 'e1e1'.padEnd(64, '0'), 'e1'],
    ['a name that is also a prefix', 'e1', 'e1'],
  ])('finds by %s', (_, text, label) => {
    const found = findContainer(CONTAINERS, text);
    expect(found.ok && found.item.label).toBe(label);
  });

  it.each([
    ['ab', 'ambiguous', 'multiple IDs found with provided prefix: ab'],
    ['a', 'ambiguous', 'multiple IDs found with provided prefix: a'],
    ['nope', 'not-found', 'No such container: nope'],
    ['ABC', 'not-found', 'No such container: ABC'],
    ['0123', 'not-found', 'No such container: 0123'],
    ['', 'empty', 'invalid container name or ID: value is empty'],
  ])('%j → %s', (text, reason, error) => {
    expect(findContainer(CONTAINERS, text)).toEqual({ ok: false, reason, error });
  });

  it('compares names exactly when no normaliser is given', () => {
    expect(lookup(CONTAINERS, 'web', { kind: 'container' }).ok).toBe(false);
    expect(lookup(CONTAINERS, '/web', { kind: 'container' }).ok).toBe(true);
  });
});

const image = (hex: string, ...names: string[]) => ({ id: `sha256:${hex.padEnd(64, '0')}`, names });
const IMAGES = [
  image('aa11', 'docker.io/library/busybox:latest', 'docker.io/library/busybox:1.37'),
  image('aa22', 'docker.io/my/web:v2'),
  image('bb33', 'localhost:5000/a/b:1'),
];

describe('findImage', () => {
  it.each([
    ['busybox', 0], ['busybox:latest', 0], ['busybox:1.37', 0], ['docker.io/library/busybox', 0],
    ['my/web:v2', 1], ['localhost:5000/a/b:1', 2], ['bb', 2], ['aa11', 0],
    [`sha256:${'aa22'.padEnd(64, '0')}`, 1], ['aa22'.padEnd(64, '0'), 1],
  ])('finds %s', (text, index) => {
    const found = findImage(IMAGES, text);
    expect(found.ok && found.item).toBe(IMAGES[index]);
  });

  it.each([
    ['alpine', 'not-found', 'No such image: alpine:latest'],
    ['busybox:1.36', 'not-found', 'No such image: busybox:1.36'],
    ['my/web', 'not-found', 'No such image: my/web:latest'],
    ['aa', 'ambiguous', 'No such image: aa:latest'],
    ['cc', 'not-found', 'No such image: cc:latest'],
    [`sha256:${'c'.repeat(64)}`, 'not-found', `No such image: sha256:${'c'.repeat(64)}`],
    ['Busybox', 'invalid', 'invalid reference format: repository name (library/Busybox) must be lowercase'],
    ['', 'empty', 'invalid image name or ID: value is empty'],
  ])('%j → %s', (text, reason, error) => {
    expect(findImage(IMAGES, text)).toEqual({ ok: false, reason, error });
  });
});
