import { describe, expect, it } from 'vitest';
import { interfaceKind, parseNetDev, parseStatPpid, bindMounts, imageLayers, nsLinkInode, parseCgroupValue, parseMountInfo, parsePids, parseStatus, sharedLayers } from './proc';

const STATUS = 'Name:\thttpd\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t812\nNgid:\t0\nPid:\t812\nPPid:\t790\nTracerPid:\t0\nNSpid:\t812\t1\nNSpgid:\t812\t1\n';

describe('parseStatus', () => {
  it('reads Name, PPid and NSpid (host pid first, the pid inside last)', () => {
    expect(parseStatus(STATUS)).toEqual({ name: 'httpd', ppid: 790, nspid: [812, 1] });
  });
  it('falls back to Pid without NSpid', () => {
    expect(parseStatus('Name:\tsh\nPid:\t7\nPPid:\t1\n')).toEqual({ name: 'sh', ppid: 1, nspid: [7] });
  });
});

describe('small readings', () => {
  it('namespace links, cgroup values, cgroup.procs', () => {
    expect(nsLinkInode('mnt:[4026531841]\n')).toBe(4026531841);
    expect(nsLinkInode('nope')).toBeUndefined();
    expect(parseCgroupValue('max\n')).toBe('max');
    expect(parseCgroupValue('12288\n')).toBe(12288);
    expect(parseCgroupValue(null)).toBeUndefined();
    expect(parsePids('5\n9\n')).toEqual([5, 9]);
    expect(parseStatPpid('12 (kworker/R-inet_) I 2 0 0 0 -1')).toBe(2);
    expect(parseStatPpid('40 (a) b) S 7 40 40')).toBe(7);
  });
});

describe('parseMountInfo', () => {
  const text = [
    '60 55 0:40 / / rw,relatime - overlay overlay rw,lowerdir=/a:/b,upperdir=/u,workdir=/w',
    '61 60 0:5 / /proc rw,nosuid - proc proc rw',
    '62 60 0:22 /var/lib/dockhand/containers/abc/hosts /etc/hosts rw - ext2 /dev/root rw',
    '63 60 0:22 /a\\040b /mnt/x\\040y rw - tmpfs tmpfs rw',
  ].join('\n');
  it('reads target, root, fstype and source; bind mounts have a root other than /', () => {
    const mounts = parseMountInfo(text);
    expect(mounts[0]).toEqual({ root: '/', target: '/', fstype: 'overlay', source: 'overlay' });
    expect(bindMounts(mounts).map((m) => m.target)).toEqual(['/etc/hosts', '/mnt/x y']);
  });
});

describe('image shaping', () => {
  it('pairs layers with the history entries that made them', () => {
    expect(imageLayers(['sha256:a', 'sha256:b'], [10, 20], [{ created_by: 'ADD x' }, { created_by: 'CMD', empty_layer: true }, { created_by: 'COPY y' }]))
      .toEqual([{ diffId: 'sha256:a', size: 10, createdBy: 'ADD x' }, { diffId: 'sha256:b', size: 20, createdBy: 'COPY y' }]);
  });
  it('finds the layers images share', () => {
    const img = (id: string, ...layers: string[]) => ({ id, refs: [], layers: layers.map((diffId) => ({ diffId, size: 0 })) });
    expect(sharedLayers([img('1', 'a'), img('2', 'a', 'b'), img('3', 'c')])).toEqual([{ diffId: 'a', images: ['1', '2'] }]);
  });
});

describe('the VM interfaces and their packet counters', () => {
  const netDev = [
    'Inter-|   Receive                                                |  Transmit',
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
    '    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0',
    'br-2f8c6e04914c:     152       4    0    0    0     0          0         0      182       3    0    0    0     0       0          0',
    'vethd64d1cf:     306       5    0    0    0     0          0         0      322       5    0    0    0     0       0          0',
  ].join('\n');

  it('reads received and sent packets from /proc/net/dev, headers skipped', () => {
    expect(parseNetDev(netDev)).toEqual([
      { name: 'lo', rxPackets: 0, txPackets: 0 },
      { name: 'br-2f8c6e04914c', rxPackets: 4, txPackets: 3 },
      { name: 'vethd64d1cf', rxPackets: 5, txPackets: 5 },
    ]);
    expect(parseNetDev(null)).toEqual([]);
  });

  it("tells lo, the networks' bridges and the containers' veths from the VM's other devices", () => {
    const bridges = new Set(['docker0', 'br-2f8c6e04914c']);
    const veths = new Set(['vethd64d1cf']);
    expect(['lo', 'docker0', 'vethd64d1cf', 'dummy0', 'veth0000000'].map((n) => interfaceKind(n, bridges, veths)))
      .toEqual(['loopback', 'bridge', 'veth', 'other', 'other']);
  });
});
