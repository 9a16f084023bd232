// A query's first page at streaming speed (runQuery's `stream`, issue 16 item 10).
//
// A materialised run answers only once DuckDB has gathered the whole result: for an
// ORDER BY over 5M rows that is about 2.5× a streaming read of its first rows. So a lone
// SELECT the person runs is streamed until its first page is here, and answered with
// it (`counting`); the result is then kept by running the statement again, materialised,
// in the background, which also gives the exact count.
//
// Why run it again rather than keep reading the stream: @duckdb/node-api (1.5) reports
// an error that happens while a stream is read (a failed cast on row 4 million, an
// interrupt) as the end of the stream, so rows read from a stream past its first chunk
// could be a silently truncated result. A materialised run fails as it should. The
// kept result's own first page replaces the streamed one when the count arrives
// (`resultTotal`), so ties in an ORDER BY cannot show two orders.
import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import { hostBudget } from './host-limits.js';
import { estimatedBytes, headPage, materialise, tooLarge, type Materialised, type ResultHead } from './result-slices.js';
import { wireType } from './wire-encode.js';

/**
 * The result of `sql`, whose stream `result` on `conn` gave `head` (the first page, and
 * more rows to come). `fill` abandons the stream, runs `sql` again on `conn` and keeps
 * its rows; past the profile's byte budget it keeps none and fails with LIMIT_REACHED.
 */
export function streamedResult(conn: DuckDBConnection, name: string, sql: string, result: DuckDBResult, head: ResultHead, pageSize: number): Materialised {
  const types = result.columnTypes();
  const names = result.deduplicatedColumnNames();
  const firstPage = headPage(types, head.chunks, pageSize);
  return {
    columns: result.columnNames().map((n, i) => ({ name: n, type: wireType(types[i]!) })),
    types,
    names,
    totalRows: firstPage.rowCount,
    counting: true,
    rowsChanged: null,
    firstPage,
    slice: `${name}_0`,
    fill: async (r) => {
      // Running another statement on the connection closes the stream.
      const full = await conn.run(sql);
      const budget = hostBudget().resultBytes;
      const bytes = estimatedBytes(full.rowCount, names.length);
      if (bytes > budget) throw tooLarge(bytes, budget);
      const kept = await materialise(conn, name, full, 0);
      await kept.fill(r);
      if (r.closed) return;
      r.totalRows = kept.totalRows;
      r.counting = false;
    },
  };
}
