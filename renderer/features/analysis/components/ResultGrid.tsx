// A virtualised grid over a kept result of any size: it draws only the rows and
// columns in view, asks for pages as they come into view, and maps its (capped)
// scrollbar onto every row — see grid-geometry.ts.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { QueryResultInfo, ResultFilter, ResultSort } from '../../../../shared/analytics.js';
import { isNumericType } from '../../../../shared/wire.js';
import { formatCount } from '../display-format.js';
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
} from './grid-geometry.js';
import styles from './ResultGrid.module.css';

export interface CellPosition {
  row: number;
  col: number;
}

interface ResultGridProps {
  info: QueryResultInfo;
  pages: RowPages;
  sort: ResultSort[];
  busy: boolean;
  selected: CellPosition | null;
  onSelect: (cell: CellPosition) => void;
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
  selected,
  onSelect,
  onOpenCell,
  onSort,
  onFilter,
  onViewRows,
}: ResultGridProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ width: 800, height: 400 });
  const [topRow, setTopRow] = useState(0);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [widthOverrides, setWidthOverrides] = useState<Record<string, number>>({});
  const [filtering, setFiltering] = useState<number | null>(null);
  const lastScrollTop = useRef(0);
  const total = info.totalRows;
  const g = useMemo(() => geometry(total, viewport.height), [total, viewport.height]);
  const geometryRef = useRef(g);

  const baseWidths = useMemo(
    () => initialWidths(info.columns, info.firstPage, info.timeZone),
    [info.columns, info.firstPage, info.timeZone],
  );
  const widths = useMemo(
    () => info.columns.map((c, j) => widthOverrides[c.name] ?? baseWidths[j]!),
    [info.columns, widthOverrides, baseWidths],
  );
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
      const unit = e.deltaMode === 1 ? ROW_HEIGHT : e.deltaMode === 2 ? el.clientHeight : 1;
      if (e.deltaX) el.scrollLeft += e.deltaX * unit;
      if (e.deltaY) setTopRow((t) => clampTop(geo, t + (e.deltaY * unit) / ROW_HEIGHT));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
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

  const visibleCols: number[] = [];
  for (let j = 0; j < widths.length; j++) {
    if (lefts[j + 1]! >= scrollLeft + gutter - OVERSCAN_COLS_PX && lefts[j]! <= scrollLeft + viewport.width + OVERSCAN_COLS_PX) {
      visibleCols.push(j);
    }
  }

  const select = (cell: CellPosition) => {
    const row = Math.min(Math.max(0, cell.row), total - 1);
    const col = Math.min(Math.max(0, cell.col), info.columns.length - 1);
    onSelect({ row, col });
    setTopRow((t) => revealRow(g, clampTop(g, t), row));
    const el = scrollerRef.current;
    if (el) {
      const left = lefts[col]! - gutter;
      const right = lefts[col + 1]!;
      if (left < el.scrollLeft) el.scrollLeft = left;
      else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || total === 0) return;
    const at = selected ?? { row: firstRow, col: 0 };
    const page = Math.max(1, Math.floor(g.bodyRows) - 1);
    const mod = e.ctrlKey || e.metaKey;
    const moves: Record<string, () => CellPosition> = {
      ArrowDown: () => ({ ...at, row: mod ? total - 1 : at.row + 1 }),
      ArrowUp: () => ({ ...at, row: mod ? 0 : at.row - 1 }),
      ArrowRight: () => ({ ...at, col: at.col + 1 }),
      ArrowLeft: () => ({ ...at, col: at.col - 1 }),
      PageDown: () => ({ ...at, row: at.row + page }),
      PageUp: () => ({ ...at, row: at.row - page }),
      Home: () => (mod ? { row: 0, col: at.col } : { ...at, col: 0 }),
      End: () => (mod ? { row: total - 1, col: at.col } : { ...at, col: info.columns.length - 1 }),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      select(move());
    } else if (e.key === 'Enter' && selected) {
      e.preventDefault();
      onOpenCell(selected);
    }
  };

  const startResize = (e: PointerEvent<HTMLSpanElement>, j: number) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startW = widths[j]!;
    const name = info.columns[j]!.name;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) =>
      setWidthOverrides((o) => ({ ...o, [name]: Math.max(48, Math.round(startW + ev.clientX - startX)) }));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const rows = [];
  for (let i = firstRow; i <= lastRow && total > 0; i++) {
    const loaded = pages.has(i);
    rows.push(
      <div
        key={i}
        role="row"
        aria-rowindex={i + 2}
        className={styles.row}
        style={{ transform: `translateY(${HEADER_HEIGHT + (i - top) * ROW_HEIGHT}px)`, width: totalWidth }}
        data-row={i}
      >
        <div role="rowheader" className={`${styles.gutter} ${selected?.row === i ? styles.gutterActive : ''}`} style={{ width: gutter }}>
          {formatCount(i + 1)}
        </div>
        {visibleCols.map((j) => {
          const col = info.columns[j]!;
          const isSelected = selected?.row === i && selected.col === j;
          const classes = [
            styles.cell,
            isNumericType(col.type) && styles.numeric,
            isSelected && styles.selected,
            isNestedType(col.type) && styles.expandable,
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <div
              key={j}
              role="gridcell"
              aria-colindex={j + 2}
              aria-selected={isSelected}
              className={classes}
              style={{ left: lefts[j], width: widths[j] }}
              onClick={() => select({ row: i, col: j })}
              onDoubleClick={() => onOpenCell({ row: i, col: j })}
            >
              {loaded ? <CellValue type={col.type} cell={pages.cell(i, j) ?? null} timeZone={info.timeZone} /> : <span className={styles.placeholder} />}
            </div>
          );
        })}
      </div>,
    );
  }

  const sortOf = (name: string) => {
    const index = sort.findIndex((s) => s.column === name);
    return index < 0 ? null : { index, direction: sort[index]!.direction };
  };

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
        aria-rowcount={total + 1}
        aria-colcount={info.columns.length + 1}
        aria-busy={busy}
        data-testid="result-grid"
      >
        <div className={styles.spacer} style={{ height: g.scrollHeight, width: totalWidth }}>
          <div className={styles.layer} style={{ height: viewport.height, width: totalWidth }}>
            <div role="row" aria-rowindex={1} className={styles.header} style={{ width: totalWidth }}>
              <div role="columnheader" className={`${styles.gutter} ${styles.gutterHeader}`} style={{ width: gutter }}>
                #
              </div>
              {visibleCols.map((j) => {
                const col = info.columns[j]!;
                const s = sortOf(col.name);
                return (
                  <div
                    key={j}
                    role="columnheader"
                    aria-colindex={j + 2}
                    aria-sort={s ? (s.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                    className={`${styles.headerCell} ${isNumericType(col.type) ? styles.numericHeader : ''}`}
                    style={{ left: lefts[j], width: widths[j] }}
                  >
                    <button
                      type="button"
                      className={styles.sortButton}
                      onClick={(e) => onSort(col.name, e.shiftKey)}
                      title={`Sort by ${col.name} (Shift-click to add to the sort)`}
                      data-testid={`sort-${col.name}`}
                    >
                      <span className={styles.colName}>{col.name}</span>
                      <span className={styles.colType} title={col.type.sql}>
                        {col.type.sql}
                      </span>
                    </button>
                    {s && (
                      <span className={styles.sortMark} aria-hidden="true">
                        {s.direction === 'asc' ? '▲' : '▼'}
                        {sort.length > 1 && <sub>{s.index + 1}</sub>}
                      </span>
                    )}
                    <button
                      type="button"
                      className={styles.filterButton}
                      onClick={() => setFiltering(filtering === j ? null : j)}
                      aria-label={`Filter ${col.name}`}
                      aria-expanded={filtering === j}
                      data-testid={`filter-${col.name}`}
                    >
                      <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
                        <path d="M3 5h18l-7 8v6l-4 2v-8z" />
                      </svg>
                    </button>
                    <span className={styles.resizer} onPointerDown={(e) => startResize(e, j)} aria-hidden="true" />
                  </div>
                );
              })}
            </div>
            {rows}
            {total === 0 && (
              <div className={styles.noRows} style={{ top: HEADER_HEIGHT }} data-testid="result-empty">
                {info.columns.length === 0 ? 'The statement ran; it returns no rows.' : 'No rows match.'}
              </div>
            )}
          </div>
        </div>
      </div>
      {filtering !== null && info.columns[filtering] && (
        <FilterPopover
          column={info.columns[filtering]}
          left={Math.max(8, Math.min(lefts[filtering]! - scrollLeft, viewport.width - 250))}
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
