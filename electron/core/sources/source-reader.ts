// What the import needs of a source, whatever its kind: its tables, and a cursor over a
// table or query that hands out rows as text in batches (bounded memory at any size).
import { AppException } from '../../../shared/errors.js';
import type { SourceInfo, SourceKind, SourceSelection, SourceTable, TlsMode } from '../../../shared/sources/sources.js';
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
  /** The source's own CA certificate (PEM), null: the system's. */
  ca: string | null;
  createdAt: string;
}

/** A saved source as a window may see it: whether it has a CA, never the certificate. */
export const sourceInfo = ({ ca, ...s }: SavedSource): SourceInfo => ({ ...s, hasCa: ca !== null });

/** Node's TLS verification failures: the server's certificate is not one the client trusts. */
const UNTRUSTED = /^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/**
 * Where each driver's error mapping starts: our own exception passes as it is; otherwise the
 * driver's code and its message with the password scrubbed out, or (`known`) the answer
 * already, for a certificate TLS refused.
 */
export function driverError(e: unknown, source: string, password: string | null, hasCa: boolean): { known: AppException } | { code: string; message: string } {
  if (e instanceof AppException) return { known: e };
  const err = (e ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  const message = scrubSecret(typeof err.message === 'string' ? err.message : String(e), password);
  const untrusted = certificateError(source, code, message, hasCa);
  return untrusted ? { known: untrusted } : { code, message };
}

/** A typed error for a certificate TLS refused, saying what to do; null for any other error. */
export function certificateError(source: string, code: string, message: string, hasCa: boolean): AppException | null {
  if (!UNTRUSTED.test(code)) return null;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new AppException('SOURCE_CERTIFICATE_UNTRUSTED', `Source "${source}": the server's certificate is not for this host (${message}). Connect by the host name the certificate names, or use TLS "require" (encrypted, server not checked)`);
  }
  const what = hasCa ? 'the CA certificate saved with the source did not sign it' : 'no CA this computer trusts signed it';
  return new AppException(
    'SOURCE_CERTIFICATE_UNTRUSTED',
    `Source "${source}": the server's TLS certificate is not trusted (${what}: ${message}). Give the CA certificate that signed the server's (a PEM file: --ca FILE, or "CA certificate…" when adding the source), or use TLS "require" to encrypt without checking the server`,
  );
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
