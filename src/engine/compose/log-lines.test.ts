import { describe, expect, it } from 'vitest';
import { logPrefix, mergeLogs, prefixWidth } from './log-lines';

const at = (s: number) => `2026-01-02T03:04:0${s}.000000000Z`;

describe('compose logs lines', () => {
  it("pads the prefix like compose: the longest name plus one, then ' | '", () => {
    const width = prefixWidth(['store-1', 'web-1']);
    expect(logPrefix('store-1', width)).toBe('store-1  | ');
    expect(logPrefix('web-1', width)).toBe('web-1    | ');
    expect(logPrefix('web-1', prefixWidth(['web-1']))).toBe('web-1  | ');
  });

  it('merges several containers in time order, each line with its prefix and stream', () => {
    const lines = mergeLogs([
      { prefix: 'a | ', records: [`o ${at(1)} one`, `e ${at(3)} three`] },
      { prefix: 'b | ', records: [`o ${at(2)} two`, `O ${at(4)} no newline`, 'garbage'] },
    ], false);
    expect(lines).toEqual([
      { stream: 'stdout', text: 'a | one\n' },
      { stream: 'stdout', text: 'b | two\n' },
      { stream: 'stderr', text: 'a | three\n' },
      { stream: 'stdout', text: 'b | no newline\n' },
    ]);
  });

  it('-t puts the timestamp after the prefix; records of one instant keep their order', () => {
    const lines = mergeLogs([{ prefix: 'a | ', records: [`o ${at(1)} x`, `o ${at(1)} y`] }], true);
    expect(lines.map((l) => l.text)).toEqual([`a | ${at(1)} x\n`, `a | ${at(1)} y\n`]);
  });
});
