// The commands that write the image store, on the real guest: docker commit (a layer from the
// container's overlay upper dir, whiteouts as `.wh.` files), tag, rmi, image prune, save, load.
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();
const SLOW = TEST_TIMEOUT * 2;

describe('docker commit', () => {
  it('makes an image with the container\'s changes: added files, whiteouts, opaque dirs', async () => {
    await run(guest(), "docker run --name c1 busybox sh -c 'echo hello > /f; rm /bin/vi; rm -rf /usr; mkdir -p /usr/new'");
    const id = await run(guest(), "docker commit -m 'my message' -a 'Ann <ann@x>' -c 'ENV A=1 B=\"two words\"' -c 'WORKDIR /tmp' -c 'CMD [\"cat\", \"/f\"]' -c 'EXPOSE 8080' -c 'LABEL k=v' c1 mine:1", 60_000);
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await run(guest(), 'docker run --rm mine:1')).toBe('hello');
    expect(await run(guest(), 'docker run --rm mine:1 pwd')).toBe('/tmp');
    expect(await run(guest(), "docker run --rm mine:1 sh -c 'echo $A $B'")).toBe('1 two words');
    const gone = await guest().exec('docker run --rm mine:1 ls /bin/vi');
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr).toContain('No such file or directory');
    expect(await run(guest(), 'docker run --rm mine:1 ls /usr')).toBe('new');
    // the base image is unchanged
    expect(await run(guest(), 'docker run --rm busybox ls /bin/vi')).toBe('/bin/vi');

    const [image] = JSON.parse(await run(guest(), 'docker image inspect mine:1'));
    expect(image.Id).toBe(id);
    expect(image.Author).toBe('Ann <ann@x>');
    expect(image.Config).toMatchObject({ Cmd: ['cat', '/f'], WorkingDir: '/tmp', ExposedPorts: { '8080/tcp': {} }, Labels: { k: 'v' } });
    expect(image.Config.Env).toEqual(expect.arrayContaining(['A=1', 'B=two words']));
    expect(image.Config.Env.some((e: string) => e.startsWith('HOSTNAME='))).toBe(false);
    const [busybox] = JSON.parse(await run(guest(), 'docker image inspect busybox'));
    expect(image.RootFS.Layers.slice(0, -1)).toEqual(busybox.RootFS.Layers);
    expect(image.RootFS.Layers).toHaveLength(busybox.RootFS.Layers.length + 1);

    // the unpacked layer: overlay's own whiteout device and opaque dir, no engine mount points
    const layer = `/var/lib/dockhand/layers/${image.RootFS.Layers.at(-1).slice(7)}`;
    expect(await run(guest(), `ls -l ${layer}/bin/vi`)).toMatch(/^c.* 0, +0 /);
    expect(await run(guest(), `cat ${layer}/f`)).toBe('hello');
    expect(await run(guest(), `ls ${layer}/etc/hosts ${layer}/etc/hostname 2>&1 || true`)).toContain('No such file');
  }, SLOW);

  it('docker history shows the new layer on top of busybox\'s', async () => {
    const lines = (await run(guest(), "docker history --format '{{.CreatedBy}}|{{.Comment}}' --no-trunc mine:1")).split('\n');
    const base = (await run(guest(), "docker history --format '{{.CreatedBy}}|{{.Comment}}' --no-trunc busybox")).split('\n');
    expect(lines[0]).toBe("sh -c echo hello > /f; rm /bin/vi; rm -rf /usr; mkdir -p /usr/new|my message");
    expect(lines.slice(1)).toEqual(base);
    expect((await run(guest(), 'docker history -q mine:1')).split('\n')[0]).toMatch(/^[0-9a-f]{12}$/);
  }, TEST_TIMEOUT);

  it('commits without a name (a dangling image), and reports errors as Docker does', async () => {
    const id = await run(guest(), 'docker commit c1', 60_000);
    expect(await run(guest(), `docker images -q --no-trunc | grep -c ${id.slice(7)} || true`)).toBe('1');
    expect(await run(guest(), `docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}' | grep ${id.slice(7, 19)}`)).toBe(`<none>:<none> ${id.slice(7, 19)}`);
    const nosuch = await guest().exec('docker commit nosuch x:1');
    expect(nosuch.exitCode).toBe(1);
    expect(nosuch.stderr).toBe('Error response from daemon: No such container: nosuch\n');
    const bad = await guest().exec("docker commit -c 'RUN echo' c1 x:1");
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toBe('Error response from daemon: run is not a valid change command\n');
    const badName = await guest().exec('docker commit c1 UPPER');
    expect(badName.exitCode).toBe(1);
    expect(badName.stderr).toMatch(/^Error response from daemon: .*must be lowercase/);
  }, SLOW);
});

describe('docker tag, rmi and image prune', () => {
  it('tags, and untags while another name keeps the image', async () => {
    await run(guest(), 'docker tag mine:1 mine:2');
    await run(guest(), 'docker tag busybox other/box:v1');
    expect(await run(guest(), "docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}' | sort")).toMatch(/mine:1 (\w+)\nmine:2 \1\n/);
    expect(await run(guest(), 'docker rmi mine:2')).toBe('Untagged: mine:2');
    expect(await run(guest(), 'docker rmi other/box:v1')).toBe('Untagged: other/box:v1');
    const bad = await guest().exec('docker tag nosuch x');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
  }, TEST_TIMEOUT);

  it('refuses to remove an image a container uses, unless forced', async () => {
    await run(guest(), 'docker run --name user1 mine:1');
    const [c] = JSON.parse(await run(guest(), 'docker inspect user1'));
    const imageId = (await run(guest(), "docker inspect -f '{{.Id}}' mine:1")).slice(7, 19);
    const r = await guest().exec('docker rmi mine:1');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`Error response from daemon: conflict: unable to remove repository reference "mine:1" (must force) - container ${c.Id.slice(0, 12)} is using its referenced image ${imageId}\n`);
    const busy = await guest().exec('docker rmi busybox');
    expect(busy.exitCode).toBe(1);
    expect(busy.stderr).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "busybox" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/);
    await run(guest(), 'docker rm user1');
  }, TEST_TIMEOUT);

  it('deletes an image and its own layer, keeping the layers other images share', async () => {
    const layers: string[] = JSON.parse(await run(guest(), "docker image inspect -f '{{json .RootFS.Layers}}' mine:1"));
    await run(guest(), 'docker tag mine:1 mine:3');
    await run(guest(), 'docker rm c1');
    const out = await run(guest(), 'docker rmi mine:1 mine:3');
    expect(out).toMatch(/^Untagged: mine:1\nUntagged: mine:3\nDeleted: sha256:[0-9a-f]{64}$/);
    expect(await run(guest(), `ls /var/lib/dockhand/layers/${layers[0].slice(7)} | head -1`)).toBe('bin');
    expect(await run(guest(), `ls -d /var/lib/dockhand/layers/${layers.at(-1)!.slice(7)} 2>/dev/null || echo gone`)).toBe('gone');
    expect(await run(guest(), 'docker run --rm busybox echo still here')).toBe('still here');
    const r = await guest().exec('docker rmi mine:1');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error response from daemon: No such image: mine:1\n');
  }, TEST_TIMEOUT);

  it('docker image prune -f removes dangling images only', async () => {
    await run(guest(), "docker run --name c2 busybox sh -c 'echo d > /d'");
    const id = (await run(guest(), 'docker commit c2', 60_000)).slice(7);
    await run(guest(), 'docker rm c2');
    const out = await run(guest(), 'docker image prune -f');
    expect(out).toContain(`deleted: sha256:${id}`);
    expect(out).toMatch(/Total reclaimed space: \d/);
    expect(await run(guest(), 'docker images -q busybox')).toMatch(/^[0-9a-f]{12}$/);
    const cancelled = await guest().exec('docker image prune </dev/null');
    expect(cancelled.exitCode).toBe(1);
    expect(cancelled.stderr).toBe('image prune has been cancelled\n');
  }, SLOW);
});

describe('docker save and load', () => {
  it('save writes an OCI layout with uncompressed layers and .wh. files; rmi, load and run round trip', async () => {
    await run(guest(), "docker run --name c3 busybox sh -c 'echo round > /r; rm /bin/vi'");
    const id = await run(guest(), 'docker commit c3 trip:1', 60_000);
    await run(guest(), 'docker rm c3');
    await run(guest(), 'cd /tmp && docker save -o trip.tar trip:1', 60_000);
    const members = (await run(guest(), 'tar -tf /tmp/trip.tar')).split('\n');
    expect(members).toEqual(expect.arrayContaining(['index.json', 'oci-layout']));
    const index = JSON.parse(await run(guest(), 'tar -xOf /tmp/trip.tar index.json'));
    expect(index.manifests[0].annotations['org.opencontainers.image.ref.name']).toBe('trip:1');
    const manifest = JSON.parse(await run(guest(), `tar -xOf /tmp/trip.tar blobs/sha256/${index.manifests[0].digest.slice(7)}`));
    expect(manifest.config.digest).toBe(id);
    expect(manifest.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual(['application/vnd.oci.image.layer.v1.tar', 'application/vnd.oci.image.layer.v1.tar']);
    const top = manifest.layers[1].digest.slice(7);
    expect(await run(guest(), `tar -xOf /tmp/trip.tar blobs/sha256/${top} | sha256sum | cut -c1-64`)).toBe(top);
    expect((await run(guest(), `tar -xOf /tmp/trip.tar blobs/sha256/${top} | tar -t`)).split('\n')).toEqual(expect.arrayContaining(['bin/.wh.vi', 'r']));

    // to stdout when it is not a terminal
    expect(await run(guest(), 'docker save trip:1 | tar -t | sort | head -1')).toBe('blobs/');

    expect(await run(guest(), 'docker rmi trip:1')).toContain(`Deleted: ${id}`);
    expect(await run(guest(), 'cd /tmp && docker load -i trip.tar', 60_000)).toBe('Loaded image: trip:1');
    expect(await run(guest(), "docker inspect -f '{{.Id}}' trip:1")).toBe(id);
    expect(await run(guest(), "docker run --rm trip:1 sh -c 'cat /r; ls /bin/vi 2>&1; true'")).toMatch(/^round\nls: \/bin\/vi: No such file or directory/);
    await run(guest(), 'docker rmi trip:1');
    expect(await run(guest(), 'docker load -q < /tmp/trip.tar', 60_000)).toBe('Loaded image: trip:1');
    expect(await run(guest(), 'docker run --rm trip:1 cat /r')).toBe('round');
    // through a pipe between two clients of the daemon; loading an image it has keeps one copy
    expect(await run(guest(), 'docker save trip:1 busybox | docker load', 60_000)).toBe('Loaded image: trip:1\nLoaded image: busybox:latest');
    expect(await run(guest(), "docker images --format '{{.Repository}}:{{.Tag}}' | grep -c -e '^trip:1$' -e '^busybox:latest$' -e '<none>' || true")).toBe('2');
    expect(await run(guest(), 'docker rmi trip:1')).toContain(`Deleted: ${id}`);
    expect(await run(guest(), 'docker run --rm busybox echo fine')).toBe('fine');
  }, SLOW * 2);

  it('errors: a missing image, a missing file', async () => {
    const r = await guest().exec('docker save -o /tmp/x.tar nosuch');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
    const l = await guest().exec('docker load -i /tmp/none.tar');
    expect(l.exitCode).toBe(1);
    expect(l.stderr).toBe('open /tmp/none.tar: no such file or directory\n');
  }, TEST_TIMEOUT);
});

describe('docker system df and docker info', () => {
  it('count images and containers from the store and read the kernel', async () => {
    const images = Number(await run(guest(), 'docker images -q | sort -u | wc -l'));
    const df = (await run(guest(), 'docker system df')).split('\n');
    expect(df[0]).toMatch(/^TYPE +TOTAL +ACTIVE +SIZE +RECLAIMABLE$/);
    expect(df[1]).toMatch(new RegExp(`^Images +${images} +\\d+ +[\\d.]+[kM]?B +[\\d.]+[kM]?B \\(\\d+%\\)$`));
    expect(df[2]).toMatch(/^Containers +\d+ +\d+ /);
    expect(await run(guest(), "docker system df --format '{{.Type}}' | tail -1")).toBe('Build Cache');
    const containers = Number(await run(guest(), 'docker ps -aq | wc -l'));
    expect(await run(guest(), "docker info -f '{{.Containers}} {{.Images}} {{.CgroupVersion}} {{.Driver}}'")).toBe(`${containers} ${images} 2 overlay2`);
    const info = await run(guest(), 'docker info');
    expect(info).toContain(` Kernel Version: ${await run(guest(), 'uname -r')}`);
    expect(info).toMatch(/ Total Memory: [\d.]+MiB/);
  }, TEST_TIMEOUT);
});
