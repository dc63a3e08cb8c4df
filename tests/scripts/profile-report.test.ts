// Protects the guest profile's arithmetic: samples parsed, counted by process and mode, kernel addresses named.
import { describe, expect, it } from 'vitest';
import { byProcessAndMode, parseSamples, parseSystemMap, symbolAt, tally } from '../../scripts/lib/profile-report';

describe('guest profile report', () => {
  const samples = parseSamples('30 8125010\n30 c1010020\n77 c1010030\n77 8048000\nnoise\n0 c1020000\n');

  it('counts samples by process (named pids) and by mode, largest first', () => {
    const many = parseSamples('30 8125010\n30 8125020\n30 8125030\n30 c1010020\n30 c1010024\n77 c1010030\n');
    expect(byProcessAndMode(many, new Map([[30, 'daemon']]))).toEqual([
      { what: 'daemon user', samples: 3, share: 0.5 },
      { what: 'daemon kernel', samples: 2, share: 2 / 6 },
      { what: 'other processes kernel', samples: 1, share: 1 / 6 },
    ]);
    expect(samples).toHaveLength(5); // the line that is not a sample is skipped
  });

  it('names kernel addresses by the function they fall in', () => {
    const map = parseSystemMap('c1000000 T _text\nc1010000 T do_fork\nc1010028 t copy_mm\nc1015000 D some_data\nc1020000 T default_idle\n');
    expect(symbolAt(map, 0xc1010020)).toBe('do_fork');
    expect(symbolAt(map, 0xc1010030)).toBe('copy_mm');
    expect(symbolAt(map, 0xc0000010)).toBe('0xc0000010');
    const kernel = tally(samples, (s) => (s.ip >= 0xc0000000 ? symbolAt(map, s.ip) : null));
    expect(kernel.map((r) => r.what)).toEqual(['do_fork', 'copy_mm', 'default_idle']);
  });
});
