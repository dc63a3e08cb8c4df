import { describe, expect, it } from 'vitest';
import { renderDnsTable, resolvConf } from './dns-table';

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
