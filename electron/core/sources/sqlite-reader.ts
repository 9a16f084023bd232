// A SQLite file as a source: opened read-only (the person's file is never written),
// integers as BigInt (exact beyond 2^53), rows pulled from a statement iterator in batches.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppException } from '../../../shared/errors.js';
import type { SourceSelection, SourceTable } from '../../../shared/sources/sources.js';
import { nativeBinding } from '../sqlite/open-database.js';
import { BATCH_ROWS, sourceUnreachable, type SourceCursor, type SourceReader, type TextRow } from './source-reader.js';
import { stripSemicolons } from './pg-reader.js';
import { mapSqliteColumn } from './type-map.js';

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** Opens `file` read-only; refused when it lies inside the app's data folder (another profile's files live there). */
export function openSqliteReader(source: string, file: string, dataDir: string): SourceReader {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    throw sourceUnreachable(source, `the file ${path.basename(file)} is gone`);
  }
  let realData = dataDir;
  try {
    realData = fs.realpathSync(dataDir);
  } catch {
    // the data folder as given
  }
  if (isInside(real, realData)) throw new AppException('PERMISSION_DENIED', 'Files inside the app\'s data folder cannot be a source');
  let db: Database.Database;
  try {
    const binding = nativeBinding();
    db = new Database(real, { readonly: true, fileMustExist: true, ...(binding ? { nativeBinding: binding } : {}) });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    throw sourceUnreachable(source, `${path.basename(file)} is not a SQLite database it can read (${e instanceof Error ? e.message : String(e)})`);
  }
  const open: IterableIterator<unknown[]>[] = [];
  const sqlError = (e: unknown) => (e instanceof AppException ? e : new AppException('SQL_ERROR', `Source "${source}": ${e instanceof Error ? e.message : String(e)}`));
  return {
    async listTables(): Promise<SourceTable[]> {
      const rows = db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
        name: string;
        type: string;
      }[];
      return rows.map((r) => {
        // SQLite keeps no estimate; a table's count is cheap next to an import of it.
        let count: number | null = null;
        if (r.type === 'table') {
          try {
            count = Number((db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(r.name)}`).get() as { n: number }).n);
          } catch {
            count = null;
          }
        }
        return { schema: null, name: r.name, kind: r.type === 'view' ? 'view' : 'table', rows: count };
      });
    },

    async open(selection: SourceSelection, limit?: number): Promise<SourceCursor> {
      const inner = 'sql' in selection ? stripSemicolons(selection.sql) : `SELECT * FROM ${quoteIdent(selection.table)}`;
      let stmt: Database.Statement;
      try {
        stmt = db.prepare(`SELECT * FROM (${inner})${limit !== undefined ? ` LIMIT ${limit}` : ''}`);
      } catch (e) {
        throw sqlError(e);
      }
      if (!stmt.reader) throw new AppException('INVALID_INPUT', 'A source query must return rows', { field: 'from.sql' });
      stmt.safeIntegers(true).raw(true);
      const columns = stmt.columns().map((c) => mapSqliteColumn(c.name, c.type));
      const hex = columns.map((c) => c.type === 'BLOB');
      const estimatedRows = 'table' in selection ? Number((db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(selection.table)}`).get() as { n: number }).n) : null;
      const it = stmt.iterate() as IterableIterator<unknown[]>;
      open.push(it);
      let done = false;
      const text = (v: unknown, i: number): string | null => {
        if (v === null || v === undefined) return null;
        if (Buffer.isBuffer(v)) return v.toString(hex[i] ? 'hex' : 'utf8');
        if (hex[i]) return Buffer.from(String(v), 'utf8').toString('hex');
        return String(v);
      };
      return {
        columns,
        estimatedRows: limit !== undefined && estimatedRows !== null ? Math.min(limit, estimatedRows) : estimatedRows,
        async next(): Promise<TextRow[] | null> {
          if (done) return null;
          const batch: TextRow[] = [];
          try {
            while (batch.length < BATCH_ROWS) {
              const r = it.next();
              if (r.done) {
                done = true;
                break;
              }
              batch.push(r.value.map(text));
            }
          } catch (e) {
            throw sqlError(e);
          }
          return batch.length ? batch : null;
        },
      };
    },

    abort() {
      // Batches are synchronous: a cancel takes effect between them.
    },

    async close() {
      // An unfinished iterator keeps the connection busy; it must end before close.
      for (const it of open) it.return?.();
      db.close();
    },
  };
}
