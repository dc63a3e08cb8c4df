// Protects container networking: a bridge, a veth pair and a network namespace that can ping the bridge.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

describe('bridge + veth + network namespace', () => {
  let pid: string;
  const inNs = (cmd: string) => run(guest(), `nsenter -t ${pid} -n ${cmd}`);

  beforeAll(async () => {
    // a process that holds a fresh network namespace (without -f, $! is the sleep itself)
    pid = await run(guest(), 'unshare -n sleep 300 </dev/null >/dev/null 2>&1 & echo $!');
    await run(guest(), `
      set -e
      ip link add br0 type bridge
      ip addr add 10.77.0.1/24 dev br0
      ip link set br0 up
      ip link add ctr0 type veth
      ip link set veth0 name host0
      ip link set host0 master br0
      ip link set host0 up
      ip link set ctr0 netns ${pid}
      nsenter -t ${pid} -n sh -c 'ip link set lo up && ip addr add 10.77.0.2/24 dev ctr0 && ip link set ctr0 up'`);
  }, TEST_TIMEOUT);

  it('the container end lives only in the namespace', async () => {
    // /proc/net/dev lists the interfaces of the reader's network namespace
    const ifaces = (text: string) => text.split('\n').slice(2).map((l) => l.split(':')[0].trim()).sort();
    expect(ifaces(await inNs('cat /proc/net/dev'))).toEqual(['ctr0', 'lo']);
    expect(ifaces(await run(guest(), 'cat /proc/net/dev'))).toEqual(expect.arrayContaining(['br0', 'host0', 'lo']));
    expect(ifaces(await run(guest(), 'cat /proc/net/dev'))).not.toContain('ctr0');
  }, TEST_TIMEOUT);

  it('the host end is a port of the bridge', async () => {
    expect((await run(guest(), 'ls /sys/class/net/br0/brif/')).split('\n')).toEqual(['host0']);
  }, TEST_TIMEOUT);

  it('the namespace can ping the bridge address', async () => {
    const out = await inNs('ping -c1 -W2 10.77.0.1');
    expect(out).toMatch(/1 packets transmitted, 1 packets received/);
  }, TEST_TIMEOUT);

  it('cleans up: links deleted, namespace holder gone', async () => {
    await run(guest(), `ip link del host0 && ip link del br0 && kill ${pid}`);
    expect(await run(guest(), 'ls /sys/class/net')).not.toMatch(/br0|host0/);
    expect(await run(guest(), `sleep 0.2; test -e /proc/${pid} && echo alive || echo gone`)).toBe('gone');
  }, TEST_TIMEOUT);
});
