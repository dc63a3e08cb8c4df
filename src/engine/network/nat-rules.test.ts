import { describe, expect, it } from 'vitest';
import { renderNatRules } from './nat-rules';

const bridges = [
  { network: 'bridge', bridge: 'docker0', subnet: '172.17.0.0/16', gateway: '172.17.0.1' },
  { network: 'app', bridge: 'br-0123456789ab', subnet: '172.18.0.0/16', gateway: '172.18.0.1' },
];

describe('renderNatRules', () => {
  const text = renderNatRules(bridges, [
    { container: 'web', hostIp: '0.0.0.0', hostPort: 8080, protocol: 'tcp', ip: '172.17.0.2', port: 80 },
    { container: 'dns', hostIp: '127.0.0.1', hostPort: 5353, protocol: 'udp', ip: '172.18.0.2', port: 53 },
  ]);

  it('replaces the table in one script (create, delete, define)', () => {
    expect(text.split('\n').slice(0, 3)).toEqual(['table ip dockhand', 'delete table ip dockhand', 'table ip dockhand {']);
  });

  it("sends packets for the VM's own addresses through the publish chain, which DNATs", () => {
    expect(text).toContain('elements = { 127.0.0.0/8, 172.17.0.1, 172.18.0.1 }');
    expect(text.match(/ip daddr @local jump publish/g)).toHaveLength(2);
    expect(text).toContain('tcp dport 8080 dnat to 172.17.0.2:80 comment "web"');
    expect(text).toContain('ip daddr 127.0.0.1 udp dport 5353 dnat to 172.18.0.2:53 comment "dns"');
  });

  it('masquerades DNATed flows into a bridge and each subnet leaving by another interface', () => {
    expect(text).toContain('oifname @bridges ct status dnat masquerade');
    expect(text).toContain('ip saddr 172.18.0.0/16 oifname != "br-0123456789ab" masquerade');
  });

  it('isolates every bridge from the others, but lets published ports and answers through', () => {
    const forward = text.slice(text.indexOf('chain forward'));
    expect(forward.indexOf('ct status dnat accept')).toBeLessThan(forward.indexOf('drop'));
    expect(forward).toContain('iifname "docker0" oifname != "docker0" oifname @bridges drop');
    expect(forward).toContain('iifname "br-0123456789ab" oifname != "br-0123456789ab" oifname @bridges drop');
  });

  it('with no bridge, no empty set (nft refuses one without a type match) and no isolation rule', () => {
    const empty = renderNatRules([], []);
    expect(empty).not.toContain('set bridges');
    expect(empty).not.toContain('@bridges');
  });
});
