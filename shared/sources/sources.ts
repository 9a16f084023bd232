// Saved database sources of a profile (SQLite files, PostgreSQL, MySQL/MariaDB) and what
// importing from them answers. A source's URL never holds its password: that lives in the
// OS keychain under the profile (electron/core/profiles/source-secrets.ts).
import type { WireColumn, WirePage } from '../wire.js';

export const SOURCE_KINDS = ['sqlite', 'postgresql', 'mysql'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * disable: plain TCP (the default for a loopback host). require: TLS, any certificate.
 * verify-full: TLS with a certificate the system trusts for that host name (the default
 * for every other host, so a saved source never sends its password in the clear by accident).
 */
export const TLS_MODES = ['disable', 'require', 'verify-full'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

export const SOURCE_NAME_MAX = 64;
/** The longest source password accepted (the channel's limit and the password fields'). */
export const SOURCE_PASSWORD_MAX = 1000;

/** A source as listed: never its password, and a SQLite file by its name only (the window never sees paths). */
export interface SourceInfo {
  name: string;
  kind: SourceKind;
  url: string;
  tls: TlsMode | null;
  hasPassword: boolean;
  /** The source has its own CA certificate (kept with it; TLS verifies the server against it). */
  hasCa: boolean;
  createdAt: string;
}

/** The largest CA certificate file accepted (a PEM bundle of a few certificates). */
export const SOURCE_CA_MAX_BYTES = 256 * 1024;

/** Whether text is a PEM file holding at least one certificate. */
export const isPemCertificate = (text: string) => /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text);

/** A network source's address, from its URL. */
export interface NetworkAddress {
  kind: 'postgresql' | 'mysql';
  host: string;
  port: number;
  user: string;
  database: string;
  tls: TlsMode;
}

export type ParsedSourceUrl = { ok: true; kind: 'sqlite'; path: string } | ({ ok: true } & NetworkAddress) | { ok: false; message: string };

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);

/**
 * Reads `postgresql://user@host:port/db`, `mysql://user@host:port/db` (`postgres:` and
 * `mariadb:` too; `?sslmode=disable|require|verify-full`) or `sqlite:PATH`. A URL with a
 * password is refused: the password goes to the keychain, never into saved text.
 */
export function parseSourceUrl(text: string): ParsedSourceUrl {
  const trimmed = text.trim();
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/i.exec(trimmed);
  if (sqlite) return { ok: true, kind: 'sqlite', path: sqlite[1]! };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'Not a source URL: use postgresql://user@host:port/db, mysql://user@host:port/db or sqlite:FILE' };
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  const kind = scheme === 'postgresql' || scheme === 'postgres' ? 'postgresql' : scheme === 'mysql' || scheme === 'mariadb' ? 'mysql' : null;
  if (!kind) return { ok: false, message: `Unknown source kind "${scheme}": use postgresql, mysql (MariaDB too) or sqlite` };
  if (url.password) return { ok: false, message: 'A source URL must not hold a password: it is kept in the keychain instead' };
  if (!url.hostname) return { ok: false, message: 'The source URL needs a host' };
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) return { ok: false, message: 'The source URL needs one database name after the host (…/db)' };
  const user = decodeURIComponent(url.username);
  if (!user) return { ok: false, message: 'The source URL needs a user (user@host)' };
  const port = url.port ? Number(url.port) : kind === 'postgresql' ? 5432 : 3306;
  for (const key of url.searchParams.keys()) {
    if (key !== 'sslmode') return { ok: false, message: `Unknown URL option "${key}" (only sslmode)` };
  }
  const sslmode = url.searchParams.get('sslmode');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const tls = sslmode === null ? (isLoopback(host) ? 'disable' : 'verify-full') : (TLS_MODES as readonly string[]).includes(sslmode) ? (sslmode as TlsMode) : null;
  if (tls === null) return { ok: false, message: `sslmode must be one of ${TLS_MODES.join(', ')}` };
  return { ok: true, kind, host, port, user, database, tls };
}

/** The URL as saved and shown: no password, the TLS mode only when it is not the default for the host. */
export function formatNetworkUrl(a: NetworkAddress): string {
  const host = a.host.includes(':') ? `[${a.host}]` : a.host;
  const deflt = isLoopback(a.host) ? 'disable' : 'verify-full';
  return `${a.kind}://${encodeURIComponent(a.user)}@${host}:${a.port}/${encodeURIComponent(a.database)}${a.tls === deflt ? '' : `?sslmode=${a.tls}`}`;
}

/** What to read from a source: one of its tables, or a query in its own SQL. */
export type SourceSelection = { table: string; schema?: string | undefined } | { sql: string };

export interface SourceTable {
  schema: string | null;
  name: string;
  kind: 'table' | 'view';
  /** The server's estimate (PostgreSQL's reltuples, MySQL's table_rows; a SQLite count), null when unknown. */
  rows: number | null;
}

export interface SourceColumn {
  name: string;
  /** The source's own type name, e.g. `numeric(12,2)`. */
  sourceType: string;
  /** The DuckDB type the import gives it. */
  type: string;
}

export interface SourcePreview {
  columns: WireColumn[];
  mapping: SourceColumn[];
  page: WirePage;
  /** What the type mapping could not keep exactly, e.g. a NUMERIC wider than DuckDB's 38 digits kept as text. */
  notes: string[];
}

export interface SourceImportOutcome {
  importId: string;
  table: string;
  rows: number;
  mapping: SourceColumn[];
  notes: string[];
}

/** A table imported from a source, with what Refresh re-imports. */
export interface SourcedTable {
  table: string;
  source: string;
  selection: SourceSelection;
  importedAt: string;
  rows: number;
}
