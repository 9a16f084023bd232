// Copies the grid's selection in any of the copy formats. Rows of the selection that
// are not loaded are fetched first (a page of the cache is used when it is there), so
// a copy is always the whole selection; one larger than the cap is refused with a
// message that says so, never cut short.
import { useCallback, useState } from 'react';
import { formatCopy, type CopyFormat } from '../../../../shared/analysis/copy-formats.js';
import { boundsColCount, boundsRowCount, copiesHeader, selectionBounds, type GridSelection } from '../../../../shared/analysis/grid-selection.js';
import type { QueryResultInfo } from '../../../../shared/analysis/analytics.js';
import type { WireCell } from '../../../../shared/wire.js';
import { callAnalytics } from '../analytics-api.js';
import { countOf, formatCount } from '../display-format.js';
import type { RowPages } from '../hooks/useRowPages.js';
import { writeClipboard } from './clipboard.js';

/** A copy beyond this many rows or cells is refused (Export… writes any number). */
export const COPY_MAX_ROWS = 100_000;
export const COPY_MAX_CELLS = 2_000_000;
/** fetchRows' own limit (MAX_PAGE_ROWS); importing the value would pull zod into this chunk. */
const FETCH_ROWS = 10_000;

export type CopyStatus =
  | { state: 'working'; text: string }
  | { state: 'done'; text: string }
  | { state: 'error'; text: string };

const FORMAT_NAMES: Record<CopyFormat, string> = { tsv: 'TSV', csv: 'CSV', markdown: 'Markdown', json: 'JSON', 'sql-in': 'an SQL IN-list' };

/** Rows [from, to] of the data columns `cols`, row-major, from the cache or fetched. */
async function readRows(info: QueryResultInfo, pages: RowPages, from: number, to: number, cols: number[]): Promise<WireCell[][]> {
  const out: WireCell[][] = [];
  for (let start = from; start <= to; start += FETCH_ROWS) {
    const end = Math.min(to, start + FETCH_ROWS - 1);
    let cached = true;
    for (let i = start; i <= end && cached; i += 50) cached = pages.has(i);
    if (cached && pages.has(end)) {
      for (let i = start; i <= end; i++) out.push(cols.map((j) => pages.cell(i, j) ?? null));
      continue;
    }
    const page = await callAnalytics('fetchRows', { resultId: info.resultId, offset: start, limit: end - start + 1 });
    if (!page.ok) throw new Error(page.error.message);
    if (page.value.rowCount !== end - start + 1) throw new Error('the result changed while copying');
    for (let i = 0; i < page.value.rowCount; i++) out.push(cols.map((j) => page.value.columns[j]?.[i] ?? null));
  }
  return out;
}

export function useGridCopy(info: QueryResultInfo, pages: RowPages, display: number[]) {
  // Kept with the result it speaks of: a new run, sort or filter does not inherit "Copied …".
  const [said, setSaid] = useState<{ resultId: string; status: CopyStatus } | null>(null);
  const setStatus = useCallback((status: CopyStatus) => setSaid({ resultId: info.resultId, status }), [info.resultId]);
  const status = said?.resultId === info.resultId ? said.status : null;

  const copy = useCallback(
    async (selection: GridSelection | null, format: CopyFormat) => {
      const bounds = selection ? selectionBounds(selection, info.totalRows, display.length) : null;
      if (!selection || !bounds) {
        setStatus({ state: 'error', text: 'Select cells, rows or columns to copy.' });
        return;
      }
      const rowCount = boundsRowCount(bounds);
      const colCount = boundsColCount(bounds);
      if (rowCount > COPY_MAX_ROWS || rowCount * colCount > COPY_MAX_CELLS) {
        setStatus({
          state: 'error',
          text: `Nothing copied: the selection has ${countOf(rowCount, 'row')} × ${countOf(colCount, 'column')}; a copy takes at most ${formatCount(COPY_MAX_ROWS)} rows and ${formatCount(COPY_MAX_CELLS)} cells. Export… writes every row.`,
        });
        return;
      }
      const cols = display.slice(bounds.colFrom, bounds.colTo + 1);
      const what = `${countOf(rowCount, 'row')} × ${countOf(colCount, 'column')}`;
      setStatus({ state: 'working', text: `Copying ${what}…` });
      try {
        const rows = await readRows(info, pages, bounds.rowFrom, bounds.rowTo, cols);
        const text = formatCopy(format, {
          columns: cols.map((j) => info.columns[j]!),
          rows,
          timeZone: info.timeZone,
          header: copiesHeader(selection),
        });
        await writeClipboard(text);
        setStatus({ state: 'done', text: `Copied ${what} as ${FORMAT_NAMES[format]}` });
      } catch (e) {
        setStatus({ state: 'error', text: `Could not copy: ${e instanceof Error ? e.message : String(e)}` });
      }
    },
    [info, pages, display, setStatus],
  );

  return { copy, status, clearStatus: useCallback(() => setSaid(null), []) };
}
