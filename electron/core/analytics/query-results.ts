// Running user SQL and keeping its result for paging, with no row cap.
//
// Each query runs on a connection of its own (so cancelling interrupts only it), within
// the host's budget of concurrent queries. Its result is kept in slices on that
// connection (result-slices.ts) among the profile's open results (kept-results.ts);
// sorting, filtering and grouping a kept result runs generated SQL over its slices
// (sort-filter-sql.ts) into a new kept result. Every run is noted in the query history.
import { StatementType, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBResult } from '@duckdb/node-api';
import type { QueryResultInfo, ResultFilter, ResultGrouping, ResultSort } from '../../../shared/analysis/analytics.js';
import { AppException } from '../../../shared/errors.js';
import type { WirePage } from '../../../shared/wire.js';
import type { DuckdbStore } from '../storage/duckdb-store.js';
import type { HostInput } from '../storage/worker-protocol.js';
import { scrubPaths, sqlError } from './duckdb-errors.js';
import { hostBudget, limitReached } from './host-limits.js';
import { KeptResults, type KeptResult } from './kept-results.js';
import { historyRecord, type HistoryRecord } from './query-history.js';
import { scrubPage } from './result-scrub.js';
import { materialise, nextTable, readHead, readRows, relation, type KeptConnection, type Materialised } from './result-slices.js';
import { streamedResult } from './result-stream.js';
import { sortFilterSql } from './sort-filter-sql.js';
import { checkBeforeRun, checkUserSql } from './statement-policy.js';
import { splitStatements } from './sql-text.js';

export class QueryResults {
  private readonly results = new KeptResults();
  /**
   * Queries that can be cancelled, by queryId: registered as soon as the call is admitted
   * (null until its connection exists), so a cancel that arrives while the connection
   * opens or a result fills is not lost.
   */
  private readonly running = new Map<string, DuckDBConnection | null>();
  /** Queries running now (with or without a queryId), against the host's concurrency budget. */
  private active = 0;
  /**
   * Cancels asked for while a query was not yet executing (the statement policy was still
   * checking it): DuckDB's interrupt only stops a running statement, so a cancel that
   * arrives earlier is remembered and honoured before the next statement starts.
   */
  private readonly cancelRequested = new Set<string>();
  /** Queries whose first page has been answered while the rest of the stream is kept. */
  private readonly following = new Set<string>();

  constructor(
    private readonly store: DuckdbStore,
    /** Where each run is recorded (query history lives in data.sqlite). */
    private readonly record: (r: HistoryRecord) => void = () => undefined,
  ) {}

  async run(options: HostInput<'runQuery'>): Promise<QueryResultInfo> {
    return this.admitted(options.queryId, () => this.runAdmitted(options));
  }

  /**
   * Runs a query within the host's budget of concurrent queries, or answers LIMIT_REACHED.
   * Its queryId is cancellable from this moment, before anything is awaited.
   */
  private async admitted<T>(queryId: string | undefined, query: () => Promise<T>): Promise<T> {
    const { concurrentQueries } = hostBudget();
    if (this.active >= concurrentQueries) {
      throw limitReached(`${concurrentQueries} queries are already running in this profile, its limit`, 'Wait for one to finish or cancel one, then run this again.');
    }
    if (queryId && this.running.has(queryId)) throw new AppException('INVALID_INPUT', 'A query with that id is already running', { field: 'queryId' });
    this.active++;
    if (queryId) this.running.set(queryId, null);
    try {
      return await query();
    } finally {
      this.active--;
      // A streamed result stays cancellable until its rows are all kept (followStream).
      if (queryId && !this.following.has(queryId)) this.forget(queryId);
    }
  }

  private forget(queryId: string): void {
    this.running.delete(queryId);
    this.cancelRequested.delete(queryId);
    this.following.delete(queryId);
  }

  private async runAdmitted({ sql, queryId, pageSize, stream }: HostInput<'runQuery'>): Promise<QueryResultInfo> {
    if (splitStatements(sql).length === 0) throw new AppException('INVALID_INPUT', 'There is no SQL statement to run', { field: 'sql' });
    const started = new Date();
    const t0 = performance.now();
    const conn = await this.store.instance.connect();
    const kept: KeptConnection = { conn, users: 0 };
    let handedOver = false;
    if (queryId) this.running.set(queryId, conn);
    const name = nextTable();
    let inTransaction = false;
    /** Set when the last statement streams: its connection then lives on until the stream ends. */
    let prepared: DuckDBPreparedStatement | null = null;
    try {
      // Cancelled while its connection opened: noted in the history like any cancelled run.
      if (queryId && this.cancelRequested.has(queryId)) throw new AppException('CANCELLED', 'The query was cancelled');
      // The statement policy (statement-policy.ts) sees every statement before the first runs.
      const script = await checkUserSql(conn, this.store.instance, sql);
      const { statements } = script;
      // A statement checked again before it runs may be refused only now (it names what an
      // earlier one made): in one transaction, what ran before it is undone.
      if (statements.length > 1 && !script.managesTransactions) {
        await conn.run('BEGIN TRANSACTION');
        inTransaction = true;
      }
      let result: DuckDBResult | undefined;
      for (const [i, s] of statements.entries()) {
        if (i > 0) await checkBeforeRun(conn, this.store.instance, s);
        if (queryId && this.cancelRequested.has(queryId)) throw new AppException('CANCELLED', 'The query was cancelled');
        try {
          // Only a lone SELECT streams: a script's statements share a transaction that
          // must commit before its answer, and a stream holds its connection until it ends.
          if (stream && statements.length === 1) {
            prepared = await conn.prepare(s.text);
            if (prepared.statementType === StatementType.SELECT) {
              result = await prepared.stream();
              break;
            }
          }
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
      let m: Materialised;
      if (result!.isStreaming) {
        // The first page as soon as DuckDB streams it (result-stream.ts); a stream that
        // ends within it is the whole result already.
        const head = await readHead(result!, Math.max(1, pageSize)).catch((e: unknown) => {
          throw sqlError(e, last.offset);
        });
        m = head.ended ? await materialise(conn, name, result!, pageSize, head) : streamedResult(conn, name, last.text, result!, head, pageSize);
      } else {
        m = await materialise(conn, name, result!, pageSize);
      }
      const keptResult = this.results.keep(kept, statements.length === 1 ? last.text : sql, m);
      const info = this.info(keptResult, m.firstPage, m.rowsChanged, statements.length, performance.now() - t0);
      if (m.counting) {
        this.followStream(keptResult, conn, prepared!, sql, started, t0, queryId);
        handedOver = true;
        return info;
      }
      this.history(sql, started, info.durationMs, info.totalRows, null);
      return info;
    } catch (e) {
      if (inTransaction) await conn.run('ROLLBACK').catch(() => undefined);
      // A query cancelled while the policy was still checking it may fail in the check
      // (an interrupted EXPLAIN reads as "cannot be checked"): the person asked to cancel.
      const cancelled = queryId !== undefined && this.cancelRequested.has(queryId);
      const err = cancelled ? new AppException('CANCELLED', 'The query was cancelled') : scrubPaths(sqlError(e), this.store.dir);
      this.history(sql, started, performance.now() - t0, null, err);
      throw err;
    } finally {
      if (!handedOver) {
        prepared?.destroySync();
        if (kept.users === 0) conn.closeSync();
      }
    }
  }

  /**
   * The rest of a streamed result, kept while the person already sees its first page. A
   * cancel interrupts it (the query id stays registered until it is over), closing the
   * result stops it; the history notes the run with its exact count or its error.
   */
  private followStream(
    r: KeptResult,
    conn: DuckDBConnection,
    prepared: DuckDBPreparedStatement,
    sql: string,
    started: Date,
    t0: number,
    queryId: string | undefined,
  ): void {
    r.stop = () => conn.interrupt();
    if (queryId) this.following.add(queryId);
    const done = (err: AppException | null) => {
      r.stop = undefined;
      prepared.destroySync();
      if (queryId && this.running.get(queryId) === conn) this.forget(queryId);
      this.history(sql, started, performance.now() - t0, err ? null : r.totalRows, err);
    };
    r.filled = r.filled.then(
      () => done(null),
      (e: unknown) => {
        const err = e instanceof AppException ? e : scrubPaths(sqlError(e), this.store.dir);
        done(err);
        throw err;
      },
    );
    r.filled.catch(() => undefined);
  }

  /** The exact row count of a result once all its rows are kept, and its first page as kept. */
  async total(resultId: string, pageSize: number): Promise<{ totalRows: number; firstPage: WirePage }> {
    const r = this.results.get(resultId);
    await r.filled;
    if (r.counting) throw new AppException('NOT_FOUND', 'That result is no longer open; run the query again');
    return { totalRows: r.totalRows, firstPage: await this.fetch(resultId, 0, Math.max(1, pageSize)) };
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
    return this.admitted(queryId, () => this.sortFilterAdmitted(resultId, sort, filters, queryId, pageSize, group));
  }

  private async sortFilterAdmitted(
    resultId: string,
    sort: readonly ResultSort[],
    filters: readonly ResultFilter[],
    queryId: string | undefined,
    pageSize: number,
    group: ResultGrouping | undefined,
  ): Promise<QueryResultInfo> {
    const parent = this.results.get(resultId);
    const view = sortFilterSql(parent, sort, filters, group);
    const t0 = performance.now();
    const started = new Date();
    const name = nextTable();
    await parent.filled;
    if (queryId) this.running.set(queryId, parent.kept.conn);
    try {
      if (queryId && this.cancelRequested.has(queryId)) throw new AppException('CANCELLED', 'The query was cancelled');
      // Only now: the slices are all there once the parent has filled.
      const result = await parent.kept.conn.run(view.over(relation(parent)));
      const m = await materialise(parent.kept.conn, name, result, pageSize);
      const kept = this.results.keep(parent.kept, view.shownSql, m);
      const info = this.info(kept, m.firstPage, null, 1, performance.now() - t0);
      this.history(view.shownSql, started, info.durationMs, info.totalRows, null);
      return info;
    } catch (e) {
      const cancelled = queryId !== undefined && this.cancelRequested.has(queryId);
      const err = cancelled ? new AppException('CANCELLED', 'The query was cancelled') : scrubPaths(sqlError(e), this.store.dir);
      this.history(view.shownSql, started, performance.now() - t0, null, err);
      throw err;
    }
  }

  async fetch(resultId: string, offset: number, limit: number): Promise<WirePage> {
    return scrubPage(await readRows(this.results.get(resultId), offset, limit), this.store.dir);
  }

  /** The kept result as a relation (once complete) and the connection it lives on, for export. */
  async source(resultId: string): Promise<{ conn: DuckDBConnection; relation: string }> {
    const r = this.results.get(resultId);
    await r.filled;
    return { conn: r.kept.conn, relation: relation(r) };
  }

  cancel(queryId: string): boolean {
    if (!this.running.has(queryId)) return false;
    this.cancelRequested.add(queryId);
    // DuckDB clears an interrupt when a statement begins, so one that lands before the
    // statement has started would be lost: interrupt again until this run has ended
    // (a run still opening its connection checks the request once it has one).
    this.running.get(queryId)?.interrupt();
    const timer = setInterval(() => {
      if (this.running.has(queryId)) this.running.get(queryId)?.interrupt();
      else clearInterval(timer);
    }, 50);
    timer.unref();
    return true;
  }

  async close(resultId: string): Promise<void> {
    await this.results.close(resultId);
  }

  async closeAll(): Promise<void> {
    for (const conn of this.running.values()) conn?.interrupt();
    await this.results.closeAll();
  }

  private info(r: KeptResult, firstPage: WirePage, rowsChanged: number | null, statementCount: number, ms: number): QueryResultInfo {
    return {
      resultId: r.id,
      columns: r.columns,
      totalRows: r.totalRows,
      counting: r.counting,
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
      this.record(historyRecord(sql, startedAt, durationMs, rowCount, error));
    } catch {
      // History is a convenience: a failure to note a query never fails the query.
    }
  }
}
