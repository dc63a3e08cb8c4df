import { describe, expect, it } from 'vitest';
import { allocate, gatewayOf, intToIp, ipToInt, macFor, nextFreeSubnet, overlaps, parseSubnet, release, type IpamState, type Subnet } from './ipam';

const subnet = (text: string): Subnet => {
  const r = parseSubnet(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('ipam', () => {
  it('parses subnets and refuses what is not one', () => {
    expect(subnet('172.17.0.0/16')).toEqual({ base: ipToInt('172.17.0.0'), prefix: 16 });
    expect(gatewayOf(subnet('10.1.2.0/24'))).toBe('10.1.2.1');
    expect(parseSubnet('10.1.2.3')).toEqual({ ok: false, error: 'invalid CIDR address: 10.1.2.3' });
    expect(parseSubnet('10.1.300.0/24').ok).toBe(false);
    expect(parseSubnet('10.1.2.5/24')).toMatchObject({ ok: false });
    expect(parseSubnet('10.1.2.0/31').ok).toBe(false);
    expect(intToIp(ipToInt('255.254.3.0'))).toBe('255.254.3.0');
  });

  it('hands out addresses in order from .2, the gateway and broadcast never', () => {
    const state: IpamState = { next: 0, used: {} };
    const s = subnet('10.9.0.0/29'); // hosts .1–.6: .1 the gateway
    const got = [1, 2, 3, 4, 5].map((i) => allocate(state, s, `c${i}`));
    expect(got).toEqual(['10.9.0.2', '10.9.0.3', '10.9.0.4', '10.9.0.5', '10.9.0.6']);
    expect(allocate(state, s, 'c6')).toBeNull();
    expect(state.used['10.9.0.4']).toBe('c3');
  });

  it('does not reuse a released address until the allocation wraps', () => {
    const state: IpamState = { next: 0, used: {} };
    const s = subnet('10.9.0.0/29');
    expect(allocate(state, s, 'a')).toBe('10.9.0.2');
    release(state, '10.9.0.2');
    expect(allocate(state, s, 'b')).toBe('10.9.0.3');
    release(state, '10.9.0.3');
    expect(['c', 'd', 'e'].map((o) => allocate(state, s, o))).toEqual(['10.9.0.4', '10.9.0.5', '10.9.0.6']);
    // wrapped: the released ones come back, oldest first
    expect(allocate(state, s, 'f')).toBe('10.9.0.2');
    expect(allocate(state, s, 'g')).toBe('10.9.0.3');
  });

  it('picks the next free /16 from 172.18 (172.17 is the default bridge), then 192.168.x/20', () => {
    expect(nextFreeSubnet([subnet('172.17.0.0/16')])).toEqual(subnet('172.18.0.0/16'));
    expect(nextFreeSubnet([subnet('172.17.0.0/16'), subnet('172.18.5.0/24')])).toEqual(subnet('172.19.0.0/16'));
    const all = Array.from({ length: 15 }, (_, i) => subnet(`172.${17 + i}.0.0/16`));
    expect(nextFreeSubnet(all)).toEqual(subnet('192.168.0.0/20'));
    expect(overlaps(subnet('10.0.0.0/8'), subnet('10.3.0.0/24'))).toBe(true);
    expect(overlaps(subnet('10.0.0.0/24'), subnet('10.0.1.0/24'))).toBe(false);
  });

  it("derives Docker's MAC from the address", () => {
    expect(macFor('172.17.0.2')).toBe('02:42:ac:11:00:02');
  });
});
