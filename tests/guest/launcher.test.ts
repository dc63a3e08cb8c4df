// dockhand-run, the C container launcher: namespaces, pivot_root into an overlay rootfs,
// Docker's default capabilities and protected paths, exit codes — on the real kernel.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, nsInode, run, useGuest } from './guest';

const guest = useGuest();

/** Docker's default capability set (moby's oci/caps/defaults.go). */
const DOCKER_DEFAULT_CAPS = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FSETID', 'CAP_FOWNER', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETGID',
  'CAP_SETUID', 'CAP_SETFCAP', 'CAP_SETPCAP', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_CHROOT', 'CAP_KILL', 'CAP_AUDIT_WRITE',
];

/** Writes a spec for a container on the test rootfs and runs it; returns the exec result. */
async function launch(args: string[], extra: string[] = []) {
  const spec = [
    'rootfs /tmp/c/merged', 'namespaces pid mnt uts ipc net', 'hostname c0ffee', 'cwd /',
    'env PATH=/bin', 'env HOME=/root',
    ...DOCKER_DEFAULT_CAPS.map((c) => `cap ${c}`),
    'mask /proc/kcore', 'ro-path /proc/sysrq-trigger', 'ro-path /proc/sys',
    ...args.map((a) => `arg ${a}`), ...extra,
  ].join('\n');
  await guest().putFile('spec', new TextEncoder().encode(spec + '\n'));
  return guest().exec('dockhand-run /mnt/host/spec');
}

beforeAll(async () => {
  // A tiny image: the guest's own busybox in a lower dir, an empty upper dir, an overlay.
  await run(guest(), `
    mkdir -p /tmp/c/lower/bin /tmp/c/lower/root /tmp/c/lower/tmp /tmp/c/upper /tmp/c/work /tmp/c/merged
    cp /bin/busybox /tmp/c/lower/bin/
    for a in sh echo cat ls hostname readlink ps id grep touch mount; do ln -s busybox /tmp/c/lower/bin/$a; done
    mount -t overlay overlay -o lowerdir=/tmp/c/lower,upperdir=/tmp/c/upper,workdir=/tmp/c/work /tmp/c/merged`);
}, TEST_TIMEOUT);

describe('dockhand-run', () => {
  it('runs the command as PID 1 in its own pid, mnt, uts, ipc and net namespaces', async () => {
    const r = await launch(['sh', '-c', 'echo $$; hostname; for n in pid mnt uts ipc net; do readlink /proc/self/ns/$n; done']);
    expect(r.exitCode).toBe(0);
    const [pid, hostname, ...inside] = r.stdout.trim().split('\n');
    expect(pid).toBe('1');
    expect(hostname).toBe('c0ffee');
    const host = (await run(guest(), 'for n in pid mnt uts ipc net; do readlink /proc/self/ns/$n; done')).split('\n');
    inside.forEach((link, i) => expect(nsInode(link)).not.toBe(nsInode(host[i])));
  }, TEST_TIMEOUT);

  it('pivots into the rootfs: the VM\'s files are gone, writes land in the upper dir', async () => {
    const r = await launch(['sh', '-c', 'ls /; test -e /opt/dockhand && echo LEAK; echo data > /root/file']);
    expect(r.stdout.split('\n')).toEqual(expect.arrayContaining(['bin', 'dev', 'proc', 'root', 'sys', 'tmp']));
    expect(r.stdout).not.toContain('LEAK');
    expect(await run(guest(), 'cat /tmp/c/upper/root/file')).toBe('data');
    expect(await run(guest(), 'test -e /tmp/c/lower/root/file || echo absent')).toBe('absent');
  }, TEST_TIMEOUT);

  it('keeps only Docker\'s default capabilities and protects /proc', async () => {
    const r = await launch(['sh', '-c', 'grep CapEff /proc/self/status; echo h > /proc/sysrq-trigger && echo WROTE; cat /proc/kcore | wc -c']);
    expect(r.stdout).toMatch(/CapEff:\s+00000000a80425fb/);
    expect(r.stdout).not.toContain('WROTE');
    expect(r.stderr).toMatch(/Read-only file system/);
    expect(r.stdout.trim().split('\n').pop()).toBe('0'); // /proc/kcore reads as /dev/null
  }, TEST_TIMEOUT);

  it('gives a --privileged container every capability', async () => {
    const r = await launch(['grep', 'CapEff', '/proc/self/status'], ['privileged 1']);
    expect(r.stdout).toMatch(/CapEff:\s+000001ffffffffff/);
  }, TEST_TIMEOUT);

  it.each([
    [['sh', '-c', 'exit 3'], 3, ''],
    [['no-such-command'], 127, 'executable file not found in $PATH'],
    [['/root'], 126, 'exec: "/root"'],
  ])('%j exits %i', async (args, code, message) => {
    const r = await launch(args);
    expect(r.exitCode).toBe(code);
    expect(r.stderr).toContain(message);
  }, TEST_TIMEOUT);

  it('puts the container in the cgroup it is given', async () => {
    await run(guest(), 'mkdir -p /sys/fs/cgroup/launcher-test');
    const r = await launch(['cat', '/proc/self/cgroup'], ['cgroup /sys/fs/cgroup/launcher-test']);
    expect(r.stdout.trim()).toBe('0::/launcher-test');
  }, TEST_TIMEOUT);
});
