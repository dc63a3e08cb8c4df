import { describe, expect, it } from 'vitest';
import { parseDnsAnswers, renderDnsTable, resolvConf } from './dns-table';

describe('the DNS table of a network', () => {
  it('the subnet first, then one line per container: its address and every name it answers to, once, lower-case', () => {
    expect(renderDnsTable('172.18.0.0/16', [
      { ip: '172.18.0.2', names: ['db', 'Database', 'db', '3f2a9c1b7e44'] },
      { ip: '172.18.0.3', names: ['web'] },
    ])).toBe('subnet 172.18.0.0/16\n172.18.0.2 db database 3f2a9c1b7e44\n172.18.0.3 web\n');
    expect(renderDnsTable('10.1.0.0/24', [])).toBe('subnet 10.1.0.0/24\n');
  });

  it("a container's resolv.conf points at its network's gateway", () => {
    expect(resolvConf('172.18.0.1')).toBe('nameserver 172.18.0.1\noptions ndots:0\n');
  });
});

describe("the DNS server's log of its answers", () => {
  it('reads each answer: who asked which gateway, the name, the addresses or the outcome', () => {
    const log = [
      '7 1715000000123 172.18.0.2 172.18.0.1 A db 172.18.0.3',
      '8 1715000000125 172.18.0.2 172.18.0.1 AAAA db NODATA',
      '9 1715000000200 172.18.0.2 172.18.0.1 A nope NXDOMAIN',
      '10 1715000000300 172.17.0.2 172.18.0.1 A db REFUSED',
      '11 1715000000400 172.18.0.4 172.18.0.1 A web 172.18.0.5,172.18.0.6',
      'garbage', '',
    ].join('\n');
    const answers = parseDnsAnswers(log);
    expect(answers[0]).toEqual({ seq: 7, time: 1715000000123, client: '172.18.0.2', server: '172.18.0.1', type: 'A', name: 'db', addresses: ['172.18.0.3'], rcode: 'NOERROR' });
    expect(answers.map((a) => a.rcode)).toEqual(['NOERROR', 'NODATA', 'NXDOMAIN', 'REFUSED', 'NOERROR']);
    expect(answers[4].addresses).toEqual(['172.18.0.5', '172.18.0.6']);
    expect(parseDnsAnswers(null)).toEqual([]);
  });
});
