// Which columns the grid shows, in what order, how many stay frozen on the left, and
// their widths. Kept per result: a new query starts from the result's own columns.
import { useCallback, useMemo, useState } from 'react';
import type { WireColumn } from '../../../../shared/wire.js';

export interface ColumnLayout {
  /** Data column indices in display order, hidden ones left out. */
  display: number[];
  /** Every data column index in display order, hidden ones included. */
  order: number[];
  hidden: ReadonlySet<number>;
  /** How many of the first displayed columns stay in view when scrolling right. */
  frozen: number;
  widthOf: (dataCol: number) => number | undefined;
  setWidth: (dataCol: number, width: number) => void;
  toggleHidden: (dataCol: number) => void;
  showAll: () => void;
  /** Moves a column `by` places in the order (negative: left). */
  move: (dataCol: number, by: number) => void;
  setFrozen: (count: number) => void;
}

export const MIN_COLUMN_WIDTH = 48;

const signature = (columns: WireColumn[]) => JSON.stringify(columns.map((c) => [c.name, c.type.sql]));

export function useColumnLayout(columns: WireColumn[]): ColumnLayout {
  const [order, setOrder] = useState(() => columns.map((_, j) => j));
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  const [frozen, setFrozenState] = useState(0);
  const [widths, setWidths] = useState<Record<number, number>>({});
  // A sorted or filtered result has the same columns and keeps the layout; a result
  // with other columns starts afresh (React's way to reset state when a prop changes).
  const [forColumns, setForColumns] = useState(() => signature(columns));
  const current = signature(columns);
  if (current !== forColumns) {
    setForColumns(current);
    setOrder(columns.map((_, j) => j));
    setHidden(new Set());
    setFrozenState(0);
    setWidths({});
  }

  const display = useMemo(() => order.filter((j) => !hidden.has(j) && j < columns.length), [order, hidden, columns.length]);
  const widthOf = useCallback((j: number) => widths[j], [widths]);
  const setWidth = useCallback(
    (j: number, width: number) => setWidths((w) => ({ ...w, [j]: Math.max(MIN_COLUMN_WIDTH, Math.round(width)) })),
    [],
  );
  const toggleHidden = useCallback(
    (j: number) =>
      setHidden((h) => {
        const next = new Set(h);
        if (next.has(j)) next.delete(j);
        // The last shown column stays: a grid of no columns would read as no result.
        else if (columns.length - next.size > 1) next.add(j);
        return next;
      }),
    [columns.length],
  );
  const showAll = useCallback(() => setHidden(new Set()), []);
  const move = useCallback(
    (j: number, by: number) =>
      setOrder((o) => {
        const at = o.indexOf(j);
        const to = Math.min(o.length - 1, Math.max(0, at + by));
        if (at < 0 || to === at) return o;
        const next = o.slice();
        next.splice(at, 1);
        next.splice(to, 0, j);
        return next;
      }),
    [],
  );
  const setFrozen = useCallback((count: number) => setFrozenState(Math.max(0, Math.floor(count))), []);

  return { display, order, hidden, frozen: Math.min(frozen, display.length), widthOf, setWidth, toggleHidden, showAll, move, setFrozen };
}
