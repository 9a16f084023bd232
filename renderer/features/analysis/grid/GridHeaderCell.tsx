// One column's header: its name and type (a click selects the column, Shift-click
// extends), the sort button, the filter button and a resize handle that the mouse can
// drag and the keyboard can move (Left/Right, Shift for bigger steps, Home to reset).
import type { KeyboardEvent, PointerEvent } from 'react';
import type { WireColumn } from '../../../../shared/wire.js';
import { isNumericType } from '../../../../shared/wire.js';
import styles from '../components/ResultGrid.module.css';

interface GridHeaderCellProps {
  column: WireColumn;
  /** The column's position in the display (aria-colindex is this + 2). */
  position: number;
  left: number;
  width: number;
  sort: { index: number; direction: 'asc' | 'desc'; of: number } | null;
  selected: boolean;
  filterOpen: boolean;
  onSelectColumn: (extend: boolean) => void;
  onSort: (additive: boolean) => void;
  onToggleFilter: () => void;
  onResize: (width: number) => void;
  onResetWidth: () => void;
}

const STEP = 10;
const BIG_STEP = 50;

export function GridHeaderCell({
  column,
  position,
  left,
  width,
  sort,
  selected,
  filterOpen,
  onSelectColumn,
  onSort,
  onToggleFilter,
  onResize,
  onResetWidth,
}: GridHeaderCellProps) {
  const startResize = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => onResize(width + ev.clientX - startX);
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const keyResize = (e: KeyboardEvent<HTMLSpanElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    if (e.key === 'ArrowRight') onResize(width + step);
    else if (e.key === 'ArrowLeft') onResize(width - step);
    else if (e.key === 'Home') onResetWidth();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const sortLabel = sort ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <div
      role="columnheader"
      aria-colindex={position + 2}
      aria-sort={sortLabel}
      aria-selected={selected}
      className={`${styles.headerCell} ${isNumericType(column.type) ? styles.numericHeader : ''} ${selected ? styles.headerSelected : ''}`}
      style={{ left, width }}
      data-col={position}
    >
      <button
        type="button"
        className={styles.selectButton}
        onClick={(e) => onSelectColumn(e.shiftKey)}
        title={`Select column ${column.name} (Shift-click to extend)`}
        data-testid={`column-${column.name}`}
      >
        <span className={styles.colName}>{column.name}</span>
        <span className={styles.colType} title={column.type.sql}>
          {column.type.sql}
        </span>
      </button>
      <button
        type="button"
        className={`${styles.iconButton} ${sort ? styles.sortActive : ''}`}
        onClick={(e) => onSort(e.shiftKey)}
        title={`Sort by ${column.name} (Shift-click to add to the sort)`}
        aria-label={`Sort by ${column.name}${sort ? `, now ${sortLabel}` : ''}`}
        data-testid={`sort-${column.name}`}
      >
        <span aria-hidden="true">
          {sort ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
          {sort && sort.of > 1 && <sub>{sort.index + 1}</sub>}
        </span>
      </button>
      <button
        type="button"
        className={styles.filterButton}
        onClick={onToggleFilter}
        aria-label={`Filter ${column.name}`}
        aria-expanded={filterOpen}
        data-testid={`filter-${column.name}`}
      >
        <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M3 5h18l-7 8v6l-4 2v-8z" />
        </svg>
      </button>
      <span
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize column ${column.name}`}
        aria-valuenow={Math.round(width)}
        aria-valuemin={48}
        tabIndex={0}
        className={styles.resizer}
        onPointerDown={startResize}
        onKeyDown={keyResize}
        onDoubleClick={onResetWidth}
        title="Drag, or focus and press ← → (Shift: bigger steps, Home: reset)"
        data-testid={`resize-${column.name}`}
      />
    </div>
  );
}
