import { describe, expect, it } from 'vitest';
import { parseRestartPolicy, parseSignal } from './signals';

describe('parseSignal', () => {
  it.each([['KILL', 9], ['SIGKILL', 9], ['term', 15], ['9', 9], ['USR1', 10], ['SIGHUP', 1]])('%s → %i', (text, n) => {
    expect(parseSignal(text)).toBe(n);
  });
  it.each(['FOO', '0', '65', 'SIG', ''])('refuses %j', (text) => {
    expect(parseSignal(text)).toBeNull();
  });
});

describe('parseRestartPolicy', () => {
  it('reads Docker\'s policies', () => {
    expect(parseRestartPolicy('no')).toEqual({ Name: 'no', MaximumRetryCount: 0 });
    expect(parseRestartPolicy('')).toEqual({ Name: 'no', MaximumRetryCount: 0 });
    expect(parseRestartPolicy('always')).toEqual({ Name: 'always', MaximumRetryCount: 0 });
    expect(parseRestartPolicy('unless-stopped')).toEqual({ Name: 'unless-stopped', MaximumRetryCount: 0 });
    expect(parseRestartPolicy('on-failure')).toEqual({ Name: 'on-failure', MaximumRetryCount: 0 });
    expect(parseRestartPolicy('on-failure:3')).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 });
  });
  it.each(['sometimes', 'always:2', 'on-failure:x', 'on-failure:1:2'])('refuses %j', (text) => {
    expect(parseRestartPolicy(text)).toHaveProperty('error');
  });
});
