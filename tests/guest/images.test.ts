// The engine's image store at boot: the base images are in a real OCI layout, each layer is
// unpacked once and shared, and `docker images` lists them as Docker does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DIR } from '../../src/lib/guest/node';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();
const STORE = '/var/lib/dockhand';
const committed = JSON.parse(readFileSync(join(PUBLIC_DIR, 'images/manifest.json'), 'utf8')) as {
  images: { ref: string; manifestDigest: string; layers: { diffId: string }[] }[];
};

describe('image store', () => {
  it('docker images lists every base image in Docker\'s table', async () => {
    const lines = (await run(guest(), 'docker images')).split('\n');
    expect(lines[0]).toMatch(/^REPOSITORY +TAG +IMAGE ID +CREATED +SIZE$/);
    const refs = lines.slice(1).map((l) => l.split(/ +/).slice(0, 2).join(':')).sort();
    expect(refs).toEqual(committed.images.map((i) => i.ref).sort());
    for (const line of lines.slice(1)) expect(line).toMatch(/ [0-9a-f]{12} +.+ ago +[\d.]+[kM]B$/);
  }, TEST_TIMEOUT);

  it('keeps a real OCI layout: the index names each image, manifests and configs hash to their names', async () => {
    const index = JSON.parse(await run(guest(), `cat ${STORE}/image/index.json`));
    expect(await run(guest(), `cat ${STORE}/image/oci-layout`)).toContain('"imageLayoutVersion":"1.0.0"');
    for (const image of committed.images) {
      const entry = index.manifests.find((m: { annotations?: Record<string, string> }) => m.annotations?.['org.opencontainers.image.ref.name'] === image.ref);
      expect(entry?.digest).toBe(image.manifestDigest);
      const hex = image.manifestDigest.slice(7);
      expect(await run(guest(), `sha256sum ${STORE}/image/blobs/sha256/${hex} | cut -d' ' -f1`)).toBe(hex);
    }
  }, TEST_TIMEOUT);

  it('unpacks each layer once: the busybox layer is one directory shared by all four images', async () => {
    const diffIds = new Set(committed.images.flatMap((i) => i.layers.map((l) => l.diffId.slice(7))));
    const dirs = (await run(guest(), `ls ${STORE}/layers`)).split('\n').filter((n) => !n.endsWith('.json'));
    expect(new Set(dirs)).toEqual(diffIds);
    const busybox = committed.images.find((i) => i.ref === 'busybox:latest')!.layers[0].diffId.slice(7);
    expect(committed.images.every((i) => i.layers[0].diffId.slice(7) === busybox)).toBe(true);
    expect(await run(guest(), `${STORE}/layers/${busybox}/bin/busybox echo from-the-layer`)).toBe('from-the-layer');
  }, TEST_TIMEOUT);

  it.each([
    ['docker images -q', /^([0-9a-f]{12}\n){3}[0-9a-f]{12}$/],
    ['docker images busybox', /^REPOSITORY.*\nbusybox +latest /],
    ['docker image ls --format "{{.Repository}}:{{.Tag}}"', /lua:5\.4/],
    ['docker images --no-trunc -q', /^sha256:[0-9a-f]{64}/],
  ])('%s', async (cmd, expected) => {
    expect(await run(guest(), cmd)).toMatch(expected);
  }, TEST_TIMEOUT);
});
