// Domain types of the analytics feature (import, query, results, table browser).
import type { WireCell, WireColumn, WirePage, WireType } from '../wire.js';

export const IMPORT_FORMATS = ['csv', 'tsv', 'parquet', 'json', 'ndjson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ['csv', 'parquet', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (format: string): format is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(format);

// Limits the channels enforce and the renderer and CLI ask for. They live here, not in
// shared/analysis/analytics-channels.ts, so the analysis chunk can import them without zod.
/** The most rows one fetchRows (or a first page) may carry. */
export const MAX_PAGE_ROWS = 10_000;
/** Rows of a result the grid fetches at a time, and runQuery's first page by default. */
export const RESULT_PAGE_ROWS = 200;
/** A CSV delimiter is a character or a short sequence (DuckDB's own limit is 4 bytes). */
export const CSV_DELIMITER_MAX = 4;

/** Overrides of what DuckDB's sniffer detects; anything left out is detected. CSV/TSV only except `columns`. */
export interface CsvOptions {
  delimiter?: string;
  header?: boolean;
  quote?: string;
  escape?: string;
  skipRows?: number;
  dateFormat?: string;
  timestampFormat?: string;
  decimalSeparator?: string;
  /**
   * The unquoted field text that reads as NULL (default: an empty unquoted field). A
   * quoted field is never NULL: `""` imports as an empty string.
   */
  nullString?: string;
  /** Read every column as text (then nothing is rejected for its type). */
  allVarchar?: boolean;
}

export interface ImportOptions {
  format?: ImportFormat;
  csv?: CsvOptions;
  /** Column name → DuckDB type, e.g. { amount: 'DECIMAL(12,2)' }. */
  columnTypes?: Record<string, string>;
  /**
   * Column name in the file → name in the table (import only; the preview keeps the
   * file's names). Applied by the import's own statement, so a table never exists
   * under the old names. Keys are the file's names, as are those of `columnTypes`.
   */
  columnNames?: Record<string, string>;
}

export interface DetectedCsv {
  delimiter: string;
  quote: string;
  escape: string;
  header: boolean;
  skipRows: number;
  dateFormat: string | null;
  timestampFormat: string | null;
}

export interface ImportPreview {
  format: ImportFormat;
  columns: WireColumn[];
  /** The first rows (at most 100) as they would be imported. */
  page: WirePage;
  /** What the CSV sniffer found, for CSV/TSV. */
  detected: DetectedCsv | null;
  suggestedTable: string;
  fileBytes: number;
  /** The zone TIMESTAMPTZ values are shown in (the profile's, as for query results). */
  timeZone: string;
  /**
   * Rows the import would bring in with these options: counted for files up to
   * PREVIEW_COUNT_BYTES and for Parquet (its metadata has it), estimated from the first
   * megabyte's lines for bigger text files (`exact: false`), null when unknown.
   */
  rows: { count: number; exact: boolean } | null;
}

export type ConflictMode = 'error' | 'replace' | 'append' | 'rename';
/** abort: import nothing when a row is rejected (report why); skip: import the good rows. */
export type BadRowMode = 'abort' | 'skip';

export interface RejectedRow {
  line: number | null;
  column: string | null;
  errorType: string;
  message: string;
  csvLine: string | null;
}

export interface RejectSummary {
  /** Rows left out (a row with several errors counts once). */
  rows: number;
  /** Errors by kind, e.g. { CAST: 3, 'MISSING COLUMNS': 1 }. */
  byType: Record<string, number>;
  /** The first few errors. */
  samples: RejectedRow[];
}

export type ImportOutcome =
  | { status: 'imported'; importId: string; table: string; rows: number; rejected: RejectSummary | null }
  | { status: 'rejected'; importId: string; rejected: RejectSummary };

export interface ImportProgress {
  importId: string;
  phase: 'reading' | 'done' | 'failed' | 'cancelled';
  bytesRead: number;
  totalBytes: number;
  /** Estimated until `phase` is 'done'. */
  rows: number;
  elapsedMs: number;
  /** An import from a database source: the source's estimate of all its rows (it has no bytes to count). */
  estimatedRows?: number;
}

export interface QueryResultInfo {
  resultId: string;
  columns: WireColumn[];
  /**
   * The true number of rows, never capped. While `counting`, only the rows read so far
   * (the first page's): the exact total follows from `resultTotal`.
   */
  totalRows: number;
  /**
   * The result was streamed (runQuery's `stream`) and DuckDB is still producing it: the
   * first page is here, the exact count and the rest of the rows follow in the background.
   */
  counting: boolean;
  /** The first page (offset 0). */
  firstPage: WirePage;
  /** Rows changed by the last statement when it was not a query. */
  rowsChanged: number | null;
  statementCount: number;
  durationMs: number;
  /** The zone TIMESTAMPTZ values are shown in. */
  timeZone: string;
  /** The SQL that produced this result (for sorted/filtered results, the generated SQL). */
  sql: string;
}

/** A streamed result once all its rows are kept (`resultTotal`). */
export interface ResultTotal {
  totalRows: number;
  /** The first page as kept: it replaces the streamed one (an ORDER BY with ties may order them otherwise). */
  firstPage: WirePage;
}

export type FilterOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'starts_with' | 'is_null' | 'is_not_null';

export interface ResultFilter {
  column: string;
  op: FilterOp;
  /** Compared as text cast to the column's type by DuckDB; not used by is_null/is_not_null. */
  value?: string;
}

export interface ResultSort {
  column: string;
  direction: 'asc' | 'desc';
}

export const AGGREGATE_FNS = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max'] as const;
export type AggregateFn = (typeof AGGREGATE_FNS)[number];

/** One aggregate of a grouped result; `count` without a column counts rows. */
export interface ResultAggregate {
  fn: AggregateFn;
  column?: string | undefined;
}

/** Group a result by columns (GROUP BY) with aggregates, optionally spread over the values of a pivot column. */
export interface ResultGrouping {
  columns: string[];
  aggregates: ResultAggregate[];
  pivot?: string | undefined;
}

export interface TableColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
}

export interface TableInfo {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  /** null for views (counting would run the view). */
  rowCount: number | null;
  /** Approximate bytes on disk; null for views. */
  bytes: number | null;
  columns: TableColumnInfo[];
}

export interface HistogramBin {
  /** Lower bound, in the wire format of the column. */
  from: WireCell;
  to: WireCell;
  count: number;
}

export interface ColumnProfile {
  table: string;
  column: string;
  type: string;
  /** The column's type as query results carry it: its cells are shown exactly as in the grid. */
  wireType: WireType;
  /** The zone TIMESTAMPTZ values are shown in. */
  timeZone: string;
  rows: number;
  nulls: number;
  distinct: number;
  min: WireCell;
  max: WireCell;
  /** 0, 0.25, 0.5, 0.75, 1 for orderable columns; empty otherwise. */
  quantiles: { q: number; value: WireCell }[];
  histogram: HistogramBin[];
  /** Most frequent values (text-like columns). */
  top: { value: WireCell; count: number }[];
}

export type QueryStatus = 'ok' | 'error' | 'cancelled';

export interface QueryHistoryEntry {
  id: number;
  sql: string;
  startedAt: string;
  durationMs: number;
  rowCount: number | null;
  status: QueryStatus;
  error: string | null;
}


export type ExportSource = { table: string } | { resultId: string } | { sql: string };

export interface ExportOutcome {
  /** The written file's base name (the renderer never learns a full path). */
  name: string;
  rows: number;
  bytes: number;
}
