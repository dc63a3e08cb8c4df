import { describe, expect, it } from 'vitest';
import { decodeXray } from '../../protocol/engine';
import { parseLauncherReport } from './launcher-report';

describe('parseLauncherReport', () => {
  it('reads the pid and passes the steps on as x-ray lines, keeping a partial line for later', () => {
    const r = parseLauncherReport('pid 412\nstep 1234.500 2.250 unshare CLONE_NEWNS CLONE_NEWPID\nstep 1237.000 0.100 mount proc on /proc\nstep 12');
    expect(r.pid).toBe(412);
    expect(r.steps).toEqual(['l 1234.500 2.250 unshare CLONE_NEWNS CLONE_NEWPID', 'l 1237.000 0.100 mount proc on /proc']);
    expect(r.rest).toBe('step 12');
    expect(r.other).toBe('');
    // the host reads them back as the launcher's steps
    const xray = decodeXray({ op: 'xray', command: 'docker run x', ms: 5, started: 1234, dropped: 0, lines: r.steps.join('\n') });
    expect(xray.steps).toEqual([
      { op: 'unshare', detail: 'CLONE_NEWNS CLONE_NEWPID', ms: 2.25, by: 'launcher', at: 0.5 },
      { op: 'mount', detail: 'proc on /proc', ms: 0.1, by: 'launcher', at: 3 },
    ]);
  });

  it('keeps anything else (a set-up error) as text', () => {
    const r = parseLauncherReport('docker: Error response from daemon: mount proc on /proc: Permission denied\n');
    expect(r.pid).toBeUndefined();
    expect(r.steps).toEqual([]);
    expect(r.other).toBe('docker: Error response from daemon: mount proc on /proc: Permission denied\n');
  });
});
