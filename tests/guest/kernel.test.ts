// Protects the guest kernel's basics and the control channel (exec/ping over ttyS1) every feature relies on.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ExecResult } from '../../src/lib/guest/session';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

describe('guest kernel', () => {
  it.each([
    ['uname -r', /^6\.12\.\d+$/],
    ['uname -m', /^i686$/],
  ])('%s', async (cmd, expected) => {
    expect(await run(guest(), cmd)).toMatch(expected);
  }, TEST_TIMEOUT);

  it('mounts cgroup2 at /sys/fs/cgroup with cpu, memory and pids enabled for children', async () => {
    const mountinfo = await run(guest(), 'cat /proc/self/mountinfo');
    const cgroupMount = mountinfo.split('\n').find((l) => l.split(' ')[4] === '/sys/fs/cgroup');
    expect(cgroupMount).toMatch(/ - cgroup2 /);
    const controllers = (await run(guest(), 'cat /sys/fs/cgroup/cgroup.subtree_control')).split(' ');
    expect(controllers).toEqual(expect.arrayContaining(['cpu', 'memory', 'pids']));
  }, TEST_TIMEOUT);

  it('pivot_root makes a fresh tmpfs the root of a new mount namespace, leaving the host root alone', async () => {
    const inside = await run(guest(), `unshare -m sh -c '
      mkdir -p /tmp/newroot && mount -t tmpfs newroot /tmp/newroot &&
      mkdir /tmp/newroot/old /tmp/newroot/proc && cp /bin/busybox /tmp/newroot/ &&
      cd /tmp/newroot && pivot_root . old && cd / &&
      /busybox test -x /old/bin/busybox && /busybox umount -l /old &&
      /busybox mount -t proc proc /proc && /busybox cat /proc/self/mountinfo && /busybox echo --- && /busybox ls /'`);
    const [mountinfo, listing] = inside.split('\n---\n');
    const root = mountinfo.split('\n').find((l) => l.split(' ')[4] === '/');
    expect(root).toMatch(/ - tmpfs newroot /);
    expect(mountinfo).not.toMatch(/ - tmpfs root /);
    expect(listing.split('\n').sort()).toEqual(['busybox', 'old', 'proc']);

    const hostRoot = (await run(guest(), 'cat /proc/self/mountinfo')).split('\n').find((l) => l.split(' ')[4] === '/');
    expect(hostRoot).toMatch(/ - tmpfs root /);
  }, TEST_TIMEOUT);
});

describe('control channel', () => {
  it('keeps stdout and stderr apart and reports the exit code', async () => {
    const r = await guest().exec('echo to-out; echo to-err >&2; exit 3');
    expect(r).toMatchObject({ stdout: 'to-out\n', stderr: 'to-err\n', exitCode: 3, timedOut: false });
  }, TEST_TIMEOUT);

  it.each([
    ['every byte value 0..255', Uint8Array.from({ length: 256 }, (_, i) => i)],
    ['64 KiB of random bytes', new Uint8Array(randomBytes(64 * 1024))],
  ])('passes stdin through cat unchanged: %s', async (_, bytes) => {
    const r = await guest().exec('cat', { stdin: bytes });
    expect(r.exitCode).toBe(0);
    expect(Buffer.from(r.stdoutBytes).equals(Buffer.from(bytes))).toBe(true);
  }, TEST_TIMEOUT);

  it('sends large stdin through the 9p share and removes it afterwards', async () => {
    const bytes = new Uint8Array(randomBytes(20_000));
    const r = await guest().exec('sha256sum', { stdin: bytes });
    expect(r.stdout.split(' ')[0]).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await run(guest(), 'ls /mnt/host')).not.toMatch(/stdin-/);
  }, TEST_TIMEOUT);

  it('runs in the requested working directory', async () => {
    expect((await guest().exec('pwd', { cwd: '/tmp' })).stdout).toBe('/tmp\n');
  }, TEST_TIMEOUT);

  it('kills a command that outlives its timeout, with its whole process group', async () => {
    const r = await guest().exec('sleep 31 & sleep 32', { timeoutMs: 500 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBe(124);
    expect(r.durationMs).toBeLessThan(10_000);
    const left = await run(guest(), "ps -o args | grep -c '^sleep 3[12]$' || true");
    expect(left).toBe('0');
  }, TEST_TIMEOUT);

  const TEN = Array.from({ length: 10 }, (_, i) => i);
  const expected = TEN.map((i) => [`out-${i}\n`, `err-${i}\n`, i]);
  const outcome = (results: ExecResult[]) => results.map((r) => [r.stdout, r.stderr, r.exitCode]);

  it('matches 10 concurrent execs to their own replies, arriving out of order', async () => {
    // later commands finish first
    const results = await Promise.all(TEN.map((i) =>
      guest().exec(`sleep 0.$((9 - ${i})); echo out-${i}; echo err-${i} >&2; exit ${i}`)));
    expect(outcome(results)).toEqual(expected);
  }, TEST_TIMEOUT);

  it('delivers the whole output of 10 commands that exit at the same moment', async () => {
    // each command holds the read end of a fifo whose only writer is `holder`; killing it releases all at once
    const holder = await run(guest(), 'rm -rf /tmp/gate*; mkdir /tmp/gate.d; mkfifo /tmp/gate; sleep 600 >/tmp/gate 2>&1 </dev/null & echo $!');
    const pending = TEN.map((i) => guest().exec(
      `exec 3</tmp/gate; touch /tmp/gate.d/${i}; read _ <&3; echo out-${i}; echo err-${i} >&2; exit ${i}`));
    await run(guest(), `until [ $(ls /tmp/gate.d | wc -l) = 10 ]; do usleep 20000; done; kill ${holder}`);
    expect(outcome(await Promise.all(pending))).toEqual(expected);
  }, TEST_TIMEOUT);

  it('answers a ping with the kernel boot id', async () => {
    const { bootId, uptimeMs } = await guest().ping();
    expect(bootId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(bootId).toBe(await run(guest(), 'cat /proc/sys/kernel/random/boot_id'));
    expect(uptimeMs).toBeGreaterThan(0);
  }, TEST_TIMEOUT);
});
