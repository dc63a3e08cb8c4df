import { describe, expect, it } from 'vitest';
import { cpuCount, diskUsageRows, infoText, memTotal, prettyName } from './system';

describe('docker system df', () => {
  it('counts shared layers once and reclaims what no container uses', () => {
    const sizes: Record<string, number> = { base: 2_000_000, mine: 1000, lua: 4_000_000 };
    const rows = diskUsageRows(
      [{ layers: ['base'], containers: 1 }, { layers: ['base', 'mine'], containers: 0 }, { layers: ['lua'], containers: 0 }],
      (l) => sizes[l], [{ running: true, sizeRw: 100 }, { running: false, sizeRw: 300 }],
    );
    expect(rows[0]).toEqual({ Type: 'Images', TotalCount: '3', Active: '1', Size: '6.001MB', Reclaimable: '6.001MB (100%)' });
    expect(rows[1]).toEqual({ Type: 'Containers', TotalCount: '2', Active: '1', Size: '400B', Reclaimable: '300B (75%)' });
    expect(rows.slice(2).map((r) => r.Reclaimable)).toEqual(['0B', '0B']);
    const only = diskUsageRows([{ layers: ['lua'], containers: 2 }], (l) => sizes[l], []);
    expect(only[0].Reclaimable).toBe('0B (0%)');
    expect(only[1]).toMatchObject({ TotalCount: '0', Size: '0B', Reclaimable: '0B' });
  });
});

describe('docker info', () => {
  it('reads /proc and /etc words', () => {
    expect(memTotal('MemTotal:         254012 kB\nMemFree: 1 kB\n')).toBe(254012 * 1024);
    expect(cpuCount('processor\t: 0\nmodel name\t: x\n\nprocessor\t: 1\n')).toBe(2);
    expect(prettyName('NAME=x\nPRETTY_NAME="Dockhand Linux"\n')).toBe('Dockhand Linux');
  });

  it('prints the server part with the counts', () => {
    const text = infoText({
      ID: 'x', Containers: 3, ContainersRunning: 1, ContainersPaused: 0, ContainersStopped: 2, Images: 4, Driver: 'overlay2',
      DockerRootDir: '/var/lib/dockhand', CgroupDriver: 'cgroupfs', CgroupVersion: '2', KernelVersion: '6.12.0', OperatingSystem: 'L',
      OSType: 'linux', Architecture: 'i686', NCPU: 1, MemTotal: 256 * 1024 * 1024, Name: 'h', ServerVersion: '0.1.0', Debug: false,
    }, '0.1.0');
    expect(text).toContain('\n Containers: 3\n  Running: 1\n  Paused: 0\n  Stopped: 2\n Images: 4\n');
    expect(text).toContain(' Total Memory: 256MiB\n');
    expect(text).toContain(' Cgroup Version: 2\n');
  });
});
