import { describe, expect, it } from 'vitest';
import { parseNatCounters, renderNatRules } from './nat-rules';

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
    expect(text).toContain('tcp dport 8080 counter dnat to 172.17.0.2:80 comment "web"');
    expect(text).toContain('ip daddr 127.0.0.1 udp dport 5353 counter dnat to 172.18.0.2:53 comment "dns"');
  });

  it('masquerades DNATed flows into a bridge and each subnet leaving by another interface', () => {
    expect(text).toContain('oifname @bridges ct status dnat counter masquerade');
    expect(text).toContain('ip saddr 172.18.0.0/16 oifname != "br-0123456789ab" counter masquerade');
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

describe('the NAT rules count their packets', () => {
  const text = renderNatRules(bridges, [{ container: 'web', hostIp: '0.0.0.0', hostPort: 8080, protocol: 'tcp', ip: '172.17.0.2', port: 80 }]);

  it('puts a counter before each DNAT and masquerade (not on the filter rules)', () => {
    expect(text).toContain('tcp dport 8080 counter dnat to 172.17.0.2:80 comment "web"');
    expect(text).toContain('oifname @bridges ct status dnat counter masquerade');
    expect(text).toContain('ip saddr 172.17.0.0/16 oifname != "docker0" counter masquerade');
    expect(text.slice(text.indexOf('chain forward'))).not.toContain('counter');
  });

  it("reads the counters back from nft's listing", () => {
    const listing = [
      'table ip dockhand {',
      '\tset local {', '\t\ttype ipv4_addr', '\t\tflags interval', '\t\telements = { 127.0.0.0/8, 172.17.0.1 }', '\t}',
      '\tchain prerouting {', '\t\ttype nat hook prerouting priority dstnat; policy accept;', '\t\tip daddr @local jump publish', '\t}',
      '\tchain publish {',
      '\t\ttcp dport 8080 counter packets 3 bytes 180 dnat to 172.17.0.2:80 comment "web"',
      '\t\tip daddr 127.0.0.1 udp dport 5353 counter packets 0 bytes 0 dnat to 172.18.0.2:53 comment "dns"',
      '\t}',
      '\tchain postrouting {', '\t\ttype nat hook postrouting priority srcnat; policy accept;',
      '\t\toifname @bridges ct status dnat counter packets 3 bytes 180 masquerade',
      '\t\tip saddr 172.17.0.0/16 oifname != "docker0" counter packets 0 bytes 0 masquerade',
      '\t}',
      '\tchain forward {', '\t\ttype filter hook forward priority filter; policy accept;', '\t\tct status dnat accept', '\t}',
      '}',
    ].join('\n');
    const counters = parseNatCounters(listing);
    expect(counters).toEqual([
      { kind: 'dnat', chain: 'publish', packets: 3, bytes: 180, match: 'tcp dport 8080', protocol: 'tcp', hostPort: 8080, hostIp: '0.0.0.0', toIp: '172.17.0.2', toPort: 80, container: 'web' },
      { kind: 'dnat', chain: 'publish', packets: 0, bytes: 0, match: 'ip daddr 127.0.0.1 udp dport 5353', protocol: 'udp', hostPort: 5353, hostIp: '127.0.0.1', toIp: '172.18.0.2', toPort: 53, container: 'dns' },
      { kind: 'masquerade', chain: 'postrouting', packets: 3, bytes: 180, match: 'oifname @bridges ct status dnat' },
      { kind: 'masquerade', chain: 'postrouting', packets: 0, bytes: 0, match: 'ip saddr 172.17.0.0/16 oifname != "docker0"' },
    ]);
    expect(parseNatCounters('')).toEqual([]);
  });
});
