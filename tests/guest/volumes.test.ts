// Volumes, bind mounts and tmpfs on the real guest: data that outlives its container, shared
// by the next one; Docker's rules for in-use volumes, first-use copies and anonymous volumes;
// and the other create flags that shape a container (--init, --add-host, --network, labels).
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

describe('volumes', () => {
  it('a named volume outlives its container and is shared by the next one', async () => {
    expect(await run(guest(), 'docker volume create notes')).toBe('notes');
    await run(guest(), "docker run --rm -v notes:/data busybox sh -c 'echo hi > /data/a'");
    expect(await run(guest(), 'docker run --rm -v notes:/data busybox cat /data/a')).toBe('hi');
    // the data is a plain directory on the VM, as with Docker's local driver
    expect(await run(guest(), 'cat /var/lib/dockhand/volumes/notes/_data/a')).toBe('hi');
    // the volume is a bind mount inside the container, not part of its overlay
    const mounts = await run(guest(), 'docker run --rm -v notes:/data busybox grep " /data " /proc/self/mountinfo');
    expect(mounts).toMatch(/\/volumes\/notes\/_data \/data rw/);
    expect(JSON.parse(await run(guest(), 'docker volume inspect notes'))).toEqual([expect.objectContaining({
      Name: 'notes', Driver: 'local', Mountpoint: '/var/lib/dockhand/volumes/notes/_data', Scope: 'local',
    })]);
    expect(await run(guest(), "docker volume ls --format '{{.Driver}} {{.Name}}' | grep notes")).toBe('local notes');
  }, TEST_TIMEOUT);

  it('a volume in use cannot be removed; read-only mounts refuse writes', async () => {
    const id = await run(guest(), 'docker create --name holder -v notes:/data:ro busybox sh -c "echo x > /data/b"');
    const rm = await guest().exec('docker volume rm notes');
    expect(rm.exitCode).toBe(1);
    expect(rm.stderr).toBe(`Error response from daemon: remove notes: volume is in use - [${id}]\n`);
    const write = await guest().exec('docker start -a holder 2>&1; docker wait holder 2>/dev/null; docker logs holder');
    expect(write.stdout + write.stderr).toMatch(/Read-only file system/);
    expect(JSON.parse(await run(guest(), "docker inspect -f '{{json .Mounts}}' holder"))).toEqual([{
      Type: 'volume', Name: 'notes', Source: '/var/lib/dockhand/volumes/notes/_data', Destination: '/data', Driver: 'local', Mode: 'ro', RW: false, Propagation: '',
    }]);
    await run(guest(), 'docker rm holder');
    expect(await run(guest(), 'docker volume rm notes')).toBe('notes');
    expect(await run(guest(), 'ls /var/lib/dockhand/volumes | grep -c notes || true')).toBe('0');
  }, TEST_TIMEOUT);

  it('the first use of an empty volume copies the image\'s files there', async () => {
    expect(await run(guest(), 'docker run --rm -v etc-copy:/etc busybox cat /etc/passwd | head -1')).toMatch(/^root:/);
    expect(await run(guest(), 'head -1 /var/lib/dockhand/volumes/etc-copy/_data/passwd')).toMatch(/^root:/);
    // nocopy: an empty volume stays empty
    expect(await run(guest(), 'docker run --rm -v etc-empty:/etc:nocopy busybox ls /etc | wc -l')).toBe('0');
    await run(guest(), 'docker volume rm etc-copy etc-empty');
  }, TEST_TIMEOUT);

  it('bind mounts show the VM\'s files; -v makes a missing directory, --mount refuses one', async () => {
    await run(guest(), 'mkdir -p /tmp/site && echo "<h1>from the VM</h1>" > /tmp/site/index.html');
    expect(await run(guest(), 'docker run --rm -v /tmp/site:/www:ro busybox cat /www/index.html')).toBe('<h1>from the VM</h1>');
    await run(guest(), 'cd /tmp && docker run --rm -v ./made-by-docker:/out busybox sh -c "echo made > /out/f"');
    expect(await run(guest(), 'cat /tmp/made-by-docker/f')).toBe('made');
    const missing = await guest().exec('docker run --rm --mount type=bind,source=/nope,target=/x busybox true');
    expect(missing.exitCode).toBe(125);
    expect(missing.stderr).toContain('bind source path does not exist: /nope');
    expect(await run(guest(), 'docker run --rm --mount type=tmpfs,target=/cache,tmpfs-size=1m busybox sh -c "grep /cache /proc/mounts"'))
      .toMatch(/^tmpfs \/cache tmpfs rw,nosuid,nodev,relatime,size=1024k/);
  }, TEST_TIMEOUT);

  it('anonymous volumes go with docker rm -v and --rm; named ones stay; prune removes unused anonymous ones', async () => {
    await run(guest(), 'docker create --name anon -v /data -v kept:/kept busybox true');
    const anon = await run(guest(), "docker inspect -f '{{range .Mounts}}{{if eq .Destination \"/data\"}}{{.Name}}{{end}}{{end}}' anon");
    expect(anon).toMatch(/^[0-9a-f]{64}$/);
    expect(await run(guest(), `docker volume inspect -f '{{.Labels}}' ${anon}`)).toBe('map[com.docker.volume.anonymous:]');
    await run(guest(), 'docker rm -v anon');
    expect((await guest().exec(`docker volume inspect ${anon}`)).exitCode).toBe(1);
    expect(await run(guest(), 'docker volume ls -q | grep -x kept')).toBe('kept');
    const before = await run(guest(), 'docker volume ls -q | wc -l');
    await run(guest(), 'docker run --rm -v /scratch busybox true');
    expect(await run(guest(), 'docker volume ls -q | wc -l')).toBe(before);
    await run(guest(), 'docker create --name leftover -v /tmpdata busybox true && docker rm leftover');
    expect(await run(guest(), 'docker volume prune -f')).toMatch(/^Deleted Volumes:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B$/);
    expect(await run(guest(), 'docker volume prune -f -a')).toMatch(/kept/);
  }, TEST_TIMEOUT);

  it('bad mount specs are refused with Docker\'s words', async () => {
    for (const [flag, message] of [
      ['-v data:relative', 'mount path must be absolute'],
      ['-v a:/x', 'includes invalid characters for a local volume name'],
      ['-v v1:/x -v v2:/x', 'Duplicate mount point: /x'],
      ['--mount type=nfs,target=/x', 'invalid mount type: nfs'],
    ]) {
      const r = await guest().exec(`docker run --rm ${flag} busybox true`);
      expect(r.exitCode, flag).toBe(125);
      expect(r.stderr, flag).toContain(message);
    }
  }, TEST_TIMEOUT);
});

describe('other create flags', () => {
  it('--init makes a tiny init PID 1; the command is its child and its exit status is the container\'s', async () => {
    expect(await run(guest(), "docker run --rm --init busybox sh -c 'cat /proc/1/comm; echo $$'")).toBe('docker-init\n2');
    expect((await guest().exec('docker run --rm --init busybox sh -c "exit 7"')).exitCode).toBe(7);
    // detached too: the init closes its copy of the set-up pipe, so the start is reported
    await run(guest(), 'docker run -d --init --name initd busybox sleep 300', 20_000);
    expect(await run(guest(), "docker ps --filter name=initd --format '{{.Status}}'")).toMatch(/^Up /);
    expect(await run(guest(), 'docker exec initd cat /proc/1/comm')).toBe('docker-init');
    await run(guest(), 'docker rm -f initd');
  }, TEST_TIMEOUT);

  it('--add-host, --env-file, --label, --stop-signal and the loopback device', async () => {
    expect(await run(guest(), 'docker run --rm --add-host db:10.0.0.5 busybox grep -w db /etc/hosts')).toBe('10.0.0.5\tdb');
    await run(guest(), "printf '# settings\\nGREETING=hello\\n\\nWHO=env-file\\n' > /tmp/app.env");
    expect(await run(guest(), 'cd /tmp && docker run --rm --env-file app.env busybox sh -c \'echo "$GREETING $WHO"\'')).toBe('hello env-file');
    await run(guest(), 'docker create --name labelled --label tier=web --stop-signal SIGUSR1 --stop-timeout 3 busybox true');
    // the image's labels come along, as in Docker
    expect(await run(guest(), "docker ps -a --filter label=tier=web --format '{{.Names}} {{.Labels}}' | grep -o '^labelled .*tier=web'")).toMatch(/^labelled .*tier=web$/);
    expect(await run(guest(), "docker inspect -f '{{.Config.StopSignal}} {{.Config.StopTimeout}}' labelled")).toBe('SIGUSR1 3');
    await run(guest(), 'docker rm labelled');
    // a container's own network namespace has its loopback up; --network host shares the VM's devices
    expect(await run(guest(), 'docker run --rm busybox cat /sys/class/net/lo/operstate')).toBe('unknown');
    expect(await run(guest(), 'docker run --rm busybox ping -c1 -W1 127.0.0.1 | grep -c "1 packets received"')).toBe('1');
    expect(await run(guest(), 'docker run --rm --network host busybox readlink /proc/self/ns/net')).toBe(await run(guest(), 'readlink /proc/self/ns/net'));
  }, TEST_TIMEOUT);

  it('flags whose feature is not in Dockhand yet are refused, not ignored', async () => {
    expect((await guest().exec('docker run --rm --network container:x busybox true')).stderr).toContain('not in Dockhand yet');
  }, TEST_TIMEOUT);
});
