// `docker run` on the real kernel: the command is PID 1 in its own namespaces, writes go to
// the container's upper dir, limits hold, Docker's exit codes, and --rm leaves nothing.
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, nsInode, run, useGuest } from './guest';

const guest = useGuest();
const NS = 'for n in pid mnt uts ipc net; do readlink /proc/self/ns/$n; done';

describe('docker run', () => {
  it('prints what the container prints', async () => {
    expect(await run(guest(), 'docker run --rm busybox echo hi')).toBe('hi');
  }, TEST_TIMEOUT);

  it('runs the command as PID 1, named by a 12-hex hostname, in namespaces of its own', async () => {
    // A stays running while B runs: the kernel reuses a freed namespace's inode number
    await run(guest(), 'docker run -d --name ns-a busybox sleep 60');
    const a = await run(guest(), `docker exec ns-a sh -c 'echo 1; hostname; ${NS}'`);
    const [b, host] = await Promise.all([run(guest(), `docker run --rm busybox sh -c 'echo $$; hostname; ${NS}'`), run(guest(), NS)]);
    await run(guest(), 'docker rm -f ns-a');
    const [, hostnameA, ...nsA] = a.split('\n');
    const [pidA, hostnameB, ...nsB] = b.split('\n');
    expect(pidA).toBe('1');
    expect(hostnameA).toMatch(/^[0-9a-f]{12}$/);
    expect(hostnameB).not.toBe(hostnameA);
    host.split('\n').forEach((link, i) => {
      expect(nsInode(nsA[i])).not.toBe(nsInode(link));
      expect(nsInode(nsA[i])).not.toBe(nsInode(nsB[i]));
    });
    expect(await run(guest(), 'docker run --rm busybox ps -o pid,args')).toMatch(/^PID +COMMAND\n +1 ps -o pid,args$/);
  }, TEST_TIMEOUT);

  it('writes into the container\'s upper dir, never into the shared image layer', async () => {
    await run(guest(), "docker run --name writer busybox sh -c 'echo data > /root/new; rm /bin/vi'");
    const id = await run(guest(), 'ls /var/lib/dockhand/containers | while read id; do grep -q \'"/writer"\' /var/lib/dockhand/containers/$id/config.json && echo $id; done');
    const upper = `/var/lib/dockhand/containers/${id}/upper`;
    expect(await run(guest(), `cat ${upper}/root/new`)).toBe('data');
    expect(await run(guest(), `stat -c '%F %t %T' ${upper}/bin/vi`)).toBe('character special file 0 0');
    expect(await run(guest(), 'ls /var/lib/dockhand/layers/*/bin/vi | wc -l')).toBe('1');
    expect(await run(guest(), 'ls /var/lib/dockhand/layers/*/root/new 2>/dev/null | wc -l')).toBe('0');
  }, TEST_TIMEOUT);

  it.each([
    ['docker run --rm busybox true', 0, ''],
    ['docker run --rm busybox sh -c "exit 3"', 3, ''],
    ['docker run --rm busybox no-such-command', 127, 'executable file not found in $PATH'],
    ['docker run --rm no-such-image', 125, "Unable to find image 'no-such-image' locally"],
    ['docker run --rm --frobnicate busybox', 125, 'unknown flag: --frobnicate'],
  ])('%s exits %i', async (cmd, code, stderr) => {
    const r = await guest().exec(cmd);
    expect(r.exitCode).toBe(code);
    expect(r.stderr).toContain(stderr);
  }, TEST_TIMEOUT);

  it('applies -e, -w, -u, --hostname and --entrypoint', async () => {
    const out = await run(guest(), "docker run --rm -e GREETING=hallo -w /tmp -u 65534 --hostname web --entrypoint /bin/sh busybox -c 'echo $GREETING; pwd; id -u; hostname'");
    expect(out.split('\n')).toEqual(['hallo', '/tmp', '65534', 'web']);
  }, TEST_TIMEOUT);

  it('keeps Docker\'s default capabilities; --privileged gets them all', async () => {
    expect(await run(guest(), 'docker run --rm busybox grep CapEff /proc/self/status')).toMatch(/00000000a80425fb$/);
    expect(await run(guest(), 'docker run --rm --cap-drop ALL busybox grep CapEff /proc/self/status')).toMatch(/0000000000000000$/);
    expect(await run(guest(), 'docker run --rm --privileged busybox grep CapEff /proc/self/status')).toMatch(/000001ffffffffff$/);
    const r = await guest().exec("docker run --rm busybox sh -c 'echo h > /proc/sysrq-trigger'");
    expect(r.stderr).toMatch(/Read-only file system/);
  }, TEST_TIMEOUT);

  it('OOM-kills a container over its --memory limit, and only it', async () => {
    const r = await guest().exec(`docker run --rm -m 8m busybox awk 'BEGIN{while(1){s=s sprintf("%0100000d",1)}}'`);
    expect(r.exitCode).toBe(137);
    expect(await run(guest(), 'docker run --rm busybox echo still-here')).toBe('still-here');
  }, TEST_TIMEOUT);

  it('stops a fork loop at --pids-limit', async () => {
    const r = await guest().exec("docker run --rm --pids-limit 8 busybox sh -c 'for i in $(seq 20); do sleep 3 & done; wait'");
    expect(r.stderr).toMatch(/can't fork|Resource temporarily unavailable/);
  }, TEST_TIMEOUT);

  it('--rm leaves no directory, cgroup or mount behind', async () => {
    const before = await run(guest(), 'ls /var/lib/dockhand/containers | wc -l');
    await run(guest(), 'docker run --rm busybox true');
    expect(await run(guest(), 'ls /var/lib/dockhand/containers | wc -l')).toBe(before);
    expect(await run(guest(), "ls /sys/fs/cgroup/dockhand | grep -c '^[0-9a-f]\\{64\\}$' || true")).toBe('0');
    expect(await run(guest(), 'grep -c " /var/lib/dockhand/containers/" /proc/mounts || true')).toBe('0');
  }, TEST_TIMEOUT);
});
