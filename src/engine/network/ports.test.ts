import { describe, expect, it } from 'vitest';
import {
  activePorts, allocatePorts, EPHEMERAL_FIRST, exposedKeys, networkPorts, parsePublish, portBindings, portLines, PortSpecError, psPorts,
} from './ports';

describe('parsePublish (-p)', () => {
  it.each([
    ['80', [{ key: '80/tcp', hostIp: '', hostPort: '' }]],
    ['8080:80', [{ key: '80/tcp', hostIp: '', hostPort: '8080' }]],
    ['127.0.0.1:8080:80', [{ key: '80/tcp', hostIp: '127.0.0.1', hostPort: '8080' }]],
    ['127.0.0.1::80', [{ key: '80/tcp', hostIp: '127.0.0.1', hostPort: '' }]],
    ['5353:53/UDP', [{ key: '53/udp', hostIp: '', hostPort: '5353' }]],
    ['8080-8081:80-81', [{ key: '80/tcp', hostIp: '', hostPort: '8080' }, { key: '81/tcp', hostIp: '', hostPort: '8081' }]],
  ])('%s', (spec, expected) => {
    expect(parsePublish(spec)).toEqual(expected);
  });

  it.each([
    ['abc', 'invalid containerPort: abc'],
    ['x:80', 'invalid hostPort: x'],
    ['70000:80', 'invalid hostPort: 70000'],
    ['1.2.3:80:80', 'invalid IP address: 1.2.3'],
    ['80/icmp', 'invalid proto: icmp'],
    ['8080-8082:80-81', 'invalid ranges specified for container and host Ports: 80-81 and 8080-8082'],
    ['1:2:3:4', 'invalid port format for --publish: 1:2:3:4'],
  ])('refuses %s', (spec, message) => {
    expect(() => parsePublish(spec)).toThrow(new PortSpecError(message));
  });

  it('collects bindings per container port', () => {
    expect(portBindings(['8080:80', '127.0.0.1:9090:80'])).toEqual({
      '80/tcp': [{ HostIp: '', HostPort: '8080' }, { HostIp: '127.0.0.1', HostPort: '9090' }],
    });
    expect(exposedKeys(['80', '7000-7001/udp'])).toEqual(['80/tcp', '7000/udp', '7001/udp']);
    expect(() => exposedKeys(['eighty'])).toThrow('invalid range format for --expose specification: "eighty"');
  });
});

describe('allocatePorts', () => {
  const held = [{ containerPort: 80, protocol: 'tcp' as const, hostIp: '0.0.0.0', hostPort: 8080 }];

  it('takes the given host port, or the lowest free ephemeral one', () => {
    expect(allocatePorts({ '80/tcp': [{ HostIp: '', HostPort: '8081' }] }, [], false, held))
      .toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8081 }]);
    const taken = [{ ...held[0], hostPort: EPHEMERAL_FIRST }];
    expect(allocatePorts({ '80/tcp': [{ HostIp: '', HostPort: '' }] }, [], false, taken)[0].hostPort).toBe(EPHEMERAL_FIRST + 1);
  });

  it('refuses a port another container holds (any address overlaps 0.0.0.0), not the other protocol', () => {
    expect(() => allocatePorts({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] }, [], false, held))
      .toThrow('Bind for 127.0.0.1:8080 failed: port is already allocated');
    expect(allocatePorts({ '53/udp': [{ HostIp: '', HostPort: '8080' }] }, [], false, held)).toHaveLength(1);
  });

  it('-P publishes every exposed port not published already; two -P in one call never collide', () => {
    const out = allocatePorts({ '80/tcp': [{ HostIp: '', HostPort: '8081' }] }, ['80/tcp', '443/tcp', '8443/tcp'], true, []);
    expect(out.map((p) => `${p.containerPort}->${p.hostPort}`)).toEqual(['80->8081', `443->${EPHEMERAL_FIRST}`, `8443->${EPHEMERAL_FIRST + 1}`]);
  });
});

describe('how ports are shown', () => {
  const ports = networkPorts(['80/tcp', '443/tcp'], [
    { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
    { containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 9090 },
  ]);

  it('NetworkSettings.Ports, and back', () => {
    expect(ports).toEqual({ '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '127.0.0.1', HostPort: '9090' }], '443/tcp': null });
    expect(activePorts(ports).map((p) => p.hostPort)).toEqual([8080, 9090]);
  });

  it("docker ps's PORTS column", () => {
    expect(psPorts(ports)).toBe('0.0.0.0:8080->80/tcp, 127.0.0.1:9090->80/tcp, 443/tcp');
    expect(psPorts(undefined)).toBe('');
  });

  it('docker port', () => {
    expect(portLines('web', ports)).toEqual({ lines: ['80/tcp -> 0.0.0.0:8080', '80/tcp -> 127.0.0.1:9090'] });
    expect(portLines('web', ports, '80')).toEqual({ lines: ['0.0.0.0:8080', '127.0.0.1:9090'] });
    expect(portLines('web', ports, '443/tcp')).toEqual({ error: "Error: No public port '443/tcp' published for web" });
  });
});
