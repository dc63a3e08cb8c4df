// Docker's table layout: the output of a `table …` template goes through Go's text/tabwriter
// with minwidth 10, padding 3 and spaces (docker/cli formatter.go). Cells are separated by
// tabs; a column is as wide as its widest cell plus 3, and at least 10; the last cell of a
// line is not padded, so lines have no trailing spaces. Widths count characters.

export interface TabOptions {
  minWidth?: number;
  padding?: number;
}

const width = (text: string) => Array.from(text).length;

/**
 * Aligns tab-separated lines the way tabwriter does, including its column blocks: a column
 * spans consecutive lines that have a cell in it, so a line with fewer cells ends a block.
 */
export function tabwrite(lines: readonly string[], options: TabOptions = {}): string[] {
  const minWidth = options.minWidth ?? 10;
  const padding = options.padding ?? 3;
  const cells = lines.map((line) => line.split('\t'));
  const widths: number[] = [];
  const out: string[] = new Array(lines.length);

  const emit = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      out[i] = cells[i].map((cell, j) => (j < widths.length ? cell + ' '.repeat(widths[j] - width(cell)) : cell)).join('');
    }
  };

  // tabwriter's format(): finds the blocks of column `widths.length` within [from, to)
  const format = (from: number, to: number) => {
    const column = widths.length;
    for (let i = from; i < to; i++) {
      if (column >= cells[i].length - 1) continue;
      emit(from, i);
      from = i;
      let w = minWidth;
      for (; i < to && column < cells[i].length - 1; i++) w = Math.max(w, width(cells[i][column]) + padding);
      widths.push(w);
      format(from, i);
      widths.pop();
      from = i;
      i--;
    }
    emit(from, to);
  };

  format(0, lines.length);
  return out;
}

/** A header and rows of cells, laid out as `docker ps` prints them. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], options?: TabOptions): string[] {
  return tabwrite([header, ...rows].map((cells) => cells.join('\t')), options);
}
