import { describe, expect, it } from 'vitest';
import { parseTail, renderRecords, splitRecords, tailRecords } from './logs';

const T = '2026-11-29T02:46:39.123456789Z';

describe('container logs', () => {
  it('keeps stdout and stderr apart, in order, and pieces without a newline', () => {
    const { lines, rest } = splitRecords(`o ${T} out\no ${T} two\ne ${T} err\nO ${T} prompt> \no ${T} x\ne ${T} par`);
    expect(rest).toBe(`e ${T} par`);
    expect(renderRecords(lines, false)).toEqual([
      { stream: 'stdout', text: 'out\ntwo\n' },
      { stream: 'stderr', text: 'err\n' },
      { stream: 'stdout', text: 'prompt> x\n' },
    ]);
  });

  it('shows timestamps with -t', () => {
    expect(renderRecords([`e ${T} boom`], true)).toEqual([{ stream: 'stderr', text: `${T} boom\n` }]);
  });

  it('--tail counts records across both streams', () => {
    expect(parseTail('all')).toBe(-1);
    expect(parseTail('2')).toBe(2);
    expect(parseTail('x')).toBeNull();
    expect(tailRecords(['a', 'b', 'c'], 2)).toEqual(['b', 'c']);
    expect(tailRecords(['a', 'b'], 0)).toEqual([]);
    expect(tailRecords(['a', 'b'], -1)).toEqual(['a', 'b']);
  });

  it('keeps empty lines', () => {
    expect(renderRecords([`o ${T} `, `o ${T} b`], false)).toEqual([{ stream: 'stdout', text: '\nb\n' }]);
  });
});
