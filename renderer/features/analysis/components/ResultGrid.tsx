// A virtualised grid over a kept result of any size: it draws only the rows and
// columns in view, asks for pages as they come into view, and maps its (capped)
// scrollbar onto every row — see grid-geometry.ts. Cells, rows and columns are
// selected with the mouse or the keyboard (see grid-selection.ts); the first columns
// may be frozen, and columns hidden, reordered and resized (useColumnLayout).
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import {
  clickCell,
  clickColumnHeader,
  clickRowHeader,
  isInBounds,
  moveFocus,
  selectAll,
  selectionBounds,
  type GridCell,
  type GridSelection,
} from '../../../../shared/analysis/grid-selection.js';
import type { NumberFormat } from '../../../../shared/analysis/number-format.js';
import type { QueryResultInfo, ResultFilter, ResultSort } from '../../../../shared/analysis/analytics.js';
import { isNumericType } from '../../../../shared/wire.js';
import { formatCount } from '../display-format.js';
import { GridHeaderCell } from '../grid/GridHeaderCell.js';
import type { ColumnLayout } from '../grid/useColumnLayout.js';
import type { RowPages } from '../hooks/useRowPages.js';
import { CellValue, isNestedType } from './CellValue.js';
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
  const widths = useMemo(() => display.map((j) => layout.widthOf(j) ?? baseWidths[j]!), [display, layout, baseWidths]);
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

  // Frozen columns are always drawn; the others only near the viewport.
  const scrollingCols: number[] = [];
  for (let k = frozen; k < colCount; k++) {
    if (lefts[k + 1]! >= scrollLeft + gutter + frozenWidth - OVERSCAN_COLS_PX && lefts[k]! <= scrollLeft + viewport.width + OVERSCAN_COLS_PX) {
      scrollingCols.push(k);
    }
  }
  const frozenCols = Array.from({ length: frozen }, (_, k) => k);

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

  const cellDown = (e: ReactPointerEvent, cell: GridCell) => {
    if (e.button !== 0) return;
    dragging.current = true;
    onSelection(clickCell(selection, cell, e.shiftKey));
  };
  const cellEnter = (cell: GridCell) => {
    if (dragging.current && selection) onSelection(clickCell(selection, cell, true));
  };

  const renderCell = (i: number, k: number, loaded: boolean, left: number) => {
    const j = display[k]!;
    const col = info.columns[j]!;
    const isFocus = focus?.row === i && focus.col === k;
    const inSelection = isInBounds(bounds, i, k);
    const classes = [
      styles.cell,
      isNumericType(col.type) && styles.numeric,
      wrap && !isNumericType(col.type) && styles.wrapped,
      inSelection && styles.inSelection,
      isFocus && styles.selected,
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
        onPointerDown={(e) => cellDown(e, { row: i, col: k })}
        onPointerEnter={() => cellEnter({ row: i, col: k })}
        onDoubleClick={() => onOpenCell({ row: i, col: j })}
      >
        {loaded ? (
          <CellValue type={col.type} cell={pages.cell(i, j) ?? null} timeZone={info.timeZone} numberFormat={numberFormat} />
        ) : (
          <span className={styles.placeholder} />
        )}
      </div>
    );
  };

  const rows = [];
  for (let i = firstRow; i <= lastRow && total > 0; i++) {
    const loaded = pages.has(i);
    const rowSelected = bounds !== null && i >= bounds.rowFrom && i <= bounds.rowTo;
    rows.push(
      <div
        key={i}
        role="row"
        aria-rowindex={i + 2}
        className={styles.row}
        style={{ transform: `translateY(${HEADER_HEIGHT + (i - top) * rowHeight}px)`, width: totalWidth, height: rowHeight }}
        data-row={i}
      >
        <div
          role="rowheader"
          className={`${styles.gutter} ${rowSelected ? styles.gutterActive : ''}`}
          style={{ width: gutter }}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            e.preventDefault();
            scrollerRef.current?.focus();
            onSelection(clickRowHeader(selection, i, e.shiftKey));
          }}
          title="Select row (Shift-click to extend)"
        >
          {formatCount(i + 1)}
        </div>
        {frozen > 0 && (
          <div className={styles.frozenPane} style={{ left: gutter, width: frozenWidth }}>
            {frozenCols.map((k) => renderCell(i, k, loaded, lefts[k]! - gutter))}
          </div>
        )}
        {scrollingCols.map((k) => renderCell(i, k, loaded, lefts[k]!))}
      </div>,
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
