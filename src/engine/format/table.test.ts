// Tables align like Go's tabwriter with Docker's settings (minwidth 10, padding 3).
import { describe, expect, it } from 'vitest';
import { table, tabwrite } from './table';

describe('table', () => {
  it('prints the empty docker ps header', () => {
    expect(table(['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], [])).toEqual([
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES',
    ]);
  });

  it('sizes each column to its widest cell plus 3, at least 10, and leaves the last unpadded', () => {
    expect(table(
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      [
        ['4bed76d3ad42', 'nginx:alpine', '"/docker-entrypoint.…"', '1 second ago', 'Up Less than a second', '', 'test'],
        ['b0318bca5aef', 'busybox:latest', '"sh"', '4 seconds ago', 'Exited (0) 3 seconds ago', '', 'ecstatic_beaver'],
        ['c0318bca5aef', '3fbc63216742', '"echo 12345678901234…"', '2 hours ago', 'Created', '', 'x'],
      ],
    )).toEqual([
      'CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS                     PORTS     NAMES',
      '4bed76d3ad42   nginx:alpine     "/docker-entrypoint.…"   1 second ago    Up Less than a second                test',
      'b0318bca5aef   busybox:latest   "sh"                     4 seconds ago   Exited (0) 3 seconds ago             ecstatic_beaver',
      'c0318bca5aef   3fbc63216742     "echo 12345678901234…"   2 hours ago     Created                              x',
    ]);
  });

  it('takes options', () => {
    expect(table(['A', 'B'], [['xx', 'y']], { minWidth: 0, padding: 1 })).toEqual(['A  B', 'xx y']);
  });
});

describe('tabwrite', () => {
  it('passes lines without tabs through', () => {
    expect(tabwrite(['plain', '', 'text'])).toEqual(['plain', '', 'text']);
  });

  it('aligns a column only across the consecutive lines that have it', () => {
    expect(tabwrite(['a\tb', 'no tabs here', 'ccccccccccccc\td'])).toEqual([
      'a         b',
      'no tabs here',
      'ccccccccccccc   d',
    ]);
  });

  it('handles lines with more cells inside a block', () => {
    expect(tabwrite(['a\tb', 'a\tb\tc', 'aaaaaaaaaaaa\tb'])).toEqual([
      'a              b',
      'a              b         c',
      'aaaaaaaaaaaa   b',
    ]);
  });

  it('pads an empty cell and a cell that ends the line with a tab', () => {
    expect(tabwrite(['\tx', 'y\t'])).toEqual(['          x', 'y         ']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(tabwrite(['🐳🐳\tx', 'ab\ty'])).toEqual(['🐳🐳        x', 'ab        y']);
  });
});
