// What the import needs of a source, whatever its kind: its tables, and a cursor over a
// table or query that hands out rows as text in batches (bounded memory at any size).
import { AppException } from '../../../shared/errors.js';
import type { SourceKind, SourceSelection, SourceTable, TlsMode } from '../../../shared/sources/sources.js';
import type { MappedColumn } from './type-map.js';

/** One row: each cell the source's text (or hex for bytes), null for NULL. */
export type TextRow = (string | null)[];

export interface SourceCursor {
  columns: MappedColumn[];
  /** The source's estimate of the rows to come (null: unknown). */
  estimatedRows: number | null;
  /** The next batch, or null at the end. */
  next(): Promise<TextRow[] | null>;
  /**
   * Where the source can write every row itself as CSV into `file` (PostgreSQL's COPY):
   * NULL an unquoted empty field, an empty string `""`. Used instead of next() for
   * imports; answers the rows written and the longest row's length in bytes.
   */
  copyCsv?(file: string, onRows: (rows: number) => void): Promise<{ rows: number; longestRow: number }>;
}

export interface SourceReader {
  listTables(): Promise<SourceTable[]>;
  /** Opens a cursor over a table or query (at most `limit` rows when given). */
  open(selection: SourceSelection, limit?: number): Promise<SourceCursor>;
  /** Cuts the connection at once (cancel): a pending next() fails. */
  abort(): void;
  close(): Promise<void>;
}

/** A saved source as the host keeps it. */
export interface SavedSource {
  name: string;
  kind: SourceKind;
  url: string;
  tls: TlsMode | null;
  hasPassword: boolean;
  createdAt: string;
}

export const BATCH_ROWS = 5000;

export const sourceAuthFailed = (source: string) =>
  new AppException('SOURCE_AUTH_FAILED', `Source "${source}" refused the user or password (change it with source remove and add)`);
export const sourceUnreachable = (source: string, why: string) => new AppException('SOURCE_UNREACHABLE', `Source "${source}" cannot be reached: ${why}`);
export const sourceLost = (source: string) =>
  new AppException('SOURCE_CONNECTION_LOST', `The connection to source "${source}" dropped before the import finished; nothing was imported`);

/** A message with the password taken out, should a driver ever repeat it. */
export function scrubSecret(message: string, password: string | null): string {
  return password ? message.split(password).join('•••') : message;
}
