// Channels of the analytics feature: import files, run SQL, page through results,
// browse tables, export. Files arrive as tokens main minted for the calling window
// (shared/files/file-grants.ts): from its open/save dialogs, a dropped file, or the CLI;
// main refuses any inside the app's user-data directory before the worker sees them.
import { z } from 'zod';
import { channel, noInputChannel, returns } from '../channel.js';
import { boundedRecord } from '../fields.js';
import { querySearch } from './query-workspace-channels.js';
import {
  AGGREGATE_FNS,
  CSV_DELIMITER_MAX,
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  MAX_PAGE_ROWS,
  RESULT_PAGE_ROWS,
  type ColumnProfile,
  type ExportOutcome,
  type ImportOutcome,
  type ImportPreview,
  type QueryHistoryEntry,
  type QueryResultInfo,
  type ResultTotal,
  type TableInfo,
} from './analytics.js';
import { fileToken } from '../files/file-grants.js';
import { MAX_COLUMN_NAME } from './import-columns.js';
import type { WirePage } from '../wire.js';

/** Columns an import may retype or rename (far more than any file we have met has). */
export const MAX_IMPORT_COLUMNS = 10_000;
const id = z.uuid();
const identifier = z.string().min(1).max(255);
const sqlText = z.string().min(1).max(1_000_000);

const importOptions = z
  .strictObject({
    format: z.enum(IMPORT_FORMATS).optional(),
    csv: z
      .strictObject({
        delimiter: z.string().min(1).max(CSV_DELIMITER_MAX).optional(),
        header: z.boolean().optional(),
        quote: z.string().max(1).optional(),
        escape: z.string().max(1).optional(),
        skipRows: z.number().int().min(0).max(1_000_000).optional(),
        dateFormat: z.string().max(64).optional(),
        timestampFormat: z.string().max(64).optional(),
        decimalSeparator: z.enum(['.', ',']).optional(),
        nullString: z.string().max(64).optional(),
        allVarchar: z.boolean().optional(),
      })
      .optional(),
    columnTypes: boundedRecord(identifier, z.string().min(1).max(200), MAX_IMPORT_COLUMNS, 'columnTypes').optional(),
    columnNames: boundedRecord(identifier, z.string().max(MAX_COLUMN_NAME), MAX_IMPORT_COLUMNS, 'columnNames').optional(),
  })
  .optional();

const filter = z.strictObject({
  column: identifier,
  op: z.enum(['=', '!=', '<', '<=', '>', '>=', 'contains', 'starts_with', 'is_null', 'is_not_null']),
  value: z.string().max(10_000).optional(),
});

export const analyticsChannels = {
  /** Sniffs a file and returns its first 100 rows with the detected columns and types. Does not use up the file's token. */
  previewImport: channel({
    scope: 'data',
    input: z.strictObject({ file: fileToken, options: importOptions }),
    output: returns<ImportPreview>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED', 'SQL_ERROR'],
  }),
  /**
   * Imports a file into a new table, atomically. `importId` (chosen by the caller so it
   * can cancel before this returns) tags the `importProgress` events. The file's token
   * is used up once something was imported; an import that imported nothing (an
   * error, or rows that did not fit) leaves it usable for a retry.
   */
  startImport: channel({
    scope: 'data',
    input: z.strictObject({
      file: fileToken,
      importId: id.optional(),
      table: identifier.optional(),
      options: importOptions,
      onConflict: z.enum(['error', 'replace', 'append', 'rename']).default('error'),
      badRows: z.enum(['abort', 'skip']).default('abort'),
    }),
    output: returns<ImportOutcome>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'SQL_ERROR', 'CANCELLED', 'DISK_FULL', 'STORAGE_ERROR'],
  }),
  cancelImport: channel({
    scope: 'data',
    input: z.strictObject({ importId: id }),
    output: returns<{ cancelled: boolean }>(),
    errors: ['LOCKED'],
  }),
  /** Runs one or more statements; the last one's result is kept for paging (no row cap). */
  runQuery: channel({
    scope: 'data',
    input: z.strictObject({
      sql: sqlText,
      queryId: id.optional(),
      pageSize: z.number().int().min(0).max(MAX_PAGE_ROWS).default(RESULT_PAGE_ROWS),
      /**
       * Answer once the first page is streamed (a lone SELECT): the result then says
       * `counting`, and `resultTotal` answers the exact count once every row is kept.
       */
      stream: z.boolean().optional(),
    }),
    output: returns<QueryResultInfo>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'SQL_ERROR', 'PERMISSION_DENIED', 'CANCELLED', 'LIMIT_REACHED'],
  }),
  /**
   * The exact row count of a streamed result once all its rows are kept (at once for any
   * other), with its first `pageSize` rows as kept. The keeping's failure is this call's:
   * the query's error, its cancel, or LIMIT_REACHED when it outgrew what a profile keeps.
   */
  resultTotal: channel({
    scope: 'data',
    input: z.strictObject({ resultId: id, pageSize: z.number().int().min(1).max(MAX_PAGE_ROWS).default(RESULT_PAGE_ROWS) }),
    output: returns<ResultTotal>(),
    errors: ['LOCKED', 'NOT_FOUND', 'SQL_ERROR', 'CANCELLED', 'LIMIT_REACHED'],
  }),
  cancelQuery: channel({
    scope: 'data',
    input: z.strictObject({ queryId: id }),
    output: returns<{ cancelled: boolean }>(),
    errors: ['LOCKED'],
  }),
  fetchRows: channel({
    scope: 'data',
    input: z.strictObject({
      resultId: id,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_PAGE_ROWS),
    }),
    output: returns<WirePage>(),
    // A page past what a stream has kept waits for it, and fails as the stream does.
    errors: ['LOCKED', 'NOT_FOUND', 'SQL_ERROR', 'CANCELLED', 'LIMIT_REACHED'],
  }),
  /** A new result: a kept result sorted and filtered by generated SQL (returned in `sql`). */
  sortFilterResult: channel({
    scope: 'data',
    input: z.strictObject({
      resultId: id,
      sort: z.array(z.strictObject({ column: identifier, direction: z.enum(['asc', 'desc']) })).max(16).default([]),
      filters: z.array(filter).max(32).default([]),
      queryId: id.optional(),
      pageSize: z.number().int().min(0).max(MAX_PAGE_ROWS).default(RESULT_PAGE_ROWS),
      /** Group by these columns with these aggregates (optionally pivoted); the filters pick the rows grouped. */
      group: z
        .strictObject({
          columns: z.array(identifier).min(1).max(8),
          aggregates: z.array(z.strictObject({ fn: z.enum(AGGREGATE_FNS), column: identifier.optional() })).max(16),
          pivot: identifier.optional(),
        })
        .optional(),
    }),
    output: returns<QueryResultInfo>(),
    errors: ['LOCKED', 'NOT_FOUND', 'INVALID_INPUT', 'SQL_ERROR', 'CANCELLED', 'LIMIT_REACHED'],
  }),
  closeResult: channel({
    scope: 'data',
    input: z.strictObject({ resultId: id }),
    output: returns<null>(),
    errors: ['LOCKED'],
  }),
  listTables: noInputChannel<TableInfo[]>(['LOCKED', 'STORAGE_ERROR', 'DISK_FULL']),
  /** Statistics of one column (one per call keeps wide tables responsive). */
  profileColumn: channel({
    scope: 'data',
    input: z.strictObject({ table: identifier, column: identifier, schema: identifier.default('main') }),
    output: returns<ColumnProfile>(),
    errors: ['LOCKED', 'NOT_FOUND', 'SQL_ERROR'],
  }),
  listQueryHistory: channel({
    scope: 'data',
    // `search` keeps the entries whose SQL holds every word of it (any case), newest first.
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).default(100), beforeId: z.number().int().optional(), search: querySearch.optional() }),
    output: returns<QueryHistoryEntry[]>(),
    errors: ['LOCKED', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  /** Writes a table, a kept result or a query to CSV, Parquet or JSON (an array of objects), to the file of a write token (chooseExportPath); the token is used up on success. */
  exportData: channel({
    scope: 'data',
    input: z.strictObject({
      source: z.union([
        z.strictObject({ table: identifier }),
        z.strictObject({ resultId: id }),
        z.strictObject({ sql: sqlText }),
      ]),
      format: z.enum(EXPORT_FORMATS),
      file: fileToken,
    }),
    output: returns<ExportOutcome>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED', 'SQL_ERROR', 'DISK_FULL', 'STORAGE_ERROR'],
  }),
} as const;
