// Importing a file the person chose into a new table of their profile: atomic (one
// transaction), cancellable (connection interrupt), with progress and a report of
// rejected rows. The file reaches DuckDB through staging.ts.
import type { DuckDBConnection } from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  ConflictMode,
  DetectedCsv,
  ImportFormat,
  ImportOptions,
  ImportOutcome,
  ImportPreview,
  ImportProgress,
  RejectSummary,
} from '../../../shared/analysis/analytics.js';
import { AppException } from '../../../shared/errors.js';
import { renamedColumns } from '../../../shared/analysis/import-columns.js';
import type { DuckdbStore } from '../storage/duckdb-store.js';
import type { HostInput } from '../storage/worker-protocol.js';
import { isInterrupt, sqlError } from './duckdb-errors.js';
import { sniffCsv, sniffedDialectArgs, type CsvSniff } from './csv-sniff.js';
import { quoteIdent, quoteLiteral, sanitizeTableName } from './sql-text.js';
import { stageFile } from './staging.js';
import { traceStep } from '../start-trace.js';
import { readPage, wireColumns } from './wire-encode.js';

export const PREVIEW_ROWS = 100;
/**
 * What a preview stages of a CSV or TSV: its leading lines, not the whole file (copying
 * a 537 MB file took 0.45 s, against 0.15–0.2 s for DuckDB's whole preview of it).
 * DuckDB's sniffer reads the file's first 20,480 rows (sample_size) and nothing after, so
 * four times as many lines (room for rows that span lines) detect what the whole file
 * would; a file whose lines do not fit in 32 MiB is staged whole. The import stages it all.
 */
const PREVIEW_LEADING_BYTES = 32 << 20;
const SNIFF_SAMPLE_ROWS = 20_480;
/** Files up to this size are counted in full for the preview (well under a second); bigger ones are estimated. */
export const PREVIEW_COUNT_BYTES = 16 * 1024 * 1024;
// Four a second: under a loaded machine a poll can come late, and the window should
// still hear from the import at least once a second.
const PROGRESS_EVERY_MS = 250;
const REJECT_SAMPLES = 20;

export type ProgressSink = (p: ImportProgress) => void;

export function detectFormat(file: string): ImportFormat {
  const name = file.toLowerCase().replace(/\.(gz|zst)$/, '');
  if (/\.(tsv|tab)$/.test(name)) return 'tsv';
  if (/\.(parquet|pq)$/.test(name)) return 'parquet';
  if (/\.(ndjson|jsonl)$/.test(name)) return 'ndjson';
  if (/\.json$/.test(name)) return 'json';
  return 'csv';
}

export function suggestTableName(file: string): string {
  return sanitizeTableName(path.basename(file).replace(/(\.[A-Za-z0-9]{1,8})+$/, ''));
}

const isCompressed = (file: string) => /\.(gz|zst)$/i.test(file);
const isText = (f: ImportFormat) => f === 'csv' || f === 'tsv' || f === 'json' || f === 'ndjson';

/** Refuses what is certainly not a text file before DuckDB turns its bytes into a column of noise. */
function checkLooksLikeText(file: string, format: ImportFormat): void {
  if (!isText(format) || isCompressed(file)) return;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    if (buf.subarray(0, n).includes(0)) {
      throw new AppException('INVALID_INPUT', `This file does not look like ${format.toUpperCase()} text (it holds binary data)`, {
        field: 'path',
      });
    }
  } finally {
    fs.closeSync(fd);
  }
}

interface ReaderSql {
  /** A FROM-able expression. */
  from: string;
  /** The SELECT list (casts for columnTypes on formats without a types option, renames). */
  select: string;
}

interface ReaderParts {
  /** Reject rows into these temp tables (the import's read). */
  rejects?: { table: string; scan: string };
  /**
   * The final name of each of the file's columns, in its order: makes the SELECT list
   * explicit, so the import's one statement already produces the renamed columns.
   */
  names?: { source: readonly string[]; final: readonly string[] };
  /** A sniff already run with these options: read with its result instead of sniffing again. */
  sniff?: CsvSniff | null;
}

const isCsvLike = (f: ImportFormat) => f === 'csv' || f === 'tsv';

/** What the person chose about the file's dialect and types: what the sniffer would otherwise detect. */
function csvDialectArgs(format: ImportFormat, options: ImportOptions): string[] {
  const o = options.csv ?? {};
  const args: string[] = [];
  const delimiter = o.delimiter ?? (format === 'tsv' ? '\t' : undefined);
  if (delimiter !== undefined) args.push(`delim = ${quoteLiteral(delimiter)}`);
  if (o.header !== undefined) args.push(`header = ${o.header}`);
  if (o.quote !== undefined) args.push(`quote = ${quoteLiteral(o.quote)}`);
  if (o.escape !== undefined) args.push(`escape = ${quoteLiteral(o.escape)}`);
  if (o.skipRows !== undefined) args.push(`skip = ${o.skipRows}`);
  if (o.dateFormat !== undefined) args.push(`dateformat = ${quoteLiteral(o.dateFormat)}`);
  if (o.timestampFormat !== undefined) args.push(`timestampformat = ${quoteLiteral(o.timestampFormat)}`);
  if (o.allVarchar) args.push('all_varchar = true');
  const typeEntries = Object.entries(options.columnTypes ?? {});
  if (typeEntries.length) args.push(`types = {${typeEntries.map(([k, v]) => `${quoteLiteral(k)}: ${quoteLiteral(v)}`).join(', ')}}`);
  return args;
}

/** How fields turn into values, sniffed or not. */
function csvValueArgs(options: ImportOptions): string[] {
  const o = options.csv ?? {};
  const args: string[] = [];
  if (o.decimalSeparator !== undefined) args.push(`decimal_separator = ${quoteLiteral(o.decimalSeparator)}`);
  if (o.nullString !== undefined) args.push(`nullstr = ${quoteLiteral(o.nullString)}`);
  // A quoted field is a value the file wrote on purpose: `""` is an empty string and a
  // quoted NULL marker is that text. Only an unquoted field equal to the marker (by
  // default an empty one) is NULL; DuckDB's default would fold `""` into NULL.
  args.push('allow_quoted_nulls = false');
  return args;
}

/** sniff_csv's arguments: exactly what an auto-detecting read_csv of the file would get. */
function csvSniffArgs(format: ImportFormat, file: string, options: ImportOptions): string[] {
  return [quoteLiteral(file), ...csvDialectArgs(format, options), ...csvValueArgs(options)];
}

/** How a file is read. */
function readerSql(format: ImportFormat, file: string, options: ImportOptions, parts: ReaderParts = {}): ReaderSql {
  const args: string[] = [quoteLiteral(file)];
  const types = options.columnTypes ?? {};
  const typeEntries = Object.entries(types);
  const csvLike = isCsvLike(format);
  const { names, rejects, sniff } = parts;
  // CSV/TSV get their types from read_csv's `types` (or the sniffed columns, which
  // carry them); the other readers need a CAST.
  const cast = (column: string) =>
    !csvLike && Object.hasOwn(types, column) ? `CAST(${quoteIdent(column)} AS ${checkTypeName(types[column]!)})` : quoteIdent(column);
  const select = names
    ? names.source.map((column, i) => `${cast(column)} AS ${quoteIdent(names.final[i]!)}`).join(', ')
    : !csvLike && typeEntries.length
      ? `* REPLACE (${typeEntries.map(([k]) => `${cast(k)} AS ${quoteIdent(k)}`).join(', ')})`
      : '*';
  if (csvLike) {
    args.push(...(sniff ? sniffedDialectArgs(sniff, options.csv) : csvDialectArgs(format, options)), ...csvValueArgs(options));
    if (rejects) args.push(`store_rejects = true, rejects_table = ${quoteLiteral(rejects.table)}, rejects_scan = ${quoteLiteral(rejects.scan)}`);
    return { from: `system.main.read_csv(${args.join(', ')})`, select };
  }
  const from =
    format === 'parquet'
      ? `system.main.read_parquet(${args.join(', ')})`
      : `system.main.read_json(${args.join(', ')}, format = ${format === 'ndjson' ? "'newline_delimited'" : "'auto'"})`;
  return { from, select };
}

/** A type name goes into SQL unquoted, so it may only look like one. */
function checkTypeName(t: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])*$/.test(t.trim())) {
    throw new AppException('INVALID_INPUT', `Not a column type: ${t}`, { field: 'options.columnTypes' });
  }
  return t.trim();
}

function notFound(file: string): AppException {
  return new AppException('NOT_FOUND', `No such file: ${path.basename(file)}`, { field: 'path' });
}

function fileSize(file: string): number {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new AppException('INVALID_INPUT', `${path.basename(file)} is not a file`, { field: 'path' });
    if (st.size === 0) throw new AppException('INVALID_INPUT', `${path.basename(file)} is empty`, { field: 'path' });
    return st.size;
  } catch (e) {
    if (e instanceof AppException) throw e;
    throw notFound(file);
  }
}

/** Rows in a text file, estimated from the newlines of its first megabyte. */
function estimateRows(file: string, size: number, format: ImportFormat): number {
  if (format === 'parquet' || format === 'json' || size === 0) return 0;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, 1 << 20));
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    let lines = 0;
    for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) lines++;
    return lines === 0 ? 1 : Math.round((lines / n) * size);
  } finally {
    fs.closeSync(fd);
  }
}

export class Imports {
  private readonly running = new Map<string, { conn: DuckDBConnection | null; cancelled: boolean }>();
  private readonly busy = new Set<DuckDBConnection>();

  constructor(
    private readonly store: DuckdbStore,
    private readonly progress: ProgressSink,
    private readonly progressEveryMs = PROGRESS_EVERY_MS,
  ) {}

  async preview(file: string, options: ImportOptions = {}): Promise<ImportPreview> {
    const format = options.format ?? detectFormat(file);
    const size = fileSize(file);
    checkLooksLikeText(file, format);
    // A file small enough to be counted in full (previewRowCount) is staged whole.
    const leading =
      isCsvLike(format) && !isCompressed(file) && size > PREVIEW_COUNT_BYTES
        ? { bytes: PREVIEW_LEADING_BYTES, lines: 4 * SNIFF_SAMPLE_ROWS + (options.csv?.skipRows ?? 0) }
        : undefined;
    const staged = stageFile(this.store.dir, file, leading);
    const conn = await this.store.instance.connect();
    try {
      // One sniff: its dialect is what the screen shows, and the first rows and the count
      // are read with its result (issue 16 item 8: sniffing twice doubled a wide file's preview).
      const sniff = isCsvLike(format) ? await sniffCsv(conn, csvSniffArgs(format, staged.path, options)) : null;
      const reader = readerSql(format, staged.path, options, { sniff });
      const result = await conn.run(`SELECT ${reader.select} FROM ${reader.from} LIMIT ${PREVIEW_ROWS}`).catch((e) => {
        throw this.importError(e, staged.path, file);
      });
      const page = readPage(result, 0, PREVIEW_ROWS);
      const detected = sniff?.detected ?? null;
      const rows = await this.previewRowCount(conn, reader.from, format, file, size, page.rowCount, detected);
      return {
        format,
        columns: wireColumns(result),
        page,
        detected,
        rows,
        suggestedTable: suggestTableName(file),
        fileBytes: size,
        timeZone: this.store.timeZone,
      };
    } finally {
      conn.closeSync();
      staged.release();
    }
  }

  /** How many rows the import would bring in: exact when cheap to know, else estimated. */
  private async previewRowCount(
    conn: DuckDBConnection,
    from: string,
    format: ImportFormat,
    file: string,
    size: number,
    previewed: number,
    detected: DetectedCsv | null,
  ): Promise<ImportPreview['rows']> {
    if (previewed < PREVIEW_ROWS) return { count: previewed, exact: true };
    if (format === 'parquet' || size <= PREVIEW_COUNT_BYTES) {
      const counted = await conn.runAndReadAll(`SELECT count(*) FROM ${from}`).catch(() => null);
      const n = counted?.getRows()[0]?.[0];
      if (n !== undefined && n !== null) return { count: Number(n), exact: true };
    }
    if (format !== 'csv' && format !== 'tsv') return null;
    const lines = estimateRows(file, size, format);
    return { count: Math.max(previewed, lines - (detected?.header === false ? 0 : 1) - (detected?.skipRows ?? 0)), exact: false };
  }

  async start(req: HostInput<'startImport'>): Promise<ImportOutcome> {
    const importId = req.importId ?? randomUUID();
    if (this.running.has(importId)) throw new AppException('ALREADY_EXISTS', 'An import with that id is running');
    const options = req.options ?? {};
    const format = options.format ?? detectFormat(req.path);
    const totalBytes = fileSize(req.path);
    checkLooksLikeText(req.path, format);
    const estimatedRows = estimateRows(req.path, totalBytes, format);
    traceStep('import: start');
    const staged = stageFile(this.store.dir, req.path);
    traceStep('import: staged');
    // Cancellable before the connection exists: a cancel that arrives while it opens is
    // honoured at the first check below instead of being lost.
    const state: { conn: DuckDBConnection | null; cancelled: boolean } = { conn: null, cancelled: false };
    this.running.set(importId, state);
    let conn: DuckDBConnection;
    try {
      conn = this.store.importConns.find((c) => !this.busy.has(c)) ?? (await this.store.instance.connect());
    } catch (e) {
      this.running.delete(importId);
      staged.release();
      throw e;
    }
    state.conn = conn;
    const pooled = this.store.importConns.includes(conn);
    this.busy.add(conn);
    const t0 = performance.now();
    const emit = (phase: ImportProgress['phase'], rows: number, bytesRead: number) =>
      this.progress({ importId, phase, bytesRead, totalBytes, rows, elapsedMs: Math.round(performance.now() - t0) });
    emit('reading', 0, 0);
    // DuckDB's query progress (for read_csv: bytes of the file consumed) is polled. It
    // reads -1 between statements and restarts with each one, so what is reported is
    // the highest seen: progress never runs backwards. Only the import's own statement
    // counts: the sniff before it reports a percentage of its own sample.
    let fraction = 0;
    let reading = false;
    const timer = setInterval(() => {
      const pct = conn.progress.percentage;
      if (reading && pct >= 0) fraction = Math.max(fraction, Math.min(1, pct / 100));
      emit('reading', Math.round(fraction * estimatedRows), Math.round(fraction * totalBytes));
    }, this.progressEveryMs);
    const suffix = importId.replace(/-/g, '');
    const rejects = { table: `enclave_reject_errors_${suffix}`, scan: `enclave_reject_scans_${suffix}` };
    const useRejects = format === 'csv' || format === 'tsv';
    let inTransaction = false;
    try {
      if (state.cancelled) throw new AppException('CANCELLED', 'The import was cancelled');
      const target = await this.targetTable(conn, req.table ?? suggestTableName(req.path), req.onConflict);
      // Sniffed once, with the reject options (they make the sniffer tolerate ragged rows,
      // so it must see them to detect what the import reads); the renames and the read
      // use that one result.
      const sniff = useRejects ? await sniffCsv(conn, [...csvSniffArgs(format, staged.path, options), 'store_rejects = true']) : null;
      if (state.cancelled) throw new AppException('CANCELLED', 'The import was cancelled');
      traceStep('import: sniffed');
      const names = await this.columnNames(conn, format, staged.path, options, req.path, sniff);
      const reader = readerSql(format, staged.path, options, { rejects: useRejects ? rejects : undefined, names, sniff });
      const source = `SELECT ${reader.select} FROM ${reader.from}`;
      await conn.run('BEGIN TRANSACTION');
      inTransaction = true;
      reading = true;
      let rows: number;
      try {
        if (target.append) {
          const r = await conn.run(`INSERT INTO ${quoteIdent(target.name)} BY NAME ${source}`);
          rows = Number(r.rowsChanged);
        } else {
          // CREATE TABLE … AS answers the rows it inserted (a one-row `Count` column;
          // rowsChanged says 0 for it): no second pass over the new table to count them.
          const r = await conn.runAndReadAll(`CREATE ${target.replace ? 'OR REPLACE ' : ''}TABLE ${quoteIdent(target.name)} AS ${source}`);
          rows = Number(r.getRows()[0]?.[0] ?? 0);
        }
      } catch (e) {
        throw this.importError(e, staged.path, req.path);
      }
      traceStep('import: read');
      const rejected = useRejects ? await this.rejectSummary(conn, rejects.table, staged.path, req.path) : null;
      if (state.cancelled) throw new AppException('CANCELLED', 'The import was cancelled');
      if (rejected && req.badRows === 'abort') {
        await conn.run('ROLLBACK');
        inTransaction = false;
        emit('failed', 0, totalBytes);
        return { status: 'rejected', importId, rejected };
      }
      await conn.run('COMMIT');
      inTransaction = false;
      traceStep('import: committed');
      emit('done', rows, totalBytes);
      return { status: 'imported', importId, table: target.name, rows, rejected };
    } catch (e) {
      const cancelled = state.cancelled || isInterrupt(e);
      emit(cancelled ? 'cancelled' : 'failed', 0, 0);
      if (cancelled) throw new AppException('CANCELLED', 'The import was cancelled; nothing was imported');
      throw e instanceof AppException ? e : this.importError(e, staged.path, req.path);
    } finally {
      clearInterval(timer);
      // Nothing of a failed or cancelled import stays behind: the transaction takes the
      // table and its rows with it.
      if (inTransaction) await conn.run('ROLLBACK').catch(() => undefined);
      if (useRejects) {
        await conn.run(`DROP TABLE IF EXISTS temp.${rejects.table}`).catch(() => undefined);
        await conn.run(`DROP TABLE IF EXISTS temp.${rejects.scan}`).catch(() => undefined);
      }
      this.running.delete(importId);
      this.busy.delete(conn);
      if (!pooled) conn.closeSync();
      staged.release();
      traceStep('import: released');
    }
  }

  cancel(importId: string): boolean {
    const state = this.running.get(importId);
    if (!state) return false;
    state.cancelled = true;
    state.conn?.interrupt();
    return true;
  }

  cancelAll(): void {
    for (const id of this.running.keys()) this.cancel(id);
  }

  private async targetTable(conn: DuckDBConnection, requested: string, mode: ConflictMode) {
    const base = sanitizeTableName(requested);
    const exists = async (name: string) => {
      const r = await conn.runAndReadAll(
        `SELECT 1 FROM system.main.duckdb_tables() WHERE database_name = system.main.current_database() AND schema_name = 'main' AND lower(table_name) = lower($1)
         UNION ALL SELECT 1 FROM system.main.duckdb_views() WHERE database_name = system.main.current_database() AND schema_name = 'main' AND lower(view_name) = lower($1)`,
        [name],
      );
      return r.currentRowCount > 0;
    };
    if (!(await exists(base))) return { name: base, replace: false, append: false };
    switch (mode) {
      case 'replace':
        return { name: base, replace: true, append: false };
      case 'append':
        return { name: base, replace: false, append: true };
      case 'rename':
        for (let i = 2; ; i++) {
          const name = `${base}_${i}`;
          if (!(await exists(name))) return { name, replace: false, append: false };
        }
      default:
        throw new AppException('ALREADY_EXISTS', `A table named ${base} already exists`, { field: 'table' });
    }
  }

  /** The file's columns and what the table calls them, when the person renamed any. */
  private async columnNames(
    conn: DuckDBConnection,
    format: ImportFormat,
    staged: string,
    options: ImportOptions,
    original: string,
    sniff: CsvSniff | null,
  ) {
    const renames = options.columnNames ?? {};
    if (Object.keys(renames).length === 0) return undefined;
    let source: string[];
    if (sniff) {
      source = sniff.columns.map((c) => c.name);
    } else {
      const reader = readerSql(format, staged, options);
      const described = await conn.runAndReadAll(`DESCRIBE SELECT ${reader.select} FROM ${reader.from}`).catch((e: unknown) => {
        throw this.importError(e, staged, original);
      });
      source = described.getRowObjectsJS().map((r) => String(r.column_name));
    }
    const check = renamedColumns(source, renames);
    if (!check.ok) throw new AppException('INVALID_INPUT', check.message, { field: 'options.columnNames' });
    return { source, final: check.names };
  }

  private async rejectSummary(conn: DuckDBConnection, table: string, staged: string, original: string): Promise<RejectSummary | null> {
    const exists = await conn.runAndReadAll(`SELECT 1 FROM system.main.duckdb_tables() WHERE database_name = 'temp' AND table_name = $1`, [table]);
    if (exists.currentRowCount === 0) return null;
    const counts = await conn.runAndReadAll(
      `SELECT error_type::VARCHAR AS t, count(*)::BIGINT AS n FROM temp.${table} GROUP BY ALL`,
    );
    const byType: Record<string, number> = {};
    for (const r of counts.getRowObjectsJS()) byType[String(r.t)] = Number(r.n);
    if (Object.keys(byType).length === 0) return null;
    const rows = await conn.runAndReadAll(`SELECT count(DISTINCT (file_id, line))::BIGINT AS n FROM temp.${table}`);
    const samples = await conn.runAndReadAll(
      `SELECT line, column_name, error_type::VARCHAR AS error_type, error_message, csv_line FROM temp.${table} ORDER BY line, column_idx LIMIT ${REJECT_SAMPLES}`,
    );
    return {
      rows: Number(rows.getRowObjectsJS()[0]?.n ?? 0),
      byType,
      samples: samples.getRowObjectsJS().map((r) => ({
        line: r.line === null ? null : Number(r.line),
        column: r.column_name === null ? null : String(r.column_name),
        errorType: String(r.error_type),
        message: String(r.error_message).split(staged).join(path.basename(original)),
        csvLine: r.csv_line === null ? null : String(r.csv_line),
      })),
    };
  }

  /** A reader error, with the staging name replaced by the name the person chose. */
  private importError(e: unknown, staged: string, original: string): AppException {
    const err = sqlError(e);
    if (err.code !== 'SQL_ERROR') return err;
    const message = err.message.split(staged).join(path.basename(original)).replace(/^[A-Za-z ]+ Error: /, '');
    return new AppException('SQL_ERROR', `Could not read ${path.basename(original)}: ${message}`);
  }
}
