import { describe, expect, it } from 'vitest';
import { lifecycleEvents } from './events';

const rec = (Status: string, ExitCode = 0) => ({ Id: 'abc', Name: '/web', State: { Status, ExitCode } });
const ops = (status: string, previous: string | undefined, removed = false) => lifecycleEvents(rec(status, 2), previous, removed, 1).map((e) => e.op);

describe('lifecycleEvents', () => {
  it('follows a container from create to remove', () => {
    expect(ops('created', undefined)).toEqual(['container.created']);
    expect(ops('running', 'created')).toEqual(['container.started']);
    expect(lifecycleEvents(rec('exited', 2), 'running', false, 1)).toEqual([{ op: 'container.exited', containerId: 'abc', name: 'web', exitCode: 2, time: 1 }]);
    expect(ops('exited', 'exited', true)).toEqual(['container.removed']);
  });
  it('a save without a new status makes no event; a restart by policy is an exit then a start', () => {
    expect(ops('running', 'running')).toEqual([]);
    expect(ops('restarting', 'running')).toEqual(['container.exited']);
    expect(ops('running', 'restarting')).toEqual(['container.started']);
    expect(ops('exited', 'restarting')).toEqual([]);
    expect(ops('exited', 'created')).toEqual([]);
  });
  it('a container saved running at once (foreground run) is created and started', () => {
    expect(ops('running', undefined)).toEqual(['container.created', 'container.started']);
  });
});
