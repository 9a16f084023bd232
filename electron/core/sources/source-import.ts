// Importing from a saved source into the profile's DuckDB, in the profile's host. Rows
// stream from the source in batches into a temporary all-VARCHAR staging table (DuckDB's
// appender), and one CREATE TABLE … AS SELECT with each column's exact cast makes the
// table — all inside one DuckDB transaction, so a failure, a cancel or a dropped
// connection leaves nothing behind, and a replaced table (Refresh) stays as it was for
// every other connection until the new one is complete.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportProgress } from '../../../shared/analysis/analytics.js';
import { AppException } from '../../../shared/errors.js';
import { parseSourceUrl, type SourceColumn, type SourceImportOutcome, type SourcePreview, type SourceSelection, type SourceTable } from '../../../shared/sources/sources.js';
import { isInterrupt, sqlError } from '../analytics/duckdb-errors.js';
import { quoteIdent, quoteLiteral, sanitizeTableName } from '../analytics/sql-text.js';
import { stagingPath } from '../analytics/staging.js';
import { readPage, wireColumns } from '../analytics/wire-encode.js';
import type { DuckdbStore } from '../storage/duckdb-store.js';
import type { SavedSource, SourceCursor, SourceReader } from './source-reader.js';
import { recordSourcedTable } from './source-store.js';
import type { MappedColumn } from './type-map.js';

export const SOURCE_PREVIEW_ROWS = 100;
const PROGRESS_EVERY_MS = 250;

export type ProgressSink = (p: ImportProgress) => void;

/** The first rows' report at once (a person sees the import move), then at most one per PROGRESS_EVERY_MS. */
function throttle(report: (rows: number) => void): (rows: number) => void {
  let last = -Infinity;
  return (rows) => {
    if (performance.now() - last < PROGRESS_EVERY_MS) return;
    last = performance.now();
    report(rows);
  };
}

/** DuckDB's default longest CSV line (2 MB). */
const CSV_LINE_DEFAULT = 2_000_000;

/**
 * A source's rows as PostgreSQL's COPY wrote them, read by DuckDB as text columns c0, c1, …:
 * no detection, every field VARCHAR, an unquoted empty field NULL and a quoted one
 * (`""`) the empty string. A row longer than DuckDB's default line limit (a big JSON or
 * BYTEA value) raises the limit to that row: the appender had no such limit either.
 */
export function csvSource(file: string, columnCount: number, longestRow: number): string {
  const columns = Array.from({ length: columnCount }, (_, i) => `${quoteLiteral(`c${i}`)}: 'VARCHAR'`).join(', ');
  const limit = longestRow + 2 > CSV_LINE_DEFAULT ? `, max_line_size = ${longestRow + 2}, buffer_size = ${Math.max(32 * 2 ** 20, 2 * (longestRow + 2))}` : '';
  return `read_csv(${quoteLiteral(file)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', nullstr = '', allow_quoted_nulls = false, strict_mode = true, columns = {${columns}}${limit})`;
}

/** Connects to a saved source. `dataDir` is the app's data folder (a SQLite source may not lie in it). */
export async function openReader(source: SavedSource, password: string | null, dataDir: string): Promise<SourceReader> {
  const parsed = parseSourceUrl(source.url);
  if (!parsed.ok) throw new AppException('INVALID_INPUT', parsed.message, { field: 'url' });
  // Each client loads with its first use: pg and mysql2 are large, and a host that
  // never imports from a server (most runs of `enclave query`) should not pay for them.
  if (parsed.kind === 'sqlite') return (await import('./sqlite-reader.js')).openSqliteReader(source.name, parsed.path, dataDir);
  const address = { ...parsed, tls: source.tls ?? parsed.tls };
  return parsed.kind === 'postgresql'
    ? (await import('./pg-reader.js')).openPgReader(source.name, address, password, source.ca)
    : (await import('./mysql-reader.js')).openMysqlReader(source.name, address, password, source.ca);
}

export interface SourceImportRequest {
  source: SavedSource;
  password: string | null;
  selection: SourceSelection;
  table: string;
  onConflict: 'error' | 'replace' | 'append';
  importId?: string | undefined;
}

const mapping = (columns: readonly MappedColumn[]): SourceColumn[] => columns.map((c) => ({ name: c.name, sourceType: c.sourceType, type: c.type }));
const notes = (columns: readonly MappedColumn[]) => columns.flatMap((c) => (c.note ? [c.note] : []));

/** Names DuckDB will accept for the columns: as the source has them, a blank or repeated one made unique. */
function targetNames(columns: readonly MappedColumn[]): string[] {
  const seen = new Set<string>();
  return columns.map((c, i) => {
    let name = c.name.trim() || `column${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${c.name.trim() || `column${i + 1}`}_${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export class SourceImports {
  private readonly running = new Map<string, { cancelled: boolean; reader: SourceReader | null; conn: DuckDBConnection | null }>();

  constructor(
    private readonly store: DuckdbStore,
    private readonly sqlite: Database,
    private readonly progress: ProgressSink,
  ) {}

  /** The app's data folder: two levels above the profile's own (`<data>/profiles/<id>`). */
  private get dataDir(): string {
    return path.resolve(this.store.dir, '..', '..');
  }

  async browse(source: SavedSource, password: string | null): Promise<SourceTable[]> {
    const reader = await openReader(source, password, this.dataDir);
    try {
      return await reader.listTables();
    } finally {
      await reader.close();
    }
  }

  async preview(source: SavedSource, password: string | null, selection: SourceSelection): Promise<SourcePreview> {
    const reader = await openReader(source, password, this.dataDir);
    const conn = await this.store.instance.connect();
    const stage = `enclave_source_preview_${randomUUID().replace(/-/g, '')}`;
    try {
      const cursor = await reader.open(selection, SOURCE_PREVIEW_ROWS);
      await conn.run('BEGIN TRANSACTION');
      await this.stageRows(conn, stage, cursor, () => false, () => undefined);
      const result = await conn.run(this.castSelect(`temp.main.${quoteIdent(stage)}`, cursor.columns)).catch((e: unknown) => {
        throw this.castError(e);
      });
      return { columns: wireColumns(result), mapping: mapping(cursor.columns), page: readPage(result, 0, SOURCE_PREVIEW_ROWS), notes: notes(cursor.columns) };
    } finally {
      await conn.run('ROLLBACK').catch(() => undefined);
      conn.closeSync();
      await reader.close();
    }
  }

  async run(req: SourceImportRequest): Promise<SourceImportOutcome> {
    const importId = req.importId ?? randomUUID();
    if (this.running.has(importId)) throw new AppException('ALREADY_EXISTS', 'An import with that id is running');
    const state: { cancelled: boolean; reader: SourceReader | null; conn: DuckDBConnection | null } = { cancelled: false, reader: null, conn: null };
    this.running.set(importId, state);
    const t0 = performance.now();
    let estimate = 0;
    const emit = (phase: ImportProgress['phase'], rows: number) =>
      this.progress({ importId, phase, bytesRead: 0, totalBytes: 0, rows, elapsedMs: Math.round(performance.now() - t0), ...(estimate ? { estimatedRows: estimate } : {}) });
    emit('reading', 0);
    const stage = `enclave_source_stage_${importId.replace(/-/g, '')}`;
    let conn: DuckDBConnection | null = null;
    let inTransaction = false;
    let csvFile: string | null = null;
    try {
      const target = sanitizeTableName(req.table);
      state.reader = await openReader(req.source, req.password, this.dataDir);
      if (state.cancelled) throw new AppException('CANCELLED', 'cancelled');
      const cursor = await state.reader.open(req.selection);
      estimate = cursor.estimatedRows ?? 0;
      conn = await this.store.instance.connect();
      state.conn = conn;
      const mode = await this.targetMode(conn, target, req.onConflict);
      await conn.run('BEGIN TRANSACTION');
      inTransaction = true;
      let rows: number;
      let from: string;
      const throttled = throttle((n: number) => emit('reading', n));
      if (cursor.copyCsv) {
        csvFile = stagingPath(this.store.dir, 'source.csv');
        fs.mkdirSync(path.dirname(csvFile), { recursive: true, mode: 0o700 });
        fs.chmodSync(path.dirname(csvFile), 0o700);
        const copied = await cursor.copyCsv(csvFile, throttled);
        rows = copied.rows;
        from = csvSource(csvFile, cursor.columns.length, copied.longestRow);
      } else {
        rows = await this.stageRows(conn, stage, cursor, () => state.cancelled, throttled);
        from = `temp.main.${quoteIdent(stage)}`;
      }
      if (state.cancelled) throw new AppException('CANCELLED', 'cancelled');
      const names = targetNames(cursor.columns);
      const select = this.castSelect(from, cursor.columns, names);
      try {
        if (mode === 'append') await conn.run(`INSERT INTO ${quoteIdent(target)} BY NAME ${select}`);
        else await conn.run(`CREATE ${mode === 'replace' ? 'OR REPLACE ' : ''}TABLE ${quoteIdent(target)} AS ${select}`);
      } catch (e) {
        throw this.castError(e);
      }
      if (!cursor.copyCsv) await conn.run(`DROP TABLE temp.main.${quoteIdent(stage)}`);
      if (state.cancelled) throw new AppException('CANCELLED', 'cancelled');
      await conn.run('COMMIT');
      inTransaction = false;
      // Refresh re-imports the whole selection into the table: remembered only when the
      // table is this import's alone (made or replaced, not appended to).
      if (mode !== 'append') {
        recordSourcedTable(this.sqlite, { table: target, source: req.source.name, selection: req.selection, importedAt: new Date().toISOString(), rows });
      }
      emit('done', rows);
      return { importId, table: target, rows, mapping: mapping(cursor.columns), notes: notes(cursor.columns) };
    } catch (e) {
      const cancelled = state.cancelled || isInterrupt(e);
      emit(cancelled ? 'cancelled' : 'failed', 0);
      if (cancelled) throw new AppException('CANCELLED', 'The import was cancelled; nothing was imported');
      throw e instanceof AppException ? e : sqlError(e);
    } finally {
      if (conn) {
        if (inTransaction) await conn.run('ROLLBACK').catch(() => undefined);
        conn.closeSync();
      }
      await state.reader?.close().catch(() => undefined);
      if (csvFile) fs.rmSync(csvFile, { force: true });
      this.running.delete(importId);
    }
  }

  cancel(importId: string): boolean {
    const state = this.running.get(importId);
    if (!state) return false;
    state.cancelled = true;
    state.reader?.abort();
    state.conn?.interrupt();
    return true;
  }

  cancelAll(): void {
    for (const id of this.running.keys()) this.cancel(id);
  }

  /** Appends the cursor's rows to a new temporary VARCHAR table; answers how many. */
  private async stageRows(conn: DuckDBConnection, stage: string, cursor: SourceCursor, cancelled: () => boolean, onProgress: (rows: number) => void): Promise<number> {
    const cols = cursor.columns.length ? cursor.columns.map((_, i) => `c${i} VARCHAR`).join(', ') : 'c0 VARCHAR';
    await conn.run(`CREATE TEMP TABLE ${quoteIdent(stage)} (${cols})`);
    const appender = await conn.createAppender(stage, 'main', 'temp');
    let rows = 0;
    try {
      for (let batch = await cursor.next(); batch; batch = await cursor.next()) {
        if (cancelled()) break;
        for (const row of batch) {
          for (const cell of row) {
            if (cell === null) appender.appendNull();
            else appender.appendVarchar(cell);
          }
          appender.endRow();
        }
        rows += batch.length;
        onProgress(rows);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return rows;
  }

  /** The import's SELECT over `from`: staged VARCHAR columns c0, c1, … cast to their types. */
  private castSelect(from: string, columns: readonly MappedColumn[], names = targetNames(columns)): string {
    const list = columns.map((c, i) => `${c.cast(quoteIdent(`c${i}`))} AS ${quoteIdent(names[i]!)}`).join(', ');
    return `SELECT ${list || 'NULL AS "empty"'} FROM ${from}`;
  }

  private castError(e: unknown): AppException {
    const err = sqlError(e);
    if (err.code !== 'SQL_ERROR') return err;
    return new AppException('SQL_ERROR', `A source value does not fit its column's type: ${err.message}`);
  }

  private async targetMode(conn: DuckDBConnection, name: string, mode: SourceImportRequest['onConflict']): Promise<'create' | 'replace' | 'append'> {
    const r = await conn.runAndReadAll(
      `SELECT 1 FROM system.main.duckdb_tables() WHERE database_name = system.main.current_database() AND schema_name = 'main' AND lower(table_name) = lower($1)
       UNION ALL SELECT 1 FROM system.main.duckdb_views() WHERE database_name = system.main.current_database() AND schema_name = 'main' AND lower(view_name) = lower($1)`,
      [name],
    );
    if (r.currentRowCount === 0) return 'create';
    if (mode === 'error') throw new AppException('ALREADY_EXISTS', `A table named ${name} already exists (replace or append to it)`, { field: 'table' });
    return mode;
  }
}
