import { describe, expect, it } from 'vitest';
import { withRef } from './layout';
import type { Descriptor, ImageIndex } from './types';

const M = 'application/vnd.oci.image.manifest.v1+json';
const d = (digest: string, ref?: string): Descriptor => ({
  mediaType: M, digest, size: 1, ...(ref ? { annotations: { 'org.opencontainers.image.ref.name': ref } } : {}),
});
const index = (...manifests: Descriptor[]): ImageIndex => ({ schemaVersion: 2, manifests });

describe('index names', () => {
  it('adds a name, and a second name for the same manifest', () => {
    const one = withRef(index(), d('a'), 'x:1');
    expect(one.manifests).toEqual([d('a', 'x:1')]);
    expect(withRef(one, d('a'), 'x:2').manifests).toEqual([d('a', 'x:1'), d('a', 'x:2')]);
  });

  it('moves a name; the image it leaves keeps an unnamed (dangling) entry', () => {
    expect(withRef(index(d('a', 'x:1')), d('b'), 'x:1').manifests).toEqual([d('b', 'x:1'), d('a')]);
    expect(withRef(index(d('a', 'x:1'), d('a', 'y:1')), d('b'), 'x:1').manifests).toEqual([d('a', 'y:1'), d('b', 'x:1')]);
  });

  it('adds an unnamed image once, and drops the unnamed entry when it gets a name', () => {
    const dangling = withRef(index(d('a', 'x:1')), d('b'), undefined);
    expect(dangling.manifests).toEqual([d('a', 'x:1'), d('b')]);
    expect(withRef(dangling, d('b'), undefined).manifests).toEqual(dangling.manifests);
    expect(withRef(dangling, d('b'), 'b:1').manifests).toEqual([d('a', 'x:1'), d('b', 'b:1')]);
  });

  it('removes a name; the last one leaves the image dangling', () => {
    const two = index(d('a', 'x:1'), d('a', 'x:2'));
    expect(withRef(two, d('a'), undefined, 'x:2').manifests).toEqual([d('a', 'x:1')]);
    expect(withRef(index(d('a', 'x:1')), d('a'), undefined, 'x:1').manifests).toEqual([d('a')]);
  });
});
