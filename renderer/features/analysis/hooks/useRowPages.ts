// Rows of a kept result, fetched a page at a time as the grid needs them and held in a
// small cache (least recently used pages leave first), so scrolling through ten million
// rows costs memory for a few thousand.
import { useCallback, useMemo, useState } from 'react';
import { RESULT_PAGE_ROWS, type QueryResultInfo } from '../../../../shared/analysis/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import { slicePage, type WireCell, type WirePage } from '../../../../shared/wire.js';
import { callAnalytics } from '../analytics-api.js';

export const PAGE_ROWS = RESULT_PAGE_ROWS;
/**
 * Cells one fetched page may hold. A page reaches the renderer in one message that the
 * main thread decodes in one task (in the Chromium harness some 100–130 ms of CPU for
 * 200 rows × 400 columns): a wide result is fetched in fewer rows at a time, so no page's
 * arrival blocks the window (issue 16 item 8). Up to 40 columns keep 200-row pages.
 */
const PAGE_CELLS = 8_000;
const MIN_PAGE_ROWS = 20;
/** Rows per fetched page for a result of `columns` columns. */
export const pageRowsFor = (columns: number) =>
  Math.max(MIN_PAGE_ROWS, Math.min(PAGE_ROWS, Math.floor(PAGE_CELLS / Math.max(1, columns))));
const MAX_PAGES = 60;
/** Requests in flight at once; a fast scroll asks again for what it still needs. */
const MAX_IN_FLIGHT = 4;

class PageCache {
  private readonly pages = new Map<number, WirePage>();
  private readonly inFlight = new Set<number>();
  error: AppError | null = null;

  private readonly rows: number;

  constructor(readonly info: QueryResultInfo) {
    const rows = pageRowsFor(info.columns.length);
    this.rows = rows;
    const first = info.firstPage;
    // The first page may be any size; keep only whole pages of our own size.
    for (let p = 0; p * rows < first.rowCount; p++) {
      const page = slicePage(first, p * rows, (p + 1) * rows);
      if (page.rowCount === rows || first.offset + (p + 1) * rows >= info.totalRows) this.pages.set(p, page);
    }
  }

  has(index: number): boolean {
    return this.pages.has(Math.floor(index / this.rows));
  }

  /** Cell `col` of row `index`; undefined while its page is not here (null is SQL NULL). */
  cell(index: number, col: number): WireCell | undefined {
    const page = this.pages.get(Math.floor(index / this.rows));
    return page ? (page.columns[col]?.[index % this.rows] ?? null) : undefined;
  }

  /** Starts fetching the missing pages of rows [first, last]; calls `changed` as each arrives. */
  ensure(first: number, last: number, changed: () => void) {
    const rows = this.rows;
    const from = Math.max(0, Math.floor(first / rows));
    const to = Math.min(Math.floor((this.info.totalRows - 1) / rows), Math.floor(last / rows));
    for (let p = from; p <= to; p++) {
      const page = this.pages.get(p);
      if (page) {
        this.pages.delete(p);
        this.pages.set(p, page); // most recently used goes last
        continue;
      }
      if (this.inFlight.has(p) || this.inFlight.size >= MAX_IN_FLIGHT) continue;
      this.inFlight.add(p);
      const offset = p * rows;
      const limit = Math.min(rows, this.info.totalRows - offset);
      void callAnalytics('fetchRows', { resultId: this.info.resultId, offset, limit }).then((result) => {
        this.inFlight.delete(p);
        if (result.ok) {
          this.pages.set(p, result.value);
          this.error = null;
          while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
        } else {
          this.error = result.error;
        }
        changed();
      });
    }
  }
}

export interface RowPages {
  /** Whether row `index` is here to draw. */
  has: (index: number) => boolean;
  /** Cell `col` of row `index`; undefined while its page is not here (null is SQL NULL). */
  cell: (index: number, col: number) => WireCell | undefined;
  ensure: (first: number, last: number) => void;
  error: AppError | null;
  /** Changes whenever a page arrives, so views that read rows re-render. */
  version: number;
}

export function useRowPages(info: QueryResultInfo): RowPages {
  const cache = useMemo(() => new PageCache(info), [info]);
  const [version, setVersion] = useState(0);
  // A page landing after unmount sets state on nothing, which React ignores.
  const ensure = useCallback(
    (first: number, last: number) => cache.ensure(first, last, () => setVersion((v) => v + 1)),
    [cache],
  );
  const has = useCallback((index: number) => cache.has(index), [cache]);
  const cell = useCallback((index: number, col: number) => cache.cell(index, col), [cache]);

  return { has, cell, ensure, error: cache.error, version };
}
