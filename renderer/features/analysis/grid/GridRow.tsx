// One row of the result grid. Memoised on plain values, so a key press that moves the
// focus re-renders the two rows it touches, and a page that arrives re-renders only the
// rows it fills; the grid keys rows by a recycled slot (see ResultGrid), so a row that
// scrolls out comes back as the row that scrolls in and React updates its text instead
// of building its cells anew.
import { memo, type PointerEvent as ReactPointerEvent } from 'react';
import type { GridCell } from '../../../../shared/analysis/grid-selection.js';
import type { NumberFormat } from '../../../../shared/analysis/number-format.js';
import { isNumericType, type WireCell, type WireColumn } from '../../../../shared/wire.js';
import { formatCount } from '../display-format.js';
import { CellValue, isNestedType } from '../components/CellValue.js';
import styles from '../components/ResultGrid.module.css';

/** The columns the grid draws and where: new only when the layout or the drawn range changes. */
export interface DrawnColumns {
  /** The result's columns, by data index. */
  columns: WireColumn[];
  /** Data column index of each display position. */
  display: number[];
  /** Width of each display position. */
  widths: number[];
  /** Left edge of each display position in the row (the gutter included); one more entry for the right edge. */
  lefts: number[];
  /** Display positions of the frozen columns (always drawn). */
  frozen: number[];
  /** Display positions of the scrolling columns near the viewport. */
  scrolling: number[];
  gutter: number;
  frozenWidth: number;
  totalWidth: number;
}

/** What a row does with the pointer; one object for the grid's life (it reads the latest state itself). */
export interface GridRowActions {
  cellDown: (e: ReactPointerEvent, cell: GridCell) => void;
  cellEnter: (cell: GridCell) => void;
  /** Opens a cell by result row and data column. */
  openCell: (row: number, dataCol: number) => void;
  rowHeaderDown: (e: ReactPointerEvent, row: number) => void;
}

interface GridRowProps {
  row: number;
  /** Offset from the top of the layer, in px. */
  y: number;
  height: number;
  drawn: DrawnColumns;
  loaded: boolean;
  /** Cell of this row by data column (read only when `loaded`). */
  cell: (row: number, dataCol: number) => WireCell | undefined;
  /** The row lies in the selection's rows (its number is highlighted). */
  rowSelected: boolean;
  /** Display positions selected in this row, inclusive; selFrom > selTo when none. */
  selFrom: number;
  selTo: number;
  /** Display position of the focused cell when it is in this row, else -1. */
  focusCol: number;
  timeZone: string;
  numberFormat: NumberFormat;
  wrap: boolean;
  actions: GridRowActions;
}

export const GridRow = memo(function GridRow({
  row,
  y,
  height,
  drawn,
  loaded,
  cell,
  rowSelected,
  selFrom,
  selTo,
  focusCol,
  timeZone,
  numberFormat,
  wrap,
  actions,
}: GridRowProps) {
  const { columns, display, widths, lefts, gutter, frozenWidth, totalWidth } = drawn;
  const renderCell = (k: number, left: number) => {
    const j = display[k]!;
    const col = columns[j]!;
    const numeric = isNumericType(col.type);
    const inSelection = k >= selFrom && k <= selTo;
    const classes = [
      styles.cell,
      numeric && styles.numeric,
      wrap && !numeric && styles.wrapped,
      inSelection && styles.inSelection,
      k === focusCol && styles.selected,
      isNestedType(col.type) && styles.expandable,
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <div
        key={j}
        role="gridcell"
        aria-colindex={k + 2}
        aria-selected={inSelection}
        className={classes}
        style={{ left, width: widths[k] }}
        onPointerDown={(e) => actions.cellDown(e, { row, col: k })}
        onPointerEnter={() => actions.cellEnter({ row, col: k })}
        onDoubleClick={() => actions.openCell(row, j)}
      >
        {loaded ? (
          <CellValue type={col.type} cell={cell(row, j) ?? null} timeZone={timeZone} numberFormat={numberFormat} />
        ) : (
          <span className={styles.placeholder} />
        )}
      </div>
    );
  };

  return (
    <div
      role="row"
      aria-rowindex={row + 2}
      className={styles.row}
      style={{ transform: `translateY(${y}px)`, width: totalWidth, height }}
      data-row={row}
    >
      <div
        role="rowheader"
        className={`${styles.gutter} ${rowSelected ? styles.gutterActive : ''}`}
        style={{ width: gutter }}
        onPointerDown={(e) => actions.rowHeaderDown(e, row)}
        title="Select row (Shift-click to extend)"
      >
        {formatCount(row + 1)}
      </div>
      {drawn.frozen.length > 0 && (
        <div className={styles.frozenPane} style={{ left: gutter, width: frozenWidth }}>
          {drawn.frozen.map((k) => renderCell(k, lefts[k]! - gutter))}
        </div>
      )}
      {drawn.scrolling.map((k) => renderCell(k, lefts[k]!))}
    </div>
  );
});
