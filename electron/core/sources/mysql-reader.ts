// MySQL and MariaDB through `mysql2`: values as the server's text (bytes as hex), the
// session in UTC, rows streamed (the socket pauses while a batch is appended), so memory
// stays bounded whatever the table's size.
import mysql from 'mysql2';
import type { Readable } from 'node:stream';
import { AppException } from '../../../shared/errors.js';
import type { NetworkAddress, SourceSelection, SourceTable } from '../../../shared/sources/sources.js';
import { BATCH_ROWS, driverError, sourceAuthFailed, sourceLost, sourceUnreachable, type SourceCursor, type SourceReader, type TextRow } from './source-reader.js';
import { mapMysqlColumn, type MysqlFieldInfo } from './type-map.js';
import { stripSemicolons } from './pg-reader.js';

const CONNECT_TIMEOUT_MS = 10_000;
const quoteIdent = (s: string) => `\`${s.replace(/`/g, '``')}\``;
const BYTES_TYPES = new Set(['TINY_BLOB', 'MEDIUM_BLOB', 'LONG_BLOB', 'BLOB', 'VAR_STRING', 'STRING', 'BIT', 'GEOMETRY']);

interface MysqlError {
  code?: string;
  errno?: number;
  message?: string;
  fatal?: boolean;
}

export function mysqlError(e: unknown, source: string, password: string | null, phase: 'connect' | 'read', hasCa = false): AppException {
  const d = driverError(e, source, password, hasCa);
  if ('known' in d) return d.known;
  const { code, message } = d;
  const err = (e ?? {}) as MysqlError;
  if (code === 'ER_ACCESS_DENIED_ERROR' || err.errno === 1045 || err.errno === 1698) return sourceAuthFailed(source);
  if (code === 'ER_BAD_DB_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') return sourceUnreachable(source, message);
  if (/^(PROTOCOL_CONNECTION_LOST|ECONNRESET|EPIPE|ER_CONNECTION_KILLED|ER_SERVER_SHUTDOWN|PROTOCOL_SEQUENCE_TIMEOUT)$/.test(code) || err.errno === 1927 || err.errno === 2013) {
    return phase === 'connect' ? sourceUnreachable(source, message) : sourceLost(source);
  }
  if (phase === 'connect' || /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EAI_AGAIN|HANDSHAKE_)/.test(code)) return sourceUnreachable(source, message);
  if (err.fatal) return sourceLost(source);
  return new AppException('SQL_ERROR', `Source "${source}": ${message}`);
}

type Conn = mysql.Connection;

export async function openMysqlReader(source: string, a: NetworkAddress, password: string | null, ca: string | null = null): Promise<SourceReader> {
  const conn: Conn = mysql.createConnection({
    host: a.host,
    port: a.port,
    user: a.user,
    database: a.database,
    ...(password !== null ? { password } : {}),
    // As for PostgreSQL: require with the source's own CA checks the chain against it, not the host.
    ...(a.tls === 'disable'
      ? {}
      : {
          ssl: {
            rejectUnauthorized: a.tls === 'verify-full' || ca !== null,
            ...(ca !== null ? { ca } : {}),
            ...(a.tls === 'require' && ca !== null ? { checkServerIdentity: () => undefined } : {}),
          },
        }),
    connectTimeout: CONNECT_TIMEOUT_MS,
    timezone: 'Z',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: false,
  });
  let lost = false;
  let streaming: Readable | null = null;
  // mysql2 reports a connection dropped under a streaming query on the connection only
  // (the query's rows just stop): the stream is failed here so that its reader hears of it.
  const drop = () => {
    lost = true;
    streaming?.destroy(sourceLost(source));
  };
  conn.on('error', drop);
  conn.on('end', drop);
  const query = <T>(sql: string, values?: unknown[]) =>
    new Promise<T>((resolve, reject) => conn.query(sql, values ?? [], (err, rows) => (err ? reject(err) : resolve(rows as T))));
  try {
    await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
    await query("SET time_zone = '+00:00'");
    // Read-only: a source query can read, never write.
    await query('SET SESSION TRANSACTION READ ONLY');
  } catch (e) {
    conn.destroy();
    throw mysqlError(e, source, password, 'connect', ca !== null);
  }
  const run = async <T>(sql: string, values?: unknown[]) => {
    try {
      return await query<T>(sql, values);
    } catch (e) {
      throw lost ? sourceLost(source) : mysqlError(e, source, password, 'read');
    }
  };

  /** information_schema's view of a table's columns: enum labels, JSON, UUID. */
  const tableColumns = async (schema: string, table: string) => {
    const rows = await run<{ n: string; ct: string; dt: string }[]>(
      'SELECT COLUMN_NAME AS n, COLUMN_TYPE AS ct, DATA_TYPE AS dt FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
      [schema, table],
    );
    return new Map(rows.map((r) => [r.n, r]));
  };

  return {
    async listTables(): Promise<SourceTable[]> {
      const rows = await run<{ s: string; n: string; t: string; r: number | string | null }[]>(
        `SELECT TABLE_SCHEMA AS s, TABLE_NAME AS n, TABLE_TYPE AS t, TABLE_ROWS AS r FROM information_schema.TABLES
          WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME`,
      );
      return rows.map((r) => ({ schema: r.s, name: r.n, kind: /VIEW/i.test(r.t) ? 'view' : 'table', rows: r.r === null ? null : Number(r.r) }));
    },

    async open(selection: SourceSelection, limit?: number): Promise<SourceCursor> {
      const inner = 'sql' in selection ? stripSemicolons(selection.sql) : `SELECT * FROM ${selection.schema ? `${quoteIdent(selection.schema)}.` : ''}${quoteIdent(selection.table)}`;
      const sql = `SELECT * FROM (${inner}) AS q${limit !== undefined ? ` LIMIT ${limit}` : ''}`;
      const declared = 'table' in selection ? await tableColumns(selection.schema ?? a.database, selection.table) : new Map<string, { ct: string; dt: string }>();
      let estimatedRows: number | null = null;
      if ('table' in selection) {
        const r = await run<{ r: number | string | null }[]>('SELECT TABLE_ROWS AS r FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', [
          selection.schema ?? a.database,
          selection.table,
        ]);
        estimatedRows = r[0]?.r == null ? null : Number(r[0].r);
        if (limit !== undefined && estimatedRows !== null) estimatedRows = Math.min(estimatedRows, limit);
      }
      const q = conn.query({
        sql,
        rowsAsArray: true,
        // Bytes (and text, which arrives the same way) as a Buffer, decided per column below.
        typeCast: (field, next) => (BYTES_TYPES.has(field.type) && field.extendedFormat !== 'json' ? field.buffer() : field.type ? field.string('utf8') : next()),
      });
      // The stream first: rows that arrive before anyone reads wait in it (the socket
      // pauses once it holds a batch) instead of being emitted to no one.
      const stream: Readable = q.stream({ highWaterMark: BATCH_ROWS });
      // An error is read through the iterator below; this keeps one that comes between from going unhandled.
      stream.on('error', () => undefined);
      streaming = stream;
      stream.once('end', () => {
        if (streaming === stream) streaming = null;
      });
      const fields = await new Promise<mysql.FieldPacket[]>((resolve, reject) => {
        q.once('fields', (f: mysql.FieldPacket[]) => resolve(f));
        stream.once('error', reject);
      }).catch((e: unknown) => {
        throw lost ? sourceLost(source) : mysqlError(e, source, password, 'read');
      });
      const columns = fields.map((f) => {
        const d = declared.get(f.name);
        const info: MysqlFieldInfo = {
          columnType: f.columnType ?? 253,
          columnLength: f.columnLength ?? 0,
          decimals: f.decimals,
          flags: typeof f.flags === 'number' ? f.flags : 0,
          characterSet: f.characterSet ?? 0,
          ...(d ? { columnTypeText: d.ct, dataType: d.dt } : {}),
          ...(f.extendedTypeName === 'uuid' ? { dataType: 'uuid' } : {}),
          ...(f.extendedFormat === 'json' || d?.dt === 'json' ? { isJson: true } : {}),
        };
        return mapMysqlColumn(f.name, info);
      });
      const hex = columns.map((c) => c.type === 'BLOB' || c.type === 'UBIGINT');
      const rows = stream[Symbol.asyncIterator]() as AsyncIterator<unknown[]>;
      let done = false;
      return {
        columns,
        estimatedRows,
        async next(): Promise<TextRow[] | null> {
          if (done) return null;
          const batch: TextRow[] = [];
          try {
            while (batch.length < BATCH_ROWS) {
              const r = await rows.next();
              if (r.done) {
                done = true;
                break;
              }
              batch.push(r.value.map((v, i) => (v === null || v === undefined ? null : Buffer.isBuffer(v) ? v.toString(hex[i] ? 'hex' : 'utf8') : String(v))));
            }
          } catch (e) {
            throw lost ? sourceLost(source) : mysqlError(e, source, password, 'read');
          }
          if (lost) throw sourceLost(source);
          return batch.length ? batch : null;
        },
      };
    },

    abort() {
      conn.destroy();
    },

    async close() {
      conn.off('end', drop);
      streaming = null;
      if (lost) {
        conn.destroy();
        return;
      }
      await new Promise<void>((resolve) => conn.end(() => resolve()));
      conn.destroy();
    },
  };
}
