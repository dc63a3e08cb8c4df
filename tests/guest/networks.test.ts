// Container networking as Docker's bridge driver does it, on the real guest: docker0 and
// user-defined bridges, a veth pair per container (made by the launcher over rtnetlink),
// names through the embedded DNS server and /etc/hosts on user-defined networks, isolation
// between networks (no forwarding, or nftables drops once it is unpacked), Docker's refusals,
// and nothing left after docker rm -f.
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();
const ipOf = async (name: string, network: string) =>
  (JSON.parse(await run(guest(), `docker inspect -f '{{json .NetworkSettings.Networks}}' ${name}`)) as Record<string, { IPAddress: string }>)[network].IPAddress;

describe('networks', () => {
  it('the default bridge: docker0 172.17.0.1/16, a container gets 172.17.0.x and the VM reaches it', async () => {
    expect(await run(guest(), 'docker network ls --format "{{.Name}} {{.Driver}}"')).toBe('bridge bridge\nhost host\nnone null');
    expect(await run(guest(), 'ip -4 addr show docker0 | grep -o "inet [0-9./]*"')).toBe('inet 172.17.0.1/16');
    // a MAC of its own (not its lowest port's, which changes as containers come and go)
    expect(await run(guest(), 'cat /sys/class/net/docker0/address')).toBe('02:42:ac:11:00:01');
    await run(guest(), 'docker run -d --name web busybox sleep 300');
    const ip = await run(guest(), "docker inspect -f '{{.NetworkSettings.IPAddress}} {{.NetworkSettings.Gateway}} {{.NetworkSettings.IPPrefixLen}}' web");
    expect(ip).toMatch(/^172\.17\.0\.\d+ 172\.17\.0\.1 16$/);
    expect(await run(guest(), `ping -c1 -W2 ${ip.split(' ')[0]}`)).toMatch(/1 packets received/);
    // inside: eth0 with the address, the default route via the gateway, Docker's MAC
    const inside = await run(guest(), 'docker exec web sh -c "ip -4 addr show eth0; ip route; cat /sys/class/net/eth0/address"');
    expect(inside).toContain(`inet ${ip.split(' ')[0]}/16`);
    expect(inside).toContain('default via 172.17.0.1 dev eth0');
    expect(inside).toMatch(/02:42:ac:11:00:[0-9a-f]{2}/);
    // the host end is a port of docker0
    const veth = await run(guest(), 'ls /sys/class/net/docker0/brif/');
    expect(veth).toMatch(/^veth[0-9a-f]{7}$/);
    expect(await run(guest(), "docker ps --format '{{.Names}} {{.Networks}}' --filter name=web")).toBe('web bridge');
    // the default bridge does not resolve names (as Docker)
    expect((await guest().exec('docker run --rm busybox ping -c1 -W1 web')).exitCode).not.toBe(0);
  }, TEST_TIMEOUT);

  it("the issue's example: containers on a user-defined network reach each other by name and alias", async () => {
    const id = await run(guest(), 'docker network create app');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(await run(guest(), `ls /sys/class/net | grep -x br-${id.slice(0, 12)}`)).toBe(`br-${id.slice(0, 12)}`);
    expect(JSON.parse(await run(guest(), 'docker network inspect -f "{{json .IPAM.Config}}" app'))).toEqual([{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }]);
    await run(guest(), 'docker run -d --name db --network app --network-alias database busybox httpd -f -p 80 -h /etc');
    expect(await run(guest(), 'docker run --rm --network app busybox ping -c1 -W2 db')).toMatch(/1 packets received/);
    expect(await run(guest(), 'docker run --rm --network app busybox ping -c1 -W2 database')).toMatch(/1 packets received/);
    expect(await run(guest(), 'docker run --rm --network app busybox wget -q -O - http://db/hostname')).toMatch(/^[0-9a-f]{12}$/);
    // a client started later is found by db at once: the names come from the DNS server, not
    // from /etc/hosts, which (as in Docker) holds only the container itself
    await run(guest(), 'docker run -d --name client --network app busybox sleep 300');
    expect(await run(guest(), 'docker exec db ping -c1 -W2 client')).toMatch(/1 packets received/);
    const hosts = await run(guest(), 'docker exec db cat /etc/hosts');
    expect(hosts).not.toMatch(/\bclient\b/);
    expect(hosts).toMatch(/^172\.18\.0\.\d+\t[0-9a-f]{12}$/m);
    const inspect = JSON.parse(await run(guest(), 'docker network inspect app'))[0];
    expect(Object.values(inspect.Containers).map((c) => (c as { Name: string }).Name).sort()).toEqual(['client', 'db']);
  }, TEST_TIMEOUT);

  it('isolation: a container on another network cannot reach db; the network in use cannot be removed', async () => {
    await run(guest(), 'docker network create --subnet 10.55.0.0/24 other');
    const dbIp = await ipOf('db', 'app');
    const across = await guest().exec(`docker run --rm --network other busybox ping -c1 -W2 ${dbIp}`);
    expect(across.exitCode).not.toBe(0);
    expect(across.stdout).toMatch(/0 packets received/);
    // who isolates: no forwarding at all until nftables is unpacked, then the forward chain's drops
    if ((await run(guest(), 'cat /proc/sys/net/ipv4/ip_forward')) === '1') {
      expect(await run(guest(), 'nft list chain ip dockhand forward')).toMatch(/iifname "br-[0-9a-f]{12}" oifname != "br-[0-9a-f]{12}" oifname @bridges drop/);
    }
    expect(await run(guest(), 'docker run --rm --network other busybox ip -4 addr show eth0')).toMatch(/inet 10\.55\.0\.\d+\/24/);
    const rm = await guest().exec('docker network rm app');
    expect(rm.exitCode).toBe(1);
    expect(rm.stderr).toMatch(/^Error response from daemon: error while removing network: network app has active endpoints \(name:"(db|client)"/);
    expect((await guest().exec('docker network rm bridge')).stderr).toBe('Error response from daemon: bridge is a pre-defined network and cannot be removed\n');
    expect((await guest().exec('docker run --rm --network nope busybox true')).stderr).toContain('network nope not found');
  }, TEST_TIMEOUT);

  it("the network's DNS server answers nslookup by name and alias, live, and only to its own network", async () => {
    const dbIp = await ipOf('db', 'app');
    const gateway = (JSON.parse(await run(guest(), "docker network inspect -f '{{json .IPAM.Config}}' app")) as { Gateway: string }[])[0].Gateway;
    expect(await run(guest(), 'docker run --rm --network app busybox cat /etc/resolv.conf')).toBe(`nameserver ${gateway}\noptions ndots:0`);
    const answer = await run(guest(), 'docker run --rm --network app busybox nslookup database');
    expect(answer).toContain(`Server:\t\t${gateway}`);
    expect(answer).toMatch(new RegExp(`Name:\\tdatabase\\nAddress: ${dbIp.replace(/\./g, '\\.')}`));
    expect((await guest().exec('docker run --rm --network app busybox nslookup nosuch')).stdout).toContain("can't find nosuch: NXDOMAIN");
    // another network's container may ask, but is refused; the default bridge has no DNS server
    expect((await guest().exec(`docker run --rm --network other busybox nslookup db ${gateway}`)).stdout).toContain("can't find db: REFUSED");
    expect(await run(guest(), 'docker run --rm busybox cat /etc/resolv.conf')).toBe('');
    // a container that starts later is in the table at once, and gone when it stops
    await run(guest(), 'docker run -d --name late --network app busybox sleep 300');
    expect(await run(guest(), 'docker exec client nslookup late')).toMatch(/Name:\tlate\nAddress: 172\.18\.0\.\d+/);
    await run(guest(), 'docker rm -f late');
    expect((await guest().exec('docker exec client nslookup late')).stdout).toContain("can't find late: NXDOMAIN");
  }, TEST_TIMEOUT);

  it('connect and disconnect a running container; addresses are not reused', async () => {
    await run(guest(), 'docker network connect --alias helper other client');
    expect(await run(guest(), 'docker exec client ip -4 addr show eth1')).toMatch(/inet 10\.55\.0\.\d+\/24/);
    expect(await run(guest(), "docker ps --format '{{.Networks}}' --filter name=client")).toBe('app,other');
    expect(await run(guest(), 'docker run --rm --network other busybox ping -c1 -W2 helper')).toMatch(/1 packets received/);
    await run(guest(), 'docker network disconnect other client');
    expect((await guest().exec('docker exec client ip link show eth1')).exitCode).not.toBe(0);
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) seen.add(await run(guest(), 'docker run --rm --network other busybox ip -4 -o addr show eth0 | grep -o "10.55.0.[0-9]*"'));
    expect(seen.size).toBe(3);
  }, TEST_TIMEOUT);

  it('cleans up: no veth left after docker rm -f, the IPs released, networks removed and pruned', async () => {
    await run(guest(), 'docker rm -f web db client');
    // the kernel deletes a dead network namespace's devices (and their veth peers) in the background
    expect(await run(guest(), 'for i in $(seq 50); do [ "$(ip link | grep -c veth)" = 0 ] && break; sleep 0.2; done; ip link | grep -c veth || true')).toBe('0');
    expect(JSON.parse(await run(guest(), 'docker network inspect -f "{{json .Containers}}" app'))).toEqual({});
    expect(await run(guest(), 'docker network rm app')).toBe('app');
    expect(await run(guest(), 'docker network prune -f')).toBe('Deleted Networks:\nother');
    expect(await run(guest(), 'ls /sys/class/net | grep -c "^br-" || true')).toBe('0');
    expect(await run(guest(), 'ls /var/lib/dockhand/networks | wc -l')).toBe('3');
  }, TEST_TIMEOUT);
});
