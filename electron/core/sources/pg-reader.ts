// PostgreSQL through `pg`: one connection per browse, preview or import. Every value is
// read as the server's text (type parsers set on this connection only, never pg's global
// table), in a read-only transaction through a server-side cursor fetched in batches, so
// memory stays bounded whatever the table's size.
import { isIP } from 'node:net';
import pg from 'pg';
import type { NetworkAddress, SourceSelection, SourceTable } from '../../../shared/sources/sources.js';
import { AppException } from '../../../shared/errors.js';
import { BATCH_ROWS, driverError, sourceAuthFailed, sourceLost, sourceUnreachable, type SourceCursor, type SourceReader, type TextRow } from './source-reader.js';
import { copyToFile } from './pg-copy.js';
import { mapPgColumn, type PgTypeInfo } from './type-map.js';

const CONNECT_TIMEOUT_MS = 10_000;
const asText = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** A query as a subquery: without the trailing semicolons a person may type. */
export const stripSemicolons = (sql: string) => sql.replace(/[;\s]+$/, '');

/**
 * verify-full checks the certificate's chain and host; require alone checks nothing, but
 * require with the source's own CA checks the chain against it (libpq's verify-ca).
 */
export function tlsOption(a: NetworkAddress, ca: string | null): pg.ClientConfig['ssl'] {
  if (a.tls === 'disable') return false;
  const verify = a.tls === 'verify-full' || ca !== null;
  return {
    rejectUnauthorized: verify,
    // SNI takes a host name only (Node warns of an IP address, DEP0123).
    ...(isIP(a.host) ? {} : { servername: a.host }),
    ...(ca !== null ? { ca } : {}),
    ...(a.tls === 'require' && ca !== null ? { checkServerIdentity: () => undefined } : {}),
  };
}

export function pgError(e: unknown, source: string, password: string | null, phase: 'connect' | 'read', hasCa = false): AppException {
  const d = driverError(e, source, password, hasCa);
  if ('known' in d) return d.known;
  const { code, message } = d;
  if (code === '28P01' || code === '28000') return sourceAuthFailed(source);
  if (/^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EAI_AGAIN)$/.test(code) || /timeout expired|self.signed|certificate|SSL/i.test(message)) {
    if (phase === 'connect') return sourceUnreachable(source, message);
  }
  if (code === '3D000') return sourceUnreachable(source, message);
  // 57P01-57P03: the backend was terminated or the server is shutting down; 08xxx: connection exceptions.
  if (/^(57P0[123]|08\d\d\d|ECONNRESET|EPIPE)$/.test(code) || /Connection terminated|connection.*(closed|ended)|not queryable/i.test(message)) {
    return phase === 'connect' ? sourceUnreachable(source, message) : sourceLost(source);
  }
  if (phase === 'connect') return sourceUnreachable(source, message);
  return new AppException('SQL_ERROR', `Source "${source}": ${message}`);
}

export async function openPgReader(source: string, a: NetworkAddress, password: string | null, ca: string | null = null): Promise<SourceReader> {
  const client = new pg.Client({
    host: a.host,
    port: a.port,
    user: a.user,
    database: a.database,
    ...(password !== null ? { password } : {}),
    ssl: tlsOption(a, ca),
    types: asText,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'Enclave import',
  });
  // A dropped connection also fires 'error' on the client; the pending query reports it.
  let lost = false;
  client.on('error', () => {
    lost = true;
  });
  try {
    await client.connect();
    // Read-only for every statement of the session: a source query can read, never write.
    await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1; SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
  } catch (e) {
    await client.end().catch(() => undefined);
    throw pgError(e, source, password, 'connect', ca !== null);
  }
  const run = async <R extends pg.QueryResultRow = Record<string, string>>(text: string, values?: unknown[]) => {
    try {
      return await client.query<R>(text, values);
    } catch (e) {
      throw lost ? sourceLost(source) : pgError(e, source, password, 'read');
    }
  };
  const typeCache = new Map<string, PgTypeInfo>();
  const typeInfo = async (oid: number, typmod: number): Promise<PgTypeInfo> => {
    const key = `${oid}:${typmod}`;
    const cached = typeCache.get(key);
    if (cached) return cached;
    const r = await run<{ formatted: string; typtype: string; typelem: string; elemtyptype: string | null; elemformatted: string | null }>(
      `SELECT format_type(t.oid, $2::int) AS formatted, t.typtype, t.typelem, e.typtype AS elemtyptype,
              CASE WHEN t.typelem <> 0 AND t.typcategory = 'A' THEN format_type(t.typelem, $2::int) END AS elemformatted
         FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem WHERE t.oid = $1::oid`,
      [oid, typmod],
    );
    const row = r.rows[0];
    const labels = async (enumOid: string | number) =>
      (await run<{ l: string }>('SELECT enumlabel AS l FROM pg_enum WHERE enumtypid = $1::oid ORDER BY enumsortorder', [enumOid])).rows.map((x) => x.l);
    let info: PgTypeInfo = { formatted: row?.formatted ?? `type ${oid}`, typtype: row?.typtype ?? 'b' };
    if (row?.typtype === 'e') info = { ...info, enumLabels: await labels(oid) };
    if (row?.elemformatted) {
      const element: PgTypeInfo = { formatted: row.elemformatted, typtype: row.elemtyptype ?? 'b' };
      info = { ...info, element: row.elemtyptype === 'e' ? { ...element, enumLabels: await labels(row.typelem) } : element };
    }
    typeCache.set(key, info);
    return info;
  };

  return {
    async listTables(): Promise<SourceTable[]> {
      const r = await run<{ schema: string; name: string; kind: string; rows: string | null }>(
        `SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind,
                CASE WHEN c.relkind IN ('r', 'p', 'm') AND c.reltuples >= 0 THEN c.reltuples::bigint END AS rows
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            AND has_table_privilege(c.oid, 'SELECT')
          ORDER BY 1, 2`,
      );
      return r.rows.map((x) => ({ schema: x.schema, name: x.name, kind: x.kind === 'v' ? 'view' : 'table', rows: x.rows === null ? null : Number(x.rows) }));
    },

    async open(selection: SourceSelection, limit?: number): Promise<SourceCursor> {
      const inner = 'sql' in selection ? stripSemicolons(selection.sql) : `SELECT * FROM ${selection.schema ? `${quoteIdent(selection.schema)}.` : ''}${quoteIdent(selection.table)}`;
      const described = await run(`SELECT * FROM (${inner}) AS q LIMIT 0`);
      // One at a time: a connection runs one query at once (pg deprecates queueing them).
      const columns = [];
      for (const f of described.fields) columns.push(mapPgColumn(f.name, await typeInfo(f.dataTypeID, f.dataTypeModifier)));
      // The subquery's columns get positional aliases, so a query with two columns of one
      // name (or none) still reads each once.
      const aliases = columns.map((_, i) => quoteIdent(`c${i}`));
      const list = columns.map((c, i) => (c.select ? c.select(`q.${aliases[i]}`) : `q.${aliases[i]}`)).join(', ') || 'NULL';
      const sql = `SELECT ${list} FROM (${inner}) AS q(${aliases.join(', ')})${limit !== undefined ? ` LIMIT ${limit}` : ''}`;
      let estimatedRows: number | null = null;
      const plan = await run<{ 'QUERY PLAN': string }>(`EXPLAIN (FORMAT JSON) ${sql}`).catch(() => null);
      try {
        const parsed = plan ? (JSON.parse(String(plan.rows[0]?.['QUERY PLAN'])) as { Plan?: { 'Plan Rows'?: number } }[]) : null;
        estimatedRows = parsed?.[0]?.Plan?.['Plan Rows'] ?? null;
      } catch {
        estimatedRows = null;
      }
      // REPEATABLE READ: every batch sees the one snapshot the import started from.
      await run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let done = false;
      let declared = false;
      return {
        columns,
        estimatedRows,
        async next(): Promise<TextRow[] | null> {
          if (done) return null;
          // Declared at the first batch: an import that copies the rows never fetches them.
          if (!declared) await run(`DECLARE enclave_import NO SCROLL CURSOR FOR ${sql}`);
          declared = true;
          const r = await (async () => {
            try {
              return await client.query<TextRow>({ text: `FETCH FORWARD ${BATCH_ROWS} FROM enclave_import`, rowMode: 'array' });
            } catch (e) {
              throw lost ? sourceLost(source) : pgError(e, source, password, 'read');
            }
          })();
          if (r.rows.length < BATCH_ROWS) done = true;
          return r.rows.length ? r.rows : null;
        },
        ...(columns.length
          ? {
              async copyCsv(file: string, onRows: (rows: number) => void) {
                try {
                  return await copyToFile(client, `COPY (${sql}) TO STDOUT (FORMAT csv)`, file, onRows);
                } catch (e) {
                  throw lost ? sourceLost(source) : pgError(e, source, password, 'read');
                }
              },
            }
          : {}),
      };
    },

    abort() {
      // Closing the socket fails the pending FETCH at once; ending politely would wait for it.
      (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    },

    async close() {
      await client.end().catch(() => undefined);
    },
  };
}
