import { describe, expect, it } from 'vitest';
import { parseLauncherReport } from './launcher-report';

describe('parseLauncherReport', () => {
  it('reads the pid and the steps, keeping a partial line for later', () => {
    const r = parseLauncherReport('pid 412\nstep 1234.500 2.250 unshare CLONE_NEWNS CLONE_NEWPID\nstep 1237.000 0.100 mount proc on /proc\nstep 12');
    expect(r.pid).toBe(412);
    expect(r.steps).toEqual([
      { start: 1234.5, ms: 2.25, op: 'unshare', detail: 'CLONE_NEWNS CLONE_NEWPID', by: 'launcher' },
      { start: 1237, ms: 0.1, op: 'mount', detail: 'proc on /proc', by: 'launcher' },
    ]);
    expect(r.rest).toBe('step 12');
    expect(r.other).toBe('');
  });

  it('keeps anything else (a set-up error) as text', () => {
    const r = parseLauncherReport('docker: Error response from daemon: mount proc on /proc: Permission denied\n');
    expect(r.pid).toBeUndefined();
    expect(r.other).toBe('docker: Error response from daemon: mount proc on /proc: Permission denied\n');
  });
});
