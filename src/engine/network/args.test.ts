// `docker network …` and the run flags for networks, as Docker's CLI parses them; the hosts
// file a container gets; the spec lines the launcher reads.
import { describe, expect, it } from 'vitest';
import { flagBool, flagList, flagString, parseCommandLine } from '../cli/parse';
import { baseHosts, renderHosts } from './hosts';
import { renderSpec } from '../runtime/spec';

const command = (line: string) => {
  const result = parseCommandLine(line.split(' '));
  if (result.kind !== 'command') throw new Error(`expected a command, got ${JSON.stringify(result)}`);
  return result;
};

describe('docker network arguments', () => {
  it('create takes one name, --subnet, --driver and labels', () => {
    const c = command('network create --subnet 10.1.0.0/24 -d bridge --label a=b app');
    expect(c.command.path).toEqual(['network', 'create']);
    expect(c.args).toEqual(['app']);
    expect(flagList(c.flags, 'subnet')).toEqual(['10.1.0.0/24']);
    expect(flagString(c.flags, 'driver')).toBe('bridge');
    expect(parseCommandLine(['network', 'create']).kind).toBe('error');
  });

  it('ls and rm have their aliases; connect takes NETWORK CONTAINER and --alias', () => {
    expect(command('network list -q').command.path).toEqual(['network', 'ls']);
    expect(flagBool(command('network ls -q').flags, 'quiet')).toBe(true);
    expect(command('network remove a b').command.path).toEqual(['network', 'rm']);
    const c = command('network connect --alias web app c1');
    expect(c.args).toEqual(['app', 'c1']);
    expect(flagList(c.flags, 'alias')).toEqual(['web']);
    expect(parseCommandLine(['network', 'connect', 'app']).kind).toBe('error');
    expect(flagBool(command('network prune -f').flags, 'force')).toBe(true);
  });

  it('run takes --network (and --net) and --network-alias', () => {
    const c = command('run --net app --network-alias db --net-alias database busybox true');
    expect(flagString(c.flags, 'network')).toBe('app');
    expect(flagList(c.flags, 'network-alias')).toEqual(['db', 'database']);
  });
});

describe('hosts and spec lines', () => {
  it('a hosts file: localhost, --add-host and its own address (peers come from the DNS server)', () => {
    expect(renderHosts(baseHosts(['x:10.0.0.9']), { ip: '172.18.0.3', hostname: 'abc' }))
      .toBe('127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n10.0.0.9\tx\n172.18.0.3\tabc\n');
    expect(renderHosts(baseHosts([]), null)).toBe('127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n');
  });

  it('one network line per network; none with host networking', () => {
    const base = {
      rootfs: '/r', hostname: 'h', cwd: '/', env: [], args: ['true'], uid: 0, gid: 0, cgroup: '/c', privileged: false, readonly: false,
      capAdd: [], capDrop: [], binds: [], stdinNull: true,
      networks: [{ bridge: 'docker0', veth: 'veth1234567', address: '172.17.0.2/16', gateway: '172.17.0.1', mac: '02:42:ac:11:00:02' }],
    };
    expect(renderSpec(base)).toContain('\nnetwork docker0 veth1234567 172.17.0.2/16 172.17.0.1 02:42:ac:11:00:02\n');
    expect(renderSpec({ ...base, hostNetwork: true })).not.toContain('network ');
  });
});
