// Protects the base container images (public/images/base-images.oci.tar, built by
// images/containers/build.sh): the OCI layout is intact, layers are shared as the
// "stored once" lesson says, and each image's root file system really runs in the guest.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();
const ARCHIVE = 'base-images.oci.tar';
const D = '/tmp/oci';
const LAYOUT = `${D}/layout`;
const BLOBS = `${LAYOUT}/blobs/sha256`;
const REFS = ['busybox:latest', 'httpd-demo:latest', 'lua:5.1', 'lua:5.4'] as const;
type Ref = (typeof REFS)[number];

interface Descriptor { mediaType: string; digest: string; size: number; annotations?: Record<string, string>; platform?: { architecture: string; os: string } }
interface Manifest { schemaVersion: number; mediaType: string; config: Descriptor; layers: Descriptor[] }
interface Config {
  architecture: string; os: string;
  config: { Env?: string[]; Cmd?: string[]; ExposedPorts?: Record<string, object>; Labels?: Record<string, string> };
  rootfs: { type: string; diff_ids: string[] };
  history: { created_by: string; empty_layer?: boolean }[];
}

const hex = (digest: string) => digest.replace(/^sha256:/, '');
const blob = async <T>(digest: string): Promise<T> => JSON.parse(await run(guest(), `cat ${BLOBS}/${hex(digest)}`)) as T;
/** The directory an image's layers are unpacked into: /tmp/oci/root/lua-5.4 */
const rootOf = (ref: Ref) => `${D}/root/${ref.replace(/[:.]/g, '-')}`;
/** Runs a command inside an image's root file system. */
const inImage = (ref: Ref, cmd: string) => `chroot ${rootOf(ref)} ${cmd}`;

describe('base container images (OCI layout)', () => {
  let index: { schemaVersion: number; manifests: Descriptor[] };
  const manifests = {} as Record<Ref, Manifest>;
  const configs = {} as Record<Ref, Config>;

  beforeAll(async () => {
    const bytes = readFileSync(new URL(`../../public/images/${ARCHIVE}`, import.meta.url));
    await guest().putFile(ARCHIVE, bytes);
    await run(guest(), `rm -rf ${D} && mkdir -p ${LAYOUT} && tar -xf /mnt/host/${ARCHIVE} -C ${LAYOUT}`);
    index = JSON.parse(await run(guest(), `cat ${LAYOUT}/index.json`));
    for (const ref of REFS) {
      const desc = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === ref);
      if (!desc) throw new Error(`${ref} is not in index.json`);
      manifests[ref] = await blob<Manifest>(desc.digest);
      configs[ref] = await blob<Config>(manifests[ref].config.digest);
      // unpack the layers in order, lowest first, into the image's own directory
      const root = rootOf(ref);
      await run(guest(), [`mkdir -p ${root}`, ...manifests[ref].layers.map((l) => `tar -xzf ${BLOBS}/${hex(l.digest)} -C ${root}`)].join(' && '), 60_000);
    }
  }, 180_000);

  it('is an OCI image layout with the four images, tagged', async () => {
    expect(JSON.parse(await run(guest(), `cat ${LAYOUT}/oci-layout`))).toEqual({ imageLayoutVersion: '1.0.0' });
    expect(index.schemaVersion).toBe(2);
    expect(index.manifests.map((m) => m.annotations?.['io.dockhand.ref'])).toEqual([...REFS]);
    for (const m of index.manifests) {
      expect(m.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
      expect(m.platform).toEqual({ architecture: '386', os: 'linux' });
      expect(m.annotations?.['org.opencontainers.image.ref.name']).toBe(m.annotations?.['io.dockhand.ref']);
    }
  }, TEST_TIMEOUT);

  it('every blob is named by the sha256 of its content, and every referenced blob is there once', async () => {
    const lines = (await run(guest(), `cd ${BLOBS} && sha256sum *`)).split('\n');
    const names = lines.map((line) => {
      const [sum, name] = line.split(/\s+/);
      expect(sum, name).toBe(name);
      return name;
    });
    const referenced = new Set<string>();
    for (const ref of REFS) {
      referenced.add(hex(index.manifests[REFS.indexOf(ref)].digest));
      referenced.add(hex(manifests[ref].config.digest));
      for (const l of manifests[ref].layers) referenced.add(hex(l.digest));
    }
    expect(names.sort()).toEqual([...referenced].sort());
  }, TEST_TIMEOUT);

  it('manifests and configs have the OCI media types, i386 and one diff_id per layer', async () => {
    for (const ref of REFS) {
      const m = manifests[ref], c = configs[ref];
      expect(m.schemaVersion).toBe(2);
      expect(m.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
      expect(m.config.mediaType).toBe('application/vnd.oci.image.config.v1+json');
      for (const l of m.layers) expect(l.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
      expect(c.architecture).toBe('386');
      expect(c.os).toBe('linux');
      expect(c.rootfs.type).toBe('layers');
      expect(c.rootfs.diff_ids).toHaveLength(m.layers.length);
      expect(c.history.filter((h) => !h.empty_layer)).toHaveLength(m.layers.length);
      expect(c.config.Env).toContain('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    }
    expect(configs['busybox:latest'].config.Cmd).toEqual(['sh']);
    expect(configs['httpd-demo:latest'].config.Cmd).toEqual(['httpd', '-f', '-v', '-p', '80', '-h', '/var/www']);
    expect(configs['httpd-demo:latest'].config.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(configs['lua:5.1'].config.Labels?.['org.opencontainers.image.version']).toMatch(/^5\.1\./);
    expect(configs['lua:5.4'].config.Labels?.['org.opencontainers.image.version']).toMatch(/^5\.4\./);
  }, TEST_TIMEOUT);

  it('a diff_id is the sha256 of the uncompressed layer', async () => {
    const pairs = new Map<string, string>();
    for (const ref of REFS) manifests[ref].layers.forEach((l, i) => pairs.set(hex(l.digest), configs[ref].rootfs.diff_ids[i]));
    const script = [...pairs.keys()].map((h) => `gunzip -c ${BLOBS}/${h} | sha256sum`).join('; ');
    const sums = (await run(guest(), script, 60_000)).split('\n').map((l) => `sha256:${l.split(/\s+/)[0]}`);
    expect(sums).toEqual([...pairs.values()]);
  }, TEST_TIMEOUT);

  it('the busybox layer is shared by all four images, the glibc layer by both lua images', () => {
    const [busybox] = manifests['busybox:latest'].layers;
    for (const ref of REFS) expect(manifests[ref].layers[0].digest, ref).toBe(busybox.digest);
    expect(manifests['httpd-demo:latest'].layers).toHaveLength(2);
    expect(manifests['lua:5.1'].layers).toHaveLength(3);
    expect(manifests['lua:5.4'].layers).toHaveLength(3);
    expect(manifests['lua:5.1'].layers[1].digest).toBe(manifests['lua:5.4'].layers[1].digest);
    // ...while the top layers differ: that is where the two versions live
    expect(manifests['lua:5.1'].layers[2].digest).not.toBe(manifests['lua:5.4'].layers[2].digest);
  });

  it('busybox: a shell runs in the image', async () => {
    expect(await run(guest(), inImage('busybox:latest', `sh -c 'echo hi'`))).toBe('hi');
    expect(await run(guest(), inImage('busybox:latest', `sh -c 'id -un; stat -c %a /tmp'`))).toBe('root\n1777');
  }, TEST_TIMEOUT);

  it('httpd-demo: busybox httpd in the image serves the page', async () => {
    const pid = await run(guest(), `${inImage('httpd-demo:latest', 'httpd -f -p 8080 -h /var/www')} </dev/null >/dev/null 2>&1 & echo $!`);
    try {
      const page = await run(guest(), `
        for i in $(seq 50); do wget -qO- http://127.0.0.1:8080/ 2>/dev/null && exit 0; sleep 0.2; done; exit 1`);
      expect(page).toContain('Hello from a container!');
      expect(page).toContain('busybox httpd');
      expect(page).toContain('컨테이너');
    } finally {
      await guest().exec(`kill ${pid}`);
    }
  }, TEST_TIMEOUT);

  it('lua:5.4: integer division and its version', async () => {
    expect(await run(guest(), inImage('lua:5.4', `lua -e 'print(7 // 2, _VERSION)'`))).toBe('3\tLua 5.4');
  }, TEST_TIMEOUT);

  it('lua:5.1: its version, and 5.4 code that it cannot run', async () => {
    expect(await run(guest(), inImage('lua:5.1', `lua -e 'print(_VERSION)'`))).toBe('Lua 5.1');
    // `//` (integer division) came with Lua 5.3: the same script breaks on 5.1
    const r = await guest().exec(inImage('lua:5.1', `lua -e 'print(7 // 2)'`));
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/unexpected symbol near '\/'/);
  }, TEST_TIMEOUT);
});
