// Protects the kernel namespaces containers are built from: fresh pid/mnt/uts/ipc/net namespaces per unshare.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, nsInode, run, useGuest } from './guest';

const guest = useGuest();
const KINDS = ['pid', 'mnt', 'uts', 'ipc', 'net'] as const;
const ALL = 'unshare -p -m -u -i -n -f';
/** prints one `kind:[inode]` line per kind, for the process that runs it */
const READ_NS = KINDS.map((k) => `readlink /proc/self/ns/${k}`).join('; ');

function parse(lines: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of lines.trim().split('\n')) out[line.split(':')[0]] = nsInode(line);
  return out;
}

describe('namespaces', () => {
  let host: Record<string, number>, first: Record<string, number>, second: Record<string, number>;

  beforeAll(async () => {
    host = parse(await run(guest(), READ_NS));
    // the first unshare stays alive (blocked on a fifo) while the second runs, so the kernel
    // cannot hand the second one the inode numbers the first one freed
    const both = await run(guest(), `
      rm -f /tmp/ns-ready /tmp/ns-hold; mkfifo /tmp/ns-hold
      ${ALL} sh -c '${READ_NS}; touch /tmp/ns-ready; read _ < /tmp/ns-hold' &
      while [ ! -e /tmp/ns-ready ]; do sleep 0.1; done
      echo ---
      ${ALL} sh -c '${READ_NS}'
      echo done > /tmp/ns-hold; wait`);
    const [a, b] = both.split('\n---\n');
    first = parse(a);
    second = parse(b);
  }, TEST_TIMEOUT);

  it.each(KINDS)('%s: every unshare gets a namespace of its own', (kind) => {
    expect(first[kind]).not.toBe(host[kind]);
    expect(second[kind]).not.toBe(host[kind]);
    expect(second[kind]).not.toBe(first[kind]);
  });

  it('the first process of a new pid namespace is PID 1 and sees only its own processes', async () => {
    const hostPids = (await run(guest(), 'ls /proc | grep -c "^[0-9]"'));
    const out = await run(guest(), `unshare -p -f --mount-proc sh -c 'echo $$; ls /proc | grep "^[0-9]"'`);
    const [self, ...visible] = out.split('\n').map(Number);
    expect(self).toBe(1);
    expect(visible).toContain(1);
    expect(visible.length).toBeLessThanOrEqual(3); // sh, ls, grep
    expect(Number(hostPids)).toBeGreaterThan(10);
  }, TEST_TIMEOUT);

  it('a hostname set in a new uts namespace does not change the host name', async () => {
    const before = await run(guest(), 'cat /proc/sys/kernel/hostname');
    const inside = await run(guest(), `unshare -u sh -c 'hostname inside-uts && cat /proc/sys/kernel/hostname'`);
    expect(inside).toBe('inside-uts');
    expect(before).not.toBe('inside-uts');
    expect(await run(guest(), 'cat /proc/sys/kernel/hostname')).toBe(before);
  }, TEST_TIMEOUT);
});
