// Running user SQL and keeping its result for paging, with no row cap.
//
// Each query runs on a connection of its own (so cancelling interrupts only it) and
// its last statement is materialised with `CREATE TEMP TABLE … AS`: DuckDB builds it
// in parallel, spills to the profile's temp directory when large, and a page is then
// a rowid range scan, as fast at row 9,999,000 as at row 0. A temp table lives on its
// connection, so the connection is kept until the result is closed (or evicted).
import { DuckDBConnection, DuckDBTypeId, ResultReturnType, StatementType, type DuckDBType } from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import type { QueryResultInfo, ResultFilter, ResultSort } from '../../../shared/analytics.js';
import { AppException } from '../../../shared/errors.js';
import type { WireColumn, WirePage } from '../../../shared/wire.js';
import type { DuckdbStore } from '../storage/duckdb-store.js';
import { sqlError } from './duckdb-errors.js';
import { recordQuery } from './query-history.js';
import { quoteIdent, quoteLiteral, splitStatements } from './sql-text.js';
import { wireColumns, wireRows } from './wire-encode.js';

/** Kept results beyond this are closed, oldest use first. */
const MAX_KEPT_RESULTS = 32;

interface KeptConnection {
  conn: DuckDBConnection;
  users: number;
}

interface KeptResult {
  id: string;
  kept: KeptConnection;
  table: string;
  columns: WireColumn[];
  /** The SELECT list a page is read with (see pageSelect). */
  pageSelect: string;
  byRowid: boolean;
  totalRows: number;
  /** SQL a person could run to get the same rows (for sorted/filtered results, generated). */
  sql: string;
  lastUsed: number;
}

export interface RunOptions {
  sql: string;
  queryId?: string | undefined;
  pageSize: number;
}

let tableCounter = 0;
const nextTable = () => `__enclave_result_${++tableCounter}`;

export class QueryResults {
  private readonly results = new Map<string, KeptResult>();
  private readonly running = new Map<string, DuckDBConnection>();

  constructor(private readonly store: DuckdbStore) {}

  async run({ sql, queryId, pageSize }: RunOptions): Promise<QueryResultInfo> {
    const statements = splitStatements(sql);
    if (statements.length === 0) throw new AppException('INVALID_INPUT', 'There is no SQL statement to run', { field: 'sql' });
    const started = new Date();
    const t0 = performance.now();
    const conn = await this.store.instance.connect();
    const kept: KeptConnection = { conn, users: 0 };
    const id = randomUUID();
    if (queryId) this.running.set(queryId, conn);
    let rowsChanged: number | null = null;
    const table = nextTable();
    try {
      for (const s of statements.slice(0, -1)) {
        try {
          await conn.run(s.text);
        } catch (e) {
          throw sqlError(e, s.offset);
        }
      }
      const last = statements[statements.length - 1]!;
      rowsChanged = await this.materialise(conn, table, last.text, last.offset);
      const result = await this.keep(id, kept, table, statements.length === 1 ? last.text : sql);
      const info = await this.info(result, pageSize, rowsChanged, statements.length, performance.now() - t0);
      await this.history(sql, started, info.durationMs, info.totalRows, null);
      return info;
    } catch (e) {
      const err = sqlError(e);
      if (kept.users === 0) conn.closeSync();
      await this.history(sql, started, performance.now() - t0, null, err);
      throw err;
    } finally {
      if (queryId) this.running.delete(queryId);
    }
  }

  /** Sorts and filters a kept result into a new one; the generated SQL comes back in `sql`. */
  async sortFilter(
    resultId: string,
    sort: readonly ResultSort[],
    filters: readonly ResultFilter[],
    queryId: string | undefined,
    pageSize: number,
  ): Promise<QueryResultInfo> {
    const parent = this.get(resultId);
    const byName = new Map(parent.columns.map((c) => [c.name, c]));
    const conditions = filters.map((f) => {
      const col = byName.get(f.column);
      if (!col) throw new AppException('INVALID_INPUT', `No column named ${f.column}`, { field: 'filters' });
      const ident = quoteIdent(f.column);
      if (f.op === 'is_null') return `${ident} IS NULL`;
      if (f.op === 'is_not_null') return `${ident} IS NOT NULL`;
      if (f.value === undefined) throw new AppException('INVALID_INPUT', `The filter on ${f.column} needs a value`, { field: 'filters' });
      const value = quoteLiteral(f.value);
      if (f.op === 'contains') return `contains(lower(CAST(${ident} AS VARCHAR)), lower(${value}))`;
      if (f.op === 'starts_with') return `starts_with(CAST(${ident} AS VARCHAR), ${value})`;
      return `${ident} ${f.op} CAST(${value} AS ${col.type.sql})`;
    });
    const order = sort.map((s) => {
      if (!byName.has(s.column)) throw new AppException('INVALID_INPUT', `No column named ${s.column}`, { field: 'sort' });
      return `${quoteIdent(s.column)} ${s.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
    });
    const tail = `${conditions.length ? `\nWHERE ${conditions.join('\n  AND ')}` : ''}${order.length ? `\nORDER BY ${order.join(', ')}` : ''}`;
    const shownSql = `SELECT *\nFROM (\n${parent.sql.replace(/;\s*$/, '')}\n) AS result${tail}`;
    const t0 = performance.now();
    const started = new Date();
    const table = nextTable();
    if (queryId) this.running.set(queryId, parent.kept.conn);
    try {
      await parent.kept.conn.run(`CREATE TEMP TABLE ${table} AS SELECT * FROM ${parent.table}${tail}`);
      const result = await this.keep(randomUUID(), parent.kept, table, shownSql);
      const info = await this.info(result, pageSize, null, 1, performance.now() - t0);
      await this.history(shownSql, started, info.durationMs, info.totalRows, null);
      return info;
    } catch (e) {
      const err = sqlError(e);
      await this.history(shownSql, started, performance.now() - t0, null, err);
      throw err;
    } finally {
      if (queryId) this.running.delete(queryId);
    }
  }

  async fetch(resultId: string, offset: number, limit: number): Promise<WirePage> {
    const r = this.get(resultId);
    if (offset >= r.totalRows) return { offset, rows: [] };
    // No ORDER BY: sorting 1,000 rows here is cheaper than DuckDB's ordered scan.
    if (!r.byRowid) {
      const reader = await r.kept.conn.runAndReadAll(`SELECT ${r.pageSelect} FROM ${r.table} LIMIT ${limit} OFFSET ${offset}`);
      return { offset, rows: wireRows(reader) };
    }
    const reader = await r.kept.conn.runAndReadAll(
      `SELECT rowid, ${r.pageSelect} FROM ${r.table} WHERE rowid >= ${offset} AND rowid < ${offset + limit}`,
    );
    const rows = wireRows(reader);
    let ordered = true;
    for (let i = 1; i < rows.length && ordered; i++) ordered = Number(rows[i - 1]![0]) < Number(rows[i]![0]);
    if (!ordered) rows.sort((a, b) => Number(a[0]) - Number(b[0]));
    for (const row of rows) row.shift();
    return { offset, rows };
  }

  /** The kept result's temp table and the connection it lives on, for export. */
  source(resultId: string): { conn: DuckDBConnection; table: string } {
    const r = this.get(resultId);
    return { conn: r.kept.conn, table: r.table };
  }

  cancel(queryId: string): boolean {
    const conn = this.running.get(queryId);
    if (!conn) return false;
    conn.interrupt();
    return true;
  }

  async close(resultId: string): Promise<void> {
    const r = this.results.get(resultId);
    if (!r) return;
    this.results.delete(resultId);
    try {
      await r.kept.conn.run(`DROP TABLE IF EXISTS ${r.table}`);
    } finally {
      if (--r.kept.users === 0) r.kept.conn.closeSync();
    }
  }

  async closeAll(): Promise<void> {
    for (const conn of this.running.values()) conn.interrupt();
    for (const id of [...this.results.keys()]) await this.close(id).catch(() => undefined);
  }

  private get(resultId: string): KeptResult {
    const r = this.results.get(resultId);
    if (!r) throw new AppException('NOT_FOUND', 'That result is no longer open; run the query again');
    r.lastUsed = performance.now();
    return r;
  }

  /**
   * Runs the last statement into `table`. Queries go through CREATE TEMP TABLE AS
   * (parallel, no JavaScript in the loop); anything else that returns rows (EXPLAIN,
   * CALL, PRAGMA, … RETURNING) is small and appended chunk by chunk.
   */
  private async materialise(conn: DuckDBConnection, table: string, text: string, offset: number): Promise<number | null> {
    let isQuery: boolean;
    try {
      const prepared = await conn.prepare(text);
      isQuery = prepared.statementType === StatementType.SELECT;
      prepared.destroySync();
    } catch (e) {
      throw sqlError(e, offset);
    }
    if (isQuery) {
      const prefix = `CREATE TEMP TABLE ${table} AS `;
      try {
        // A newline keeps a trailing line comment from swallowing nothing of ours.
        await conn.run(`${prefix}${text}\n`);
      } catch (e) {
        throw sqlError(e, offset - prefix.length);
      }
      return null;
    }
    let result;
    try {
      result = await conn.run(text);
    } catch (e) {
      throw sqlError(e, offset);
    }
    const names = result.columnNames();
    const types = result.columnTypes();
    const changed = result.returnType === ResultReturnType.CHANGED_ROWS ? result.rowsChanged : null;
    if (result.returnType !== ResultReturnType.QUERY_RESULT || names.length === 0) {
      await conn.run(`CREATE TEMP TABLE ${table} (${quoteIdent('Count')} BIGINT)`);
      if (changed !== null) await conn.run(`INSERT INTO ${table} VALUES (${changed})`);
      return changed;
    }
    await conn.run(`CREATE TEMP TABLE ${table} (${names.map((n, i) => `${quoteIdent(n)} ${types[i]!.toString()}`).join(', ')})`);
    const appender = await conn.createAppender(table, 'main', 'temp');
    try {
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return changed;
  }

  private async keep(id: string, kept: KeptConnection, table: string, sql: string): Promise<KeptResult> {
    const reader = await kept.conn.runAndReadAll(`SELECT * FROM ${table} LIMIT 0`);
    const count = await kept.conn.runAndReadAll(`SELECT count(*) AS n FROM ${table}`);
    const result: KeptResult = {
      id,
      kept,
      table,
      columns: wireColumns(reader),
      pageSelect: pageSelect(reader.columnNames(), reader.columnTypes()),
      // A result column named rowid hides DuckDB's; such a result pages by OFFSET.
      byRowid: !reader.columnNames().some((n) => n.toLowerCase() === 'rowid'),
      totalRows: Number(count.getRowObjectsJS()[0]?.n ?? 0),
      sql,
      lastUsed: performance.now(),
    };
    kept.users++;
    this.results.set(id, result);
    await this.evict();
    return result;
  }

  private async evict(): Promise<void> {
    while (this.results.size > MAX_KEPT_RESULTS) {
      const oldest = [...this.results.values()].reduce((a, b) => (a.lastUsed <= b.lastUsed ? a : b));
      await this.close(oldest.id);
    }
  }

  private async info(r: KeptResult, pageSize: number, rowsChanged: number | null, statementCount: number, ms: number): Promise<QueryResultInfo> {
    const firstPage = pageSize > 0 ? await this.fetch(r.id, 0, pageSize) : { offset: 0, rows: [] };
    return {
      resultId: r.id,
      columns: r.columns,
      totalRows: r.totalRows,
      firstPage,
      rowsChanged,
      statementCount,
      durationMs: ms,
      timeZone: this.store.timeZone,
      sql: r.sql,
    };
  }

  private async history(sql: string, startedAt: Date, durationMs: number, rowCount: number | null, error: AppException | null) {
    await recordQuery(this.store.conn, {
      sql,
      startedAt,
      durationMs,
      rowCount,
      status: error === null ? 'ok' : error.code === 'CANCELLED' ? 'cancelled' : 'error',
      error: error?.message ?? null,
    }).catch(() => undefined);
  }
}

/**
 * Scalars whose DuckDB text form IS their wire form are cast to VARCHAR by DuckDB
 * (vectorised, in C++) instead of being built as JavaScript value objects and
 * stringified one by one; a page then costs about half. DOUBLE/FLOAT (DuckDB writes
 * 'nan', we write 'NaN'), TIMESTAMPTZ (DuckDB would use the session zone; the wire
 * is UTC), BLOB (hex on the wire) and nested types go through wire-encode.ts.
 */
const CAST_IN_SQL = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL, DuckDBTypeId.DATE, DuckDBTypeId.TIME, DuckDBTypeId.TIME_NS, DuckDBTypeId.TIME_TZ, DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS, DuckDBTypeId.INTERVAL, DuckDBTypeId.UUID,
  DuckDBTypeId.ENUM, DuckDBTypeId.BIT,
]);

function pageSelect(names: readonly string[], types: readonly DuckDBType[]): string {
  return names.map((n, i) => (CAST_IN_SQL.has(types[i]!.typeId) ? `CAST(${quoteIdent(n)} AS VARCHAR)` : quoteIdent(n))).join(', ') || '*';
}
