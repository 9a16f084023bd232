// A virtualised grid over a kept result of any size: it draws only the rows and
// columns in view, asks for pages as they come into view, and maps its (capped)
// scrollbar onto every row — see grid-geometry.ts. Cells, rows and columns are
// selected with the mouse or the keyboard (see grid-selection.ts); the first columns
// may be frozen, and columns hidden, reordered and resized (useColumnLayout).
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  clickCell,
  clickColumnHeader,
  clickRowHeader,
  moveFocus,
  selectAll,
  selectionBounds,
  type GridCell,
  type GridSelection,
} from '../../../../shared/analysis/grid-selection.js';
import type { NumberFormat } from '../../../../shared/analysis/number-format.js';
import type { QueryResultInfo, ResultFilter, ResultSort } from '../../../../shared/analysis/analytics.js';
import { GridHeaderCell } from '../grid/GridHeaderCell.js';
import { GridRow, type DrawnColumns, type GridRowActions } from '../grid/GridRow.js';
import type { ColumnLayout } from '../grid/useColumnLayout.js';
import type { RowPages } from '../hooks/useRowPages.js';
import { gutterWidth, initialWidths } from './column-widths.js';
import { FilterPopover } from './FilterPopover.js';
import {
  clampTop,
  geometry,
  HEADER_HEIGHT,
  revealRow,
  ROW_HEIGHT,
  scrollFromTopRow,
  topRowFromScroll,
  WRAPPED_ROW_HEIGHT,
} from './grid-geometry.js';
import styles from './ResultGrid.module.css';

/** A cell by result row and data column (not display position). */
export interface CellPosition {
  row: number;
  col: number;
}

interface ResultGridProps {
  info: QueryResultInfo;
  pages: RowPages;
  sort: ResultSort[];
  busy: boolean;
  layout: ColumnLayout;
  numberFormat: NumberFormat;
  wrap: boolean;
  selection: GridSelection | null;
  onSelection: (selection: GridSelection) => void;
  /** Ctrl/Cmd+C: copy the selection. */
  onCopy: () => void;
  onOpenCell: (cell: CellPosition) => void;
  onSort: (column: string, additive: boolean) => void;
  onFilter: (filter: ResultFilter) => void;
  /** Reports the rows in view, for the status line. */
  onViewRows?: (first: number, last: number) => void;
}

const OVERSCAN_COLS_PX = 200;

export function ResultGrid({
  info,
  pages,
  sort,
  busy,
  layout,
  numberFormat,
  wrap,
  selection,
  onSelection,
  onCopy,
  onOpenCell,
  onSort,
  onFilter,
  onViewRows,
}: ResultGridProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ width: 800, height: 400 });
  const [topRow, setTopRow] = useState(0);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [filtering, setFiltering] = useState<number | null>(null);
  const dragging = useRef(false);
  const lastScrollTop = useRef(0);
  const total = info.totalRows;
  const rowHeight = wrap ? WRAPPED_ROW_HEIGHT : ROW_HEIGHT;
  const g = useMemo(() => geometry(total, viewport.height, rowHeight), [total, viewport.height, rowHeight]);
  const geometryRef = useRef(g);
  const { display, frozen } = layout;
  const colCount = display.length;

  const baseWidths = useMemo(
    () => initialWidths(info.columns, info.firstPage, info.timeZone),
    [info.columns, info.firstPage, info.timeZone],
  );
  const { widthOf } = layout;
  const widths = useMemo(() => display.map((j) => widthOf(j) ?? baseWidths[j]!), [display, widthOf, baseWidths]);
  const gutter = gutterWidth(total);
  const lefts = useMemo(() => {
    const out: number[] = [];
    let x = gutter;
    for (const w of widths) {
      out.push(x);
      x += w;
    }
    out.push(x);
    return out;
  }, [widths, gutter]);
  const totalWidth = lefts[lefts.length - 1]!;
  const frozenWidth = lefts[frozen]! - gutter;
  const bounds = selection ? selectionBounds(selection, total, colCount) : null;
  const focus = selection?.focus ?? null;

  useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const measure = () => setViewport({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keyboard and wheel move `topRow`; the scrollbar follows without echoing back.
  useLayoutEffect(() => {
    geometryRef.current = g;
    const el = scrollerRef.current;
    if (!el) return;
    const wanted = scrollFromTopRow(g, topRow);
    if (Math.abs(el.scrollTop - wanted) > 1) {
      el.scrollTop = wanted;
      lastScrollTop.current = el.scrollTop;
    }
  }, [g, topRow]);

  // When one scroll pixel spans many rows, a wheel notch would jump dozens of them;
  // move by the wheel's own distance in rows instead.
  useEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const geo = geometryRef.current;
      if (!geo.scaled || e.ctrlKey) return;
      e.preventDefault();
      const unit = e.deltaMode === 1 ? geo.rowHeight : e.deltaMode === 2 ? el.clientHeight : 1;
      if (e.deltaX) el.scrollLeft += e.deltaX * unit;
      if (e.deltaY) setTopRow((t) => clampTop(geo, t + (e.deltaY * unit) / geo.rowHeight));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  // A drag selection ends wherever the button is let go.
  useEffect(() => {
    const up = () => {
      dragging.current = false;
    };
    window.addEventListener('pointerup', up);
    return () => window.removeEventListener('pointerup', up);
  }, []);

  const onScroll = () => {
    const el = scrollerRef.current;
    if (!el) return;
    setScrollLeft(el.scrollLeft);
    if (Math.abs(el.scrollTop - lastScrollTop.current) < 1) return;
    lastScrollTop.current = el.scrollTop;
    setTopRow(topRowFromScroll(g, el.scrollTop));
  };

  const top = clampTop(g, topRow);
  const firstRow = Math.floor(top);
  const lastRow = Math.min(total - 1, Math.floor(top + g.bodyRows));
  const { ensure } = pages;

  useEffect(() => {
    if (total > 0) ensure(Math.max(0, firstRow - 20), lastRow + 20);
  }, [ensure, firstRow, lastRow, total, pages.version]);

  useEffect(() => {
    onViewRows?.(firstRow, lastRow);
  }, [onViewRows, firstRow, lastRow]);

  // Frozen columns are always drawn; the others only near the viewport: [colFrom, colTo).
  // The drawn set is a new object only when that range or the layout changes, so rows
  // (memoised) are not redrawn by a scroll that brings no new column into view.
  let colFrom = frozen;
  while (colFrom < colCount && lefts[colFrom + 1]! < scrollLeft + gutter + frozenWidth - OVERSCAN_COLS_PX) colFrom++;
  let colTo = colFrom;
  while (colTo < colCount && lefts[colTo]! <= scrollLeft + viewport.width + OVERSCAN_COLS_PX) colTo++;
  const drawn = useMemo<DrawnColumns>(
    () => ({
      columns: info.columns,
      display,
      widths,
      lefts,
      frozen: Array.from({ length: frozen }, (_, k) => k),
      scrolling: Array.from({ length: colTo - colFrom }, (_, n) => colFrom + n),
      gutter,
      frozenWidth,
      totalWidth,
    }),
    [info.columns, display, widths, lefts, frozen, colFrom, colTo, gutter, frozenWidth, totalWidth],
  );
  const scrollingCols = drawn.scrolling;
  const frozenCols = drawn.frozen;

  /** Brings a cell into view, scrolling as little as possible. */
  const reveal = (cell: GridCell) => {
    setTopRow((t) => revealRow(g, clampTop(g, t), cell.row));
    const el = scrollerRef.current;
    if (!el || cell.col < frozen) return;
    const left = lefts[cell.col]! - gutter - frozenWidth;
    const right = lefts[cell.col + 1]!;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
  };

  const clampCell = (cell: GridCell): GridCell => ({
    row: Math.min(Math.max(0, cell.row), total - 1),
    col: Math.min(Math.max(0, cell.col), colCount - 1),
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || total === 0 || colCount === 0) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (mod && key === 'c') {
      e.preventDefault();
      onCopy();
      return;
    }
    if (mod && key === 'a') {
      e.preventDefault();
      onSelection(selectAll(selection));
      return;
    }
    const at = focus ?? { row: firstRow, col: 0 };
    if (e.key === ' ' && (e.shiftKey || mod)) {
      e.preventDefault();
      onSelection(e.shiftKey ? clickRowHeader(selection, at.row, false) : clickColumnHeader(selection, at.col, false));
      return;
    }
    if (e.key === 'Escape' && selection) {
      e.preventDefault();
      onSelection(moveFocus(null, at, false));
      return;
    }
    const page = Math.max(1, Math.floor(g.bodyRows) - 1);
    const moves: Record<string, () => GridCell> = {
      ArrowDown: () => ({ ...at, row: mod ? total - 1 : at.row + 1 }),
      ArrowUp: () => ({ ...at, row: mod ? 0 : at.row - 1 }),
      ArrowRight: () => ({ ...at, col: mod ? colCount - 1 : at.col + 1 }),
      ArrowLeft: () => ({ ...at, col: mod ? 0 : at.col - 1 }),
      PageDown: () => ({ ...at, row: at.row + page }),
      PageUp: () => ({ ...at, row: at.row - page }),
      Home: () => (mod ? { row: 0, col: at.col } : { ...at, col: 0 }),
      End: () => (mod ? { row: total - 1, col: at.col } : { ...at, col: colCount - 1 }),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const to = clampCell(move());
      onSelection(moveFocus(selection, to, e.shiftKey));
      reveal(to);
    } else if (e.key === 'Enter' && focus) {
      e.preventDefault();
      onOpenCell({ row: focus.row, col: display[focus.col]! });
    }
  };

  // The rows' pointer handlers, one object for the grid's life: they read the latest
  // selection and callbacks from a ref, so they never make a memoised row redraw.
  const latest = useRef({ selection, onSelection, onOpenCell });
  useLayoutEffect(() => {
    latest.current = { selection, onSelection, onOpenCell };
  });
  const actions = useMemo<GridRowActions>(
    () => ({
      cellDown(e, cell) {
        if (e.button !== 0) return;
        dragging.current = true;
        const { selection: sel, onSelection: select } = latest.current;
        select(clickCell(sel, cell, e.shiftKey));
      },
      cellEnter(cell) {
        const { selection: sel, onSelection: select } = latest.current;
        if (dragging.current && sel) select(clickCell(sel, cell, true));
      },
      openCell: (row, col) => latest.current.onOpenCell({ row, col }),
      rowHeaderDown(e, row) {
        if (e.button !== 0) return;
        e.preventDefault();
        scrollerRef.current?.focus();
        const { selection: sel, onSelection: select } = latest.current;
        select(clickRowHeader(sel, row, e.shiftKey));
      },
    }),
    [],
  );

  // Rows are keyed by slot (row index modulo the rows that fit, plus two), not by index:
  // a page down hands each slot's DOM to the row that now takes its place, so a key press
  // updates text in place instead of tearing down and building hundreds of cells.
  const slots = Math.ceil(g.bodyRows) + 2;
  const rows = [];
  for (let i = firstRow; i <= lastRow && total > 0; i++) {
    const rowSelected = bounds !== null && i >= bounds.rowFrom && i <= bounds.rowTo;
    rows.push(
      <GridRow
        key={i % slots}
        row={i}
        y={HEADER_HEIGHT + (i - top) * rowHeight}
        height={rowHeight}
        drawn={drawn}
        loaded={pages.has(i)}
        cell={pages.cell}
        rowSelected={rowSelected}
        selFrom={rowSelected && bounds ? bounds.colFrom : 1}
        selTo={rowSelected && bounds ? bounds.colTo : 0}
        focusCol={focus?.row === i ? focus.col : -1}
        timeZone={info.timeZone}
        numberFormat={numberFormat}
        wrap={wrap}
        actions={actions}
      />,
    );
  }

  const sortOf = (name: string) => {
    const index = sort.findIndex((s) => s.column === name);
    return index < 0 ? null : { index, direction: sort[index]!.direction, of: sort.length };
  };
  const colSelected = (k: number) =>
    bounds !== null && (selection?.kind === 'columns' || selection?.kind === 'all') && k >= bounds.colFrom && k <= bounds.colTo;

  const renderHeader = (k: number, left: number) => {
    const j = display[k]!;
    const col = info.columns[j]!;
    return (
      <GridHeaderCell
        key={j}
        column={col}
        position={k}
        left={left}
        width={widths[k]!}
        sort={sortOf(col.name)}
        selected={colSelected(k)}
        filterOpen={filtering === j}
        onSelectColumn={(extend) => {
          onSelection(clickColumnHeader(selection, k, extend));
          scrollerRef.current?.focus();
        }}
        onSort={(additive) => onSort(col.name, additive)}
        onToggleFilter={() => setFiltering(filtering === j ? null : j)}
        onResize={(w) => layout.setWidth(j, w)}
        onResetWidth={() => layout.setWidth(j, baseWidths[j]!)}
      />
    );
  };

  const filterPos = filtering === null ? -1 : display.indexOf(filtering);
  const contentHeight = Math.min(viewport.height, HEADER_HEIGHT + total * rowHeight);
  const shownWidth = Math.max(0, Math.min(totalWidth - scrollLeft, viewport.width));

  return (
    <div className={styles.wrap}>
      <div
        ref={scrollerRef}
        className={styles.scroller}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        tabIndex={0}
        role="grid"
        aria-label="Query result"
        aria-multiselectable="true"
        aria-rowcount={total + 1}
        aria-colcount={colCount + 1}
        aria-busy={busy}
        data-testid="result-grid"
      >
        <div className={styles.spacer} style={{ height: g.scrollHeight, width: totalWidth }}>
          <div className={styles.layer} style={{ height: viewport.height, width: totalWidth }}>
            <div role="row" aria-rowindex={1} className={styles.header} style={{ width: totalWidth }}>
              <div
                role="columnheader"
                className={`${styles.gutter} ${styles.gutterHeader}`}
                style={{ width: gutter }}
                onPointerDown={(e) => {
                  if (e.button !== 0) return;
                  e.preventDefault();
                  scrollerRef.current?.focus();
                  onSelection(selectAll(selection));
                }}
                title="Select all (Ctrl+A)"
                data-testid="select-all"
              >
                #
              </div>
              {frozen > 0 && (
                <div className={styles.frozenPane} style={{ left: gutter, width: frozenWidth }}>
                  {frozenCols.map((k) => renderHeader(k, lefts[k]! - gutter))}
                </div>
              )}
              {scrollingCols.map((k) => renderHeader(k, lefts[k]!))}
            </div>
            {rows}
            {total === 0 && (
              <div className={styles.noRows} style={{ top: HEADER_HEIGHT }} data-testid="result-empty">
                {info.columns.length === 0 ? 'The statement ran; it returns no rows.' : 'No rows match.'}
              </div>
            )}
            {/* The keyboard-focus outline around the grid's content, not its empty area. */}
            <div
              className={styles.focusRing}
              style={{ left: scrollLeft, width: total === 0 ? viewport.width : shownWidth, height: total === 0 ? viewport.height : contentHeight }}
              aria-hidden="true"
            />
          </div>
        </div>
      </div>
      {filtering !== null && filterPos >= 0 && info.columns[filtering] && (
        <FilterPopover
          column={info.columns[filtering]}
          left={Math.max(8, Math.min(lefts[filterPos]! - (filterPos < frozen ? 0 : scrollLeft), viewport.width - 250))}
          onApply={(f) => {
            setFiltering(null);
            onFilter(f);
            scrollerRef.current?.focus();
          }}
          onClose={() => setFiltering(null)}
        />
      )}
      {pages.error && (
        <div className={styles.pageError} role="alert">
          Rows could not be loaded: {pages.error.message}
        </div>
      )}
    </div>
  );
}
