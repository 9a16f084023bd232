// Running user SQL and keeping its result for paging, with no row cap.
//
// Each query runs on a connection of its own (so cancelling interrupts only it). Its
// last statement runs as a plain materialised query (DuckDB's fastest way to a full
// result, and it knows the exact row count at once); the first page is converted
// from the first chunks and returned right away, while the rest of the chunks are
// appended, in C++, into temp tables in the background. (CREATE TEMP TABLE … AS was
// measured 1.25–1.35× slower than the plain query for a sorted 5M-row result.) DuckDB
// spills them to the profile's temp directory when large. A temp table lives on its
// connection, so the connection is kept until the result closes.
//
// The rows are kept as slices: temp tables of at most SLICE_ROWS rows each, in order.
// A page is a rowid range scan of the one or two slices it falls in. One big table
// would do, but DuckDB (1.5) prunes no row groups on a rowid filter: it checks the
// filter against every row of the table, so a page of a 5M-row result cost 3× one of
// a 1M-row result. With slices a page costs the same at any result size. The whole
// result (for sorting, filtering, export) is the slices' UNION ALL, which keeps order.
import { DuckDBConnection, DuckDBTypeId, ResultReturnType, type DuckDBAppender, type DuckDBMaterializedResult, type DuckDBType } from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import type { QueryResultInfo, ResultFilter, ResultGrouping, ResultSort } from '../../../shared/analytics.js';
import { AppException } from '../../../shared/errors.js';
import { emptyPage, type WireColumn, type WirePage } from '../../../shared/wire.js';
import type { DuckdbStore } from '../storage/duckdb-store.js';
import type { HostInput } from '../storage/worker-protocol.js';
import { scrubPaths, sqlError } from './duckdb-errors.js';
import { groupedSql } from './group-by-sql.js';
import { hostBudget, limitReached } from './host-limits.js';
import { scrubPage } from './result-scrub.js';
import type { HistoryRecord } from './query-history.js';
import { checkBeforeRun, checkUserSql } from './statement-policy.js';
import { quoteIdent, quoteLiteral, splitStatements } from './sql-text.js';
import { bigintColumn, emptyColumns, pushChunk, readPage, wireType } from './wire-encode.js';

/** Kept results beyond this are closed, oldest use first. */
const MAX_KEPT_RESULTS = 32;
/** Rows appended between flushes (when they become visible to pages). */
const FLUSH_ROWS = 100_000;
/**
 * Rows per slice at most: four of DuckDB's row groups (122,880 rows each). A page of
 * a slice this size reads as fast as one of a single row group, and a slice still
 * scans in parallel when the whole result is sorted or exported.
 */
const SLICE_ROWS = 4 * 122_880;

interface KeptConnection {
  conn: DuckDBConnection;
  users: number;
}

interface KeptResult {
  id: string;
  kept: KeptConnection;
  /** The slice tables, in row order; more are added while the result fills. */
  slices: string[];
  /** The result row each slice starts at. */
  sliceStarts: number[];
  columns: WireColumn[];
  /** The SELECT list a page is read with (see pageSelect). */
  pageSelect: string;
  byRowid: boolean;
  totalRows: number;
  /** Rows already in the slices (all of them once `filled` settles). */
  appended: number;
  filled: Promise<void>;
  closed: boolean;
  /** SQL a person could run to get the same rows (for sorted/filtered results, generated). */
  sql: string;
  lastUsed: number;
  /** Estimated bytes the result keeps (for the host's result budget). */
  bytes: number;
}

/** What materialising a statement produced. */
interface Materialised {
  columns: WireColumn[];
  types: DuckDBType[];
  names: string[];
  totalRows: number;
  rowsChanged: number | null;
  firstPage: WirePage;
  /** The first slice, already created (so even an empty result has a typed table). */
  slice: string;
  /** Appends the rest into slices; resolves when all rows are in. */
  fill(r: KeptResult): Promise<void>;
}

let tableCounter = 0;
/** The name a result's slice tables start with; slice i is `${name}_${i}`. */
const nextTable = () => `__enclave_result_${++tableCounter}`;

export class QueryResults {
  private readonly results = new Map<string, KeptResult>();
  private readonly running = new Map<string, DuckDBConnection>();
  /** Queries running now (with or without a queryId), against the host's concurrency budget. */
  private active = 0;
  /**
   * Cancels asked for while a query was not yet executing (the statement policy was still
   * checking it): DuckDB's interrupt only stops a running statement, so a cancel that
   * arrives earlier is remembered and honoured before the next statement starts.
   */
  private readonly cancelRequested = new Set<string>();

  constructor(
    private readonly store: DuckdbStore,
    /** Where each run is recorded (query history lives in data.sqlite). */
    private readonly record: (r: HistoryRecord) => void = () => undefined,
  ) {}

  async run(options: HostInput<'runQuery'>): Promise<QueryResultInfo> {
    return this.admitted(() => this.runAdmitted(options));
  }

  /** Runs a query within the host's budget of concurrent queries, or answers LIMIT_REACHED. */
  private async admitted<T>(query: () => Promise<T>): Promise<T> {
    const { concurrentQueries } = hostBudget();
    if (this.active >= concurrentQueries) {
      throw limitReached(`${concurrentQueries} queries are already running in this profile, its limit`, 'Wait for one to finish or cancel one, then run this again.');
    }
    this.active++;
    try {
      return await query();
    } finally {
      this.active--;
    }
  }

  private async runAdmitted({ sql, queryId, pageSize }: HostInput<'runQuery'>): Promise<QueryResultInfo> {
    if (splitStatements(sql).length === 0) throw new AppException('INVALID_INPUT', 'There is no SQL statement to run', { field: 'sql' });
    const started = new Date();
    const t0 = performance.now();
    const conn = await this.store.instance.connect();
    const kept: KeptConnection = { conn, users: 0 };
    if (queryId) this.running.set(queryId, conn);
    const name = nextTable();
    let inTransaction = false;
    try {
      // The statement policy (statement-policy.ts) sees every statement before the first runs.
      const script = await checkUserSql(conn, this.store.instance, sql);
      const { statements } = script;
      // A statement checked again before it runs may be refused only now (it names what an
      // earlier one made): in one transaction, what ran before it is undone.
      if (statements.length > 1 && !script.managesTransactions) {
        await conn.run('BEGIN TRANSACTION');
        inTransaction = true;
      }
      let result: DuckDBMaterializedResult | undefined;
      for (const [i, s] of statements.entries()) {
        if (i > 0) await checkBeforeRun(conn, this.store.instance, s);
        if (queryId && this.cancelRequested.has(queryId)) throw new AppException('CANCELLED', 'The query was cancelled');
        try {
          result = await conn.run(s.text);
        } catch (e) {
          throw sqlError(e, s.offset);
        }
      }
      if (inTransaction) {
        inTransaction = false;
        await conn.run('COMMIT');
      }
      const last = statements[statements.length - 1]!;
      const m = await this.materialise(conn, name, result!, pageSize);
      const keptResult = this.keep(kept, statements.length === 1 ? last.text : sql, m);
      const info = this.info(keptResult, m.firstPage, m.rowsChanged, statements.length, performance.now() - t0);
      this.history(sql, started, info.durationMs, info.totalRows, null);
      return info;
    } catch (e) {
      if (inTransaction) await conn.run('ROLLBACK').catch(() => undefined);
      // A query cancelled while the policy was still checking it may fail in the check
      // (an interrupted EXPLAIN reads as "cannot be checked"): the person asked to cancel.
      const cancelled = queryId !== undefined && this.cancelRequested.has(queryId);
      const err = cancelled ? new AppException('CANCELLED', 'The query was cancelled') : scrubPaths(sqlError(e), this.store.dir);
      if (kept.users === 0) conn.closeSync();
      this.history(sql, started, performance.now() - t0, null, err);
      throw err;
    } finally {
      if (queryId) {
        this.running.delete(queryId);
        this.cancelRequested.delete(queryId);
      }
    }
  }

  /**
   * Sorts and filters a kept result into a new one — grouped (and pivoted) when `group`
   * is given, the filters then choosing the rows that are grouped; the generated SQL
   * comes back in `sql`.
   */
  async sortFilter(
    resultId: string,
    sort: readonly ResultSort[],
    filters: readonly ResultFilter[],
    queryId: string | undefined,
    pageSize: number,
    group?: ResultGrouping,
  ): Promise<QueryResultInfo> {
    return this.admitted(() => this.sortFilterAdmitted(resultId, sort, filters, queryId, pageSize, group));
  }

  private async sortFilterAdmitted(
    resultId: string,
    sort: readonly ResultSort[],
    filters: readonly ResultFilter[],
    queryId: string | undefined,
    pageSize: number,
    group: ResultGrouping | undefined,
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
    // A grouped result sorts by its own columns (groups and aggregates), checked there.
    const order = group
      ? []
      : sort.map((s) => {
          if (!byName.has(s.column)) throw new AppException('INVALID_INPUT', `No column named ${s.column}`, { field: 'sort' });
          return `${quoteIdent(s.column)} ${s.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
        });
    const where = conditions.length ? `\nWHERE ${conditions.join('\n  AND ')}` : '';
    const tail = `${where}${order.length ? `\nORDER BY ${order.join(', ')}` : ''}`;
    const shownSource = `(\n${parent.sql.replace(/;\s*$/, '')}\n) AS result`;
    const shownSql = group ? groupedSql(shownSource, where, parent.columns, group, sort) : `SELECT *\nFROM ${shownSource}${tail}`;
    const t0 = performance.now();
    const started = new Date();
    const name = nextTable();
    await parent.filled;
    if (queryId) this.running.set(queryId, parent.kept.conn);
    try {
      const runSql = group ? groupedSql(relation(parent), where, parent.columns, group, sort) : `SELECT * FROM ${relation(parent)}${tail}`;
      const result = await parent.kept.conn.run(runSql);
      const m = await this.materialise(parent.kept.conn, name, result, pageSize);
      const kept = this.keep(parent.kept, shownSql, m);
      const info = this.info(kept, m.firstPage, null, 1, performance.now() - t0);
      this.history(shownSql, started, info.durationMs, info.totalRows, null);
      return info;
    } catch (e) {
      const err = scrubPaths(sqlError(e), this.store.dir);
      this.history(shownSql, started, performance.now() - t0, null, err);
      throw err;
    } finally {
      if (queryId) this.running.delete(queryId);
    }
  }

  async fetch(resultId: string, offset: number, limit: number): Promise<WirePage> {
    return scrubPage(await this.readRows(resultId, offset, limit), this.store.dir);
  }

  private async readRows(resultId: string, offset: number, limit: number): Promise<WirePage> {
    const r = this.get(resultId);
    if (offset >= r.totalRows) return emptyPage(offset, r.columns.length);
    const end = Math.min(r.totalRows, offset + limit);
    if (r.appended < end) await r.filled;
    const ranges = sliceRanges(r, offset, end);
    if (!r.byRowid) {
      // OFFSET scans the slice up to the page: at most SLICE_ROWS rows.
      const page: WirePage = { offset, rowCount: 0, columns: emptyColumns(r.columns.length) };
      for (const { table, from, to } of ranges) {
        const part = readPage(await r.kept.conn.run(`SELECT ${r.pageSelect} FROM ${table} LIMIT ${to - from} OFFSET ${from}`), offset, to - from);
        part.columns.forEach((col, j) => {
          for (const cell of col) page.columns[j]!.push(cell);
        });
        page.rowCount += part.rowCount;
      }
      return page;
    }
    // No ORDER BY: sorting 1,000 rows here is cheaper than DuckDB's ordered scan.
    // Read column-wise, straight from DuckDB's vectors (readPage).
    const sql = ranges
      .map(({ table, start, from, to }) => `SELECT rowid + ${start}, ${r.pageSelect} FROM ${table} WHERE rowid >= ${from} AND rowid < ${to}`)
      .join('\nUNION ALL\n');
    const result = await r.kept.conn.run(sql);
    const page = readPage(result, offset, limit, 1);
    const rowids: number[] = [];
    for (let c = 0; c < result.chunkCount; c++) for (const id of bigintColumn(result.getChunk(c), 0)) rowids.push(id);
    let ordered = true;
    for (let i = 1; i < rowids.length && ordered; i++) ordered = rowids[i - 1]! < rowids[i]!;
    if (ordered) return page;
    const order = rowids.map((_, i) => i).sort((a, b) => rowids[a]! - rowids[b]!);
    const columns = emptyColumns(page.columns.length);
    page.columns.forEach((col, j) => {
      for (const i of order) columns[j]!.push(col[i]!);
    });
    return { ...page, columns };
  }

  /** The kept result as a relation (once complete) and the connection it lives on, for export. */
  async source(resultId: string): Promise<{ conn: DuckDBConnection; relation: string }> {
    const r = this.get(resultId);
    await r.filled;
    return { conn: r.kept.conn, relation: relation(r) };
  }

  cancel(queryId: string): boolean {
    const conn = this.running.get(queryId);
    if (!conn) return false;
    this.cancelRequested.add(queryId);
    // DuckDB clears an interrupt when a statement begins, so one that lands before the
    // statement has started would be lost: interrupt again until this run has ended.
    conn.interrupt();
    const timer = setInterval(() => {
      if (this.running.get(queryId) === conn) conn.interrupt();
      else clearInterval(timer);
    }, 50);
    timer.unref();
    return true;
  }

  async close(resultId: string): Promise<void> {
    const r = this.results.get(resultId);
    if (!r) return;
    this.results.delete(resultId);
    r.closed = true;
    await r.filled.catch(() => undefined);
    try {
      for (const table of r.slices) await r.kept.conn.run(`DROP TABLE IF EXISTS ${table}`);
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
   * Creates the first slice of `name` for a finished query's result and converts the
   * first page from the first chunks. `fill` appends every chunk (first ones included)
   * with the Appender, which copies DuckDB vectors without JavaScript ever seeing the
   * values, starting a new slice whenever the next chunk would overfill this one.
   */
  private async materialise(conn: DuckDBConnection, name: string, result: DuckDBMaterializedResult, pageSize: number): Promise<Materialised> {
    const isRows = result.returnType === ResultReturnType.QUERY_RESULT && result.columnCount > 0;
    const rowsChanged = result.returnType === ResultReturnType.CHANGED_ROWS ? Number(result.rowsChanged) : null;
    const slice = `${name}_0`;
    if (!isRows) {
      await conn.run(`CREATE TEMP TABLE ${slice} (${quoteIdent('Count')} BIGINT)`);
      if (rowsChanged !== null) await conn.run(`INSERT INTO ${slice} VALUES (${rowsChanged})`);
      const types = [(await conn.runAndReadAll(`SELECT * FROM ${slice} LIMIT 0`)).columnType(0)];
      return {
        columns: rowsChanged === null ? [] : [{ name: 'Count', type: wireType(types[0]!) }],
        types,
        names: ['Count'],
        totalRows: rowsChanged === null ? 0 : 1,
        rowsChanged,
        firstPage: rowsChanged === null ? emptyPage(0, 0) : { offset: 0, rowCount: 1, columns: [[String(rowsChanged)]] },
        slice,
        fill: async (r) => void (r.appended = r.totalRows),
      };
    }
    // Names as the result has them; the tables need them unique.
    const names = result.columnNames();
    const unique = result.deduplicatedColumnNames();
    const types = result.columnTypes();
    const definition = `(${unique.map((n, i) => `${quoteIdent(n)} ${types[i]!.toString()}`).join(', ')})`;
    await conn.run(`CREATE TEMP TABLE ${slice} ${definition}`);
    const totalRows = result.rowCount;
    const first: Awaited<ReturnType<DuckDBMaterializedResult['fetchChunk']>>[] = [];
    let firstCount = 0;
    while (firstCount < Math.min(pageSize, totalRows)) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      first.push(chunk);
      firstCount += chunk.rowCount;
    }
    const firstPage: WirePage = { offset: 0, rowCount: 0, columns: emptyColumns(types.length) };
    for (const chunk of first) {
      const n = Math.min(chunk!.rowCount, pageSize - firstPage.rowCount);
      if (n <= 0) break;
      pushChunk(types, chunk!, firstPage.columns, n);
      firstPage.rowCount += n;
    }
    return {
      columns: names.map((n, i) => ({ name: n, type: wireType(types[i]!) })),
      types,
      names: unique,
      totalRows,
      rowsChanged,
      firstPage,
      slice,
      fill: async (r) => {
        let appender: DuckDBAppender | null = await conn.createAppender(slice, 'main', 'temp');
        try {
          let inSlice = 0;
          let pending = 0;
          const flush = () => {
            appender!.flushSync();
            r.appended += pending;
            pending = 0;
          };
          const append = async (chunk: NonNullable<(typeof first)[number]>) => {
            if (inSlice > 0 && inSlice + chunk.rowCount > SLICE_ROWS) {
              flush();
              appender!.closeSync();
              appender = null;
              const next = `${name}_${r.slices.length}`;
              await conn.run(`CREATE TEMP TABLE ${next} ${definition}`);
              r.slices.push(next);
              r.sliceStarts.push(r.appended);
              appender = await conn.createAppender(next, 'main', 'temp');
              inSlice = 0;
            }
            appender!.appendDataChunk(chunk);
            inSlice += chunk.rowCount;
            pending += chunk.rowCount;
            if (pending >= FLUSH_ROWS) flush();
          };
          for (const chunk of first) await append(chunk!);
          first.length = 0;
          for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0 && !r.closed; chunk = await result.fetchChunk()) {
            await append(chunk);
          }
          flush();
        } finally {
          appender?.closeSync();
        }
      },
    };
  }

  private keep(kept: KeptConnection, sql: string, m: Materialised): KeptResult {
    const result: KeptResult = {
      id: randomUUID(),
      kept,
      slices: [m.slice],
      sliceStarts: [0],
      columns: m.columns,
      pageSelect: pageSelect(m.names, m.types),
      // A result column named rowid hides DuckDB's; such a result pages by OFFSET.
      byRowid: !m.names.some((n) => n.toLowerCase() === 'rowid'),
      totalRows: m.totalRows,
      appended: 0,
      filled: Promise.resolve(),
      closed: false,
      sql,
      lastUsed: performance.now(),
      bytes: estimatedBytes(m),
    };
    const { resultBytes } = hostBudget();
    if (result.bytes > resultBytes) {
      // Refused before any row is kept; the caller closes the connection (kept.users is still 0 for a new one).
      throw limitReached(
        `This result (about ${mib(result.bytes)} MB) is larger than the ${mib(resultBytes)} MB a profile keeps for paging`,
        'Add a LIMIT, a filter or an aggregate, or export the query straight to a file.',
      );
    }
    result.filled = m.fill(result);
    // A failure shows on the next fetch of a page not yet appended; never unhandled.
    result.filled.catch(() => undefined);
    kept.users++;
    this.results.set(result.id, result);
    void this.evict();
    return result;
  }

  private async evict(): Promise<void> {
    const kept = () => [...this.results.values()].reduce((sum, r) => sum + r.bytes, 0);
    while (this.results.size > MAX_KEPT_RESULTS || (this.results.size > 1 && kept() > hostBudget().resultBytes)) {
      const oldest = [...this.results.values()].reduce((a, b) => (a.lastUsed <= b.lastUsed ? a : b));
      await this.close(oldest.id);
    }
  }

  private info(r: KeptResult, firstPage: WirePage, rowsChanged: number | null, statementCount: number, ms: number): QueryResultInfo {
    return {
      resultId: r.id,
      columns: r.columns,
      totalRows: r.totalRows,
      // The last line against a path in a result (result-scrub.ts).
      firstPage: scrubPage(firstPage, this.store.dir),
      rowsChanged,
      statementCount,
      durationMs: ms,
      timeZone: this.store.timeZone,
      sql: r.sql,
    };
  }

  private history(sql: string, startedAt: Date, durationMs: number, rowCount: number | null, error: AppException | null) {
    try {
      this.record({
        sql,
        startedAt,
        durationMs,
        rowCount,
        status: error === null ? 'ok' : error.code === 'CANCELLED' ? 'cancelled' : 'error',
        error: error?.message ?? null,
      });
    } catch {
      // History is a convenience: a failure to note a query never fails the query.
    }
  }

}

/**
 * Scalars whose DuckDB text form IS their wire form and that wire-encode.ts has no
 * tight loop for are cast to VARCHAR by DuckDB (vectorised, in C++) instead of being
 * built as JavaScript value objects and stringified one by one. The integers up to
 * 64 bits, DATE, TIMESTAMP and TIMESTAMPTZ are read straight from their vectors
 * (cheaper than DuckDB's cast); DOUBLE/FLOAT (DuckDB writes 'nan', we write 'NaN'),
 * BLOB (hex on the wire) and nested types go through wire-encode.ts too.
 */
const CAST_IN_SQL = new Set<DuckDBTypeId>([
  DuckDBTypeId.HUGEINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.DECIMAL, DuckDBTypeId.TIME,
  DuckDBTypeId.TIME_NS, DuckDBTypeId.TIME_TZ, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.INTERVAL, DuckDBTypeId.UUID, DuckDBTypeId.ENUM, DuckDBTypeId.BIT,
]);

function pageSelect(names: readonly string[], types: readonly DuckDBType[]): string {
  return names.map((n, i) => (CAST_IN_SQL.has(types[i]!.typeId) ? `CAST(${quoteIdent(n)} AS VARCHAR)` : quoteIdent(n))).join(', ') || '*';
}


/** A rough size of a kept result: 16 bytes a cell (DuckDB's fixed width, or a short string). */
function estimatedBytes(m: Materialised): number {
  return m.totalRows * Math.max(1, m.names.length) * 16;
}

const mib = (bytes: number) => Math.ceil(bytes / 2 ** 20);

/** The whole kept result, as one relation to select from. */
function relation(r: KeptResult): string {
  return r.slices.length === 1 ? r.slices[0]! : `(${r.slices.map((t) => `SELECT * FROM ${t}`).join('\nUNION ALL\n')}) AS result`;
}

/** The part of each slice that rows [offset, end) of the result lie in, as slice rowids. */
function sliceRanges(r: KeptResult, offset: number, end: number): { table: string; start: number; from: number; to: number }[] {
  // The last slice starting at or before offset (binary search: a 10M-row result has ~20).
  let lo = 0;
  let hi = r.sliceStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r.sliceStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const out: { table: string; start: number; from: number; to: number }[] = [];
  for (let i = lo; i < r.slices.length && r.sliceStarts[i]! < end; i++) {
    const start = r.sliceStarts[i]!;
    const sliceEnd = r.sliceStarts[i + 1] ?? end;
    out.push({ table: r.slices[i]!, start, from: Math.max(offset, start) - start, to: Math.min(end, sliceEnd) - start });
  }
  return out;
}
