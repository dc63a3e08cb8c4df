// The commands that look at containers and images, on the real guest: docker ps, inspect,
// diff (read from the container's real overlay upper dir), history and rm.
import { beforeAll, describe, expect, it } from 'vitest';
import { BOOT_TIMEOUT, TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

describe('looking at containers and images', () => {
  beforeAll(async () => {
    await run(guest(), "docker run --name changes busybox sh -c 'echo hi > /root/a; rm /bin/vi; mkdir /tmp/d'");
    await run(guest(), "docker run --name failed busybox sh -c 'exit 3' || true");
  }, BOOT_TIMEOUT);

  it('docker ps lists running containers only; -a shows the exited ones as Docker does', async () => {
    expect(await run(guest(), 'docker ps')).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES');
    const all = (await run(guest(), 'docker ps -a')).split('\n');
    expect(all[0]).toMatch(/^CONTAINER ID {3}IMAGE {5}COMMAND {18}CREATED {3,}STATUS {3,}PORTS {5}NAMES$/);
    expect(all[1]).toMatch(/^[0-9a-f]{12} {3}busybox {3}"sh -c 'exit 3'" {9}.+ ago {3,}Exited \(3\) .+ ago {3,}failed$/);
    expect(all[2]).toMatch(/^[0-9a-f]{12} {3}busybox {3}"sh -c 'echo hi > \/r…" {3}.+ago {3,}Exited \(0\) .+ ago {3,}changes$/);
    expect(await run(guest(), "docker ps -a --format '{{.Names}} {{.State}}'")).toBe('failed exited\nchanges exited');
    expect(await run(guest(), 'docker ps -aq')).toMatch(/^[0-9a-f]{12}\n[0-9a-f]{12}$/);
    expect(await run(guest(), 'docker ps -q')).toBe('');
    expect(await run(guest(), "docker ps -f exited=3 -a --format '{{.Names}}'")).toBe('failed');
    expect(await run(guest(), "docker ps -l --format '{{.Names}}'")).toBe('failed');
    expect(JSON.parse(await run(guest(), 'docker ps -a -n 1 --format json'))).toMatchObject({ Names: 'failed', State: 'exited', Image: 'busybox' });
    const bad = await guest().exec('docker ps -f bogus=1');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toBe("Error response from daemon: invalid filter 'bogus'\n");
  }, TEST_TIMEOUT);

  it('docker diff reads the upper dir: A, C and D in Docker\'s order, without the engine\'s mount points', async () => {
    expect((await run(guest(), 'docker diff changes')).split('\n')).toEqual(['C /bin', 'D /bin/vi', 'C /root', 'A /root/a', 'C /tmp', 'A /tmp/d']);
    expect(await run(guest(), 'docker diff failed')).toBe('');
    const r = await guest().exec('docker diff nosuch');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error response from daemon: No such container: nosuch\n');
  }, TEST_TIMEOUT);

  it('docker inspect shows the real overlay dirs, and -f runs a template', async () => {
    const [c] = JSON.parse(await run(guest(), 'docker inspect changes'));
    expect(c).toMatchObject({ Name: '/changes', Path: 'sh', State: { Status: 'exited', ExitCode: 0 }, Mounts: [], GraphDriver: { Name: 'overlay2' } });
    expect(c.GraphDriver.Data.UpperDir).toBe(`/var/lib/dockhand/containers/${c.Id}/upper`);
    expect(await run(guest(), `cat ${c.GraphDriver.Data.UpperDir}/root/a`)).toBe('hi');
    expect(await run(guest(), `ls -d ${c.GraphDriver.Data.LowerDir}/bin/vi`)).toMatch(/\/bin\/vi$/);
    expect(await run(guest(), "docker inspect -f '{{.State.ExitCode}} {{.Name}}' failed changes")).toBe('3 /failed\n0 /changes');
    expect(await run(guest(), "docker container inspect --format '{{.Config.Image}}' failed")).toBe('busybox');

    const [image] = JSON.parse(await run(guest(), 'docker image inspect busybox'));
    expect(image).toMatchObject({ RepoTags: ['busybox:latest'], Architecture: '386', Os: 'linux', RootFS: { Type: 'layers' } });
    expect(image.Id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await run(guest(), "docker inspect -f '{{.Id}}' busybox")).toBe(image.Id);
    expect(await run(guest(), "docker inspect --type image -f '{{.Os}}' busybox")).toBe('linux');
  }, TEST_TIMEOUT);

  it.each([
    ['docker inspect nosuch', '[]\n', 'Error: No such object: nosuch\n'],
    ['docker container inspect nosuch', '[]\n', 'Error response from daemon: No such container: nosuch\n'],
    ['docker image inspect nosuch', '[]\n', 'Error response from daemon: No such image: nosuch:latest\n'],
    ['docker inspect --type container busybox', '[]\n', 'Error response from daemon: No such container: busybox\n'],
    ['docker history nosuch', '', 'Error response from daemon: No such image: nosuch:latest\n'],
  ])('%s fails as Docker does', async (cmd, stdout, stderr) => {
    const r = await guest().exec(cmd);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([1, stdout, stderr]);
  }, TEST_TIMEOUT);

  it('docker history lists the image\'s steps, newest first, with each layer\'s size', async () => {
    // the empty COMMENT cell keeps tabwriter's padding after SIZE, as in Docker's output
    const lines = (await run(guest(), 'docker history busybox')).split('\n').map((l) => l.trimEnd());
    expect(lines[0]).toMatch(/^IMAGE {10}CREATED {6,}CREATED BY {38}SIZE {6}COMMENT$/);
    const id = (await run(guest(), "docker inspect -f '{{.Id}}' busybox")).slice(7, 19);
    expect(lines[1].startsWith(`${id}   `)).toBe(true);
    expect(lines[1]).toMatch(/CMD \["sh"\] +0B$/);
    expect(lines.slice(2).every((l) => l.startsWith('<missing>'))).toBe(true);
    expect(lines.at(-1)).toMatch(/COPY busybox.*…   2\.12MB$/);
    expect(await run(guest(), 'docker history -q busybox')).toBe(`${id}\n<missing>\n<missing>`);
    expect(await run(guest(), "docker history -H=false --format '{{.Size}}' busybox")).toMatch(/^0\n0\n\d{7}$/);
  }, TEST_TIMEOUT);

  it('docker rm removes a stopped container and its directory; a running one needs -f', async () => {
    const id = await run(guest(), "docker inspect -f '{{.Id}}' failed");
    expect(await run(guest(), 'docker rm failed')).toBe('failed');
    expect(await run(guest(), "docker ps -a --format '{{.Names}}'")).toBe('changes');
    expect(await run(guest(), `ls /var/lib/dockhand/containers/${id} 2>&1 || true`)).toContain('No such file or directory');

    const missing = await guest().exec('docker rm nosuch changes');
    expect([missing.exitCode, missing.stdout, missing.stderr]).toEqual([1, 'changes\n', 'Error response from daemon: No such container: nosuch\n']);

    await run(guest(), 'docker run --name sleeper busybox sleep 60 >/dev/null 2>&1 & sleep 2');
    // a loaded machine may take most of those 2 s to start it: "Up Less than a second" is Docker's word for that
    expect(await run(guest(), "docker ps --format '{{.Names}} {{.Status}}'")).toMatch(/^sleeper Up (\d+ seconds?|Less than a second)$/);
    expect(await run(guest(), 'docker ps -s')).toMatch(/ {3}sleeper {3,}0B \(virtual 2\.12MB\)$/);
    const top = (await run(guest(), 'docker top sleeper')).split('\n');
    expect(top[0]).toBe('UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD');
    expect(top[1]).toMatch(/^root {16}\d+ +\d+ +\d+ +\d\d:\d\d +\? +00:00:0\d +sleep 60$/);
    expect(top).toHaveLength(2);
    const refused = await guest().exec('docker rm sleeper');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe('Error response from daemon: cannot remove container "/sleeper": container is running: stop the container before removing or force remove\n');
    expect(await run(guest(), 'docker rm -f sleeper')).toBe('sleeper');
    expect(await run(guest(), 'docker ps -aq')).toBe('');
    expect(await run(guest(), 'ls /var/lib/dockhand/containers | wc -l; find /sys/fs/cgroup/dockhand -mindepth 1 -type d | wc -l')).toBe('0\n0');
  }, TEST_TIMEOUT);

  it('docker container prune -f removes every stopped container and says what it freed', async () => {
    await run(guest(), "docker run --name p1 busybox sh -c 'echo abc > /f'; docker run --name p2 busybox true");
    const ids = await run(guest(), 'docker ps -aq --no-trunc');
    const no = await guest().exec('echo n | docker container prune');
    expect([no.exitCode, no.stdout, no.stderr]).toEqual([
      1, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ', 'container prune has been cancelled\n',
    ]);
    expect(await run(guest(), 'docker container prune -f')).toBe(`Deleted Containers:\n${ids}\n\nTotal reclaimed space: 4B`);
    expect(await run(guest(), 'docker ps -aq')).toBe('');
    expect(await run(guest(), 'docker container prune -f')).toBe('Total reclaimed space: 0B');
    expect(await run(guest(), 'echo y | docker container prune')).toMatch(/\[y\/N\] Total reclaimed space: 0B$/);
  }, TEST_TIMEOUT);
});
