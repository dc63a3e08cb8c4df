// Port publishing on the real guest: nftables arrives as an add-on on the 9p share, the
// daemon unpacks it in the background and programs the isolation, then DNAT rules for -p; the page is then served at the
// VM's port, from the VM and from containers on any network, while the networks stay isolated
// from each other (by the forward chain now that the VM forwards).
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForNftables } from '../../src/lib/guest/node';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();
const PAGE = /Hello from a container!/;
const table = () => run(guest(), 'nft list table ip dockhand');

describe('published ports (-p, -P) with nftables', () => {
  beforeAll(async () => {
    await guest().addonsDelivered;
  }, TEST_TIMEOUT);

  it('the daemon unpacks the nftables add-on in the background once the host delivers it; then nftables isolates the bridges', async () => {
    await waitForNftables(guest(), 150_000);
    await run(guest(), 'for i in $(seq 30); do nft list table ip dockhand >/dev/null 2>&1 && exit 0; sleep 1; done; exit 1', 60_000);
    expect(await table()).toContain('iifname "docker0" oifname != "docker0" oifname @bridges drop');
    expect(await run(guest(), 'cat /proc/sys/net/ipv4/ip_forward')).toBe('1');
  }, 240_000);

  it('-p 8080:80: docker port, the PORTS column, a DNAT rule, and the page at localhost:8080', async () => {
    await run(guest(), 'docker run -d --name web -p 8080:80 httpd-demo', 60_000);
    expect(await run(guest(), 'docker port web')).toBe('80/tcp -> 0.0.0.0:8080');
    expect(await run(guest(), 'docker port web 80/tcp')).toBe('0.0.0.0:8080');
    expect(await run(guest(), "docker ps --format '{{.Names}} {{.Ports}}'")).toBe('web 0.0.0.0:8080->80/tcp');
    const ip = await run(guest(), "docker inspect -f '{{.NetworkSettings.IPAddress}}' web");
    expect(await table()).toMatch(new RegExp(`tcp dport 8080 counter packets \\d+ bytes \\d+ dnat to ${ip.replace(/\./g, '\\.')}:80 comment "web"`));
    expect(JSON.parse(await run(guest(), "docker inspect -f '{{json .HostConfig.PortBindings}}' web"))).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    expect(await run(guest(), 'wget -qO- -T 5 localhost:8080')).toMatch(PAGE);
    expect(await run(guest(), 'cat /proc/sys/net/ipv4/ip_forward')).toBe('1');
    // the control API serves them to the pictures: the container's ports and the table as loaded
    const state = await guest().engineState();
    expect(state.containers.find((c) => c.name === 'web')?.ports).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }]);
    expect(state.natRules).toContain(`tcp dport 8080 counter dnat to ${ip}:80 comment "web"`);
  }, 240_000);

  it('a container on the same bridge and one on another network reach the published port through the gateway', async () => {
    expect(await run(guest(), 'docker run --rm busybox wget -qO- -T 5 172.17.0.1:8080')).toMatch(PAGE);
    await run(guest(), 'docker network create other');
    expect(await table()).toMatch(/iifname "br-[0-9a-f]{12}" oifname != "br-[0-9a-f]{12}" oifname @bridges drop/);
    expect(await run(guest(), 'docker run --rm --network other busybox wget -qO- -T 5 172.18.0.1:8080')).toMatch(PAGE);
  }, TEST_TIMEOUT);

  it('the networks stay isolated although the VM now forwards', async () => {
    const ip = await run(guest(), "docker inspect -f '{{.NetworkSettings.IPAddress}}' web");
    const direct = await guest().exec(`docker run --rm --network other busybox wget -qO- -T 2 ${ip}:80`, { timeoutMs: 30_000 });
    expect(direct.exitCode).not.toBe(0);
    expect(await run(guest(), 'docker run --rm busybox wget -qO- -T 5 ' + ip)).toMatch(PAGE); // the same bridge: allowed
  }, TEST_TIMEOUT);

  it('a taken host port is refused and nothing is left; a bad spec names the problem', async () => {
    const clash = await guest().exec('docker run -d --name web2 -p 8080:80 httpd-demo');
    expect(clash.exitCode).toBe(125);
    expect(clash.stderr).toMatch(/Bind for 0\.0\.0\.0:8080 failed: port is already allocated/);
    expect(await run(guest(), "docker ps -a --format '{{.Names}}'")).toBe('web'); // the failed start left nothing
    const bad = await guest().exec('docker run --rm -p 80:http httpd-demo');
    expect(bad.exitCode).toBe(125);
    expect(bad.stderr).toContain('invalid containerPort: http');
  }, TEST_TIMEOUT);

  it("-P publishes the image's EXPOSE to the first free ephemeral port", async () => {
    await run(guest(), 'docker run -d --name any -P httpd-demo');
    expect(await run(guest(), 'docker port any')).toBe('80/tcp -> 0.0.0.0:32768');
    expect(await run(guest(), 'wget -qO- -T 5 127.0.0.1:32768')).toMatch(PAGE);
    await run(guest(), 'docker rm -f any');
  }, TEST_TIMEOUT);

  it('stopping the container takes its rule away and frees the port', async () => {
    await run(guest(), 'docker stop -t 1 web');
    expect(await table()).not.toContain('dport 8080');
    expect(await run(guest(), 'docker port web')).toBe('');
    expect((await guest().exec('wget -qO- -T 2 localhost:8080')).exitCode).not.toBe(0);
    await run(guest(), 'docker rm web && docker run -d --name web -p 8080:80 httpd-demo');
    expect(await run(guest(), 'wget -qO- -T 5 localhost:8080')).toMatch(PAGE);
    await run(guest(), 'docker rm -f web && docker network rm other');
    expect(await table()).not.toContain('br-');
  }, TEST_TIMEOUT);
});
