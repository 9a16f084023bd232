// What is selected in a result grid: a rectangle of cells between an anchor (where the
// selection started) and a focus (where it ends, and where the keyboard moves), or whole
// rows, whole columns, or everything. Coordinates are row indices of the result and
// column positions in the grid's display order (after hiding and reordering), so a
// selection never depends on which pages are loaded.

export interface GridCell {
  row: number;
  col: number;
}

export type SelectionKind = 'cells' | 'rows' | 'columns' | 'all';

export interface GridSelection {
  kind: SelectionKind;
  anchor: GridCell;
  focus: GridCell;
}

/** Inclusive bounds of a selection on a grid of `rows` × `cols`. */
export interface SelectionBounds {
  rowFrom: number;
  rowTo: number;
  colFrom: number;
  colTo: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

export const selectCell = (cell: GridCell): GridSelection => ({ kind: 'cells', anchor: cell, focus: cell });

/** A click on a cell: Shift extends from the current anchor, otherwise a new one-cell selection. */
export function clickCell(current: GridSelection | null, cell: GridCell, extend: boolean): GridSelection {
  if (!extend || !current) return selectCell(cell);
  return { kind: 'cells', anchor: current.kind === 'all' ? { row: 0, col: 0 } : current.anchor, focus: cell };
}

/** A click on a row's number: the whole row; Shift extends to the rows between. */
export function clickRowHeader(current: GridSelection | null, row: number, extend: boolean): GridSelection {
  const anchor = extend && current?.kind === 'rows' ? current.anchor : { row, col: 0 };
  return { kind: 'rows', anchor, focus: { row, col: current?.focus.col ?? 0 } };
}

/** A click on a column's header: the whole column; Shift extends to the columns between. */
export function clickColumnHeader(current: GridSelection | null, col: number, extend: boolean): GridSelection {
  const anchor = extend && current?.kind === 'columns' ? current.anchor : { row: 0, col };
  return { kind: 'columns', anchor, focus: { row: current?.focus.row ?? 0, col } };
}

export const selectAll = (current: GridSelection | null): GridSelection => ({
  kind: 'all',
  anchor: { row: 0, col: 0 },
  focus: current?.focus ?? { row: 0, col: 0 },
});

/**
 * The keyboard moved the focus to `to`: plain keys start a new one-cell selection there;
 * Shift keeps the anchor and extends (a row or column selection stays one).
 */
export function moveFocus(current: GridSelection | null, to: GridCell, extend: boolean): GridSelection {
  if (!extend || !current) return selectCell(to);
  const kind = current.kind === 'all' ? 'cells' : current.kind;
  return { kind, anchor: current.kind === 'all' ? { row: 0, col: 0 } : current.anchor, focus: to };
}

export function selectionBounds(sel: GridSelection, rows: number, cols: number): SelectionBounds | null {
  if (rows <= 0 || cols <= 0) return null;
  const r0 = clamp(Math.min(sel.anchor.row, sel.focus.row), 0, rows - 1);
  const r1 = clamp(Math.max(sel.anchor.row, sel.focus.row), 0, rows - 1);
  const c0 = clamp(Math.min(sel.anchor.col, sel.focus.col), 0, cols - 1);
  const c1 = clamp(Math.max(sel.anchor.col, sel.focus.col), 0, cols - 1);
  switch (sel.kind) {
    case 'all':
      return { rowFrom: 0, rowTo: rows - 1, colFrom: 0, colTo: cols - 1 };
    case 'rows':
      return { rowFrom: r0, rowTo: r1, colFrom: 0, colTo: cols - 1 };
    case 'columns':
      return { rowFrom: 0, rowTo: rows - 1, colFrom: c0, colTo: c1 };
    default:
      return { rowFrom: r0, rowTo: r1, colFrom: c0, colTo: c1 };
  }
}

export const isInBounds = (b: SelectionBounds | null, row: number, col: number) =>
  b !== null && row >= b.rowFrom && row <= b.rowTo && col >= b.colFrom && col <= b.colTo;

export const boundsRowCount = (b: SelectionBounds) => b.rowTo - b.rowFrom + 1;
export const boundsColCount = (b: SelectionBounds) => b.colTo - b.colFrom + 1;

/** Whether a copy of this selection should start with the column names (whole columns, rows or everything). */
export const copiesHeader = (sel: GridSelection) => sel.kind !== 'cells';
