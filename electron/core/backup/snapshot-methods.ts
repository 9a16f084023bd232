// Host methods that snapshot a profile into an archive. The snapshot is taken
// while the profile stays open: SQLite through its online backup API, DuckDB by
// copying the database into a fresh file attached inside the sandbox's staging
// directory (the only place DuckDB may write). Calls that arrive meanwhile wait
// (storage/exclusive.ts), so both files show the profile at one moment.
import type { DuckDBConnection } from '@duckdb/node-api';
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveCounts } from '../../../shared/backups/backups.js';
import { AppException } from '../../../shared/errors.js';
import { STAGING_DIR } from '../analytics/sandbox.js';
import { quoteIdent, quoteLiteral } from '../analytics/sql-text.js';
import { DUCKDB_FILE, SQLITE_FILE } from '../paths.js';
import { openDatabase } from '../sqlite/open-database.js';
import { exclusively } from '../storage/exclusive.js';
import type { HostHandlerTable } from '../storage/profile-stores.js';

function sqliteCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${quoteIdent(t)}`).pluck().get() as number]));
}

async function duckdbCounts(conn: DuckDBConnection, database: string): Promise<Record<string, number>> {
  const tables = (
    await conn.runAndReadAll(
      'SELECT schema_name, table_name FROM system.main.duckdb_tables() WHERE database_name = $1 AND NOT temporary ORDER BY schema_name, table_name',
      [database],
    )
  ).getRows() as [string, string][];
  const counts: Record<string, number> = {};
  for (const [schema, table] of tables) {
    const r = await conn.runAndReadAll(`SELECT count(*)::BIGINT FROM ${quoteIdent(database)}.${quoteIdent(schema)}.${quoteIdent(table)}`);
    counts[`${schema}.${table}`] = Number(r.getRows()[0]![0]);
  }
  return counts;
}

async function currentDatabase(conn: DuckDBConnection): Promise<string> {
  return String((await conn.runAndReadAll('SELECT system.main.current_database()')).getRows()[0]![0]);
}

export const snapshotHandlers = {
  async writeArchive({ sqlite, duckdb }, request) {
    const work = path.join(duckdb.dir, STAGING_DIR, `snapshot-${randomUUID()}`);
    fs.mkdirSync(work, { mode: 0o700 });
    try {
      const files = { [SQLITE_FILE]: path.join(work, SQLITE_FILE), [DUCKDB_FILE]: path.join(work, DUCKDB_FILE) } as const;
      const counts: ArchiveCounts = { sqlite: {}, duckdb: {} };
      await exclusively(async () => {
        await sqlite.db.backup(files[SQLITE_FILE]);
        const alias = `enclave_snapshot_${randomUUID().replaceAll('-', '')}`;
        await duckdb.conn.run(`ATTACH ${quoteLiteral(files[DUCKDB_FILE])} AS ${alias}`);
        try {
          await duckdb.conn.run(`COPY FROM DATABASE ${quoteIdent(await currentDatabase(duckdb.conn))} TO ${alias}`);
          counts.duckdb = await duckdbCounts(duckdb.conn, alias);
          await duckdb.conn.run(`CHECKPOINT ${alias}`);
        } finally {
          await duckdb.conn.run(`DETACH ${alias}`);
        }
      });
      // The copy is a file of its own: one file, no write-ahead log beside it.
      const snap = openDatabase(files[SQLITE_FILE]);
      try {
        // Checked here, on the copy and with the profile running again, rather than at every open.
        const check = snap.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new AppException('STORAGE_ERROR', `data.sqlite is damaged (${String(check)}); no archive was written`);
        snap.pragma('journal_mode = DELETE');
        counts.sqlite = sqliteCounts(snap);
      } finally {
        snap.close();
      }
      // Loaded here, not with the host's analytics: the archive's manifest schema is the only
      // zod a host would load, and every query's host would pay for it (README, "The CLI").
      const { writeArchive } = await import('./archive.js');
      const bytes = await writeArchive(
        request.target,
        {
          appVersion: request.appVersion,
          createdAt: request.createdAt,
          profileName: request.profileName,
          schema: { sqlite: sqlite.schemaVersion, duckdb: duckdb.schemaVersion },
          counts,
        },
        files,
      );
      return { bytes, counts };
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  },

  async archiveCounts({ sqlite, duckdb }) {
    return {
      counts: { sqlite: sqliteCounts(sqlite.db), duckdb: await duckdbCounts(duckdb.conn, await currentDatabase(duckdb.conn)) },
      schema: { sqlite: sqlite.schemaVersion, duckdb: duckdb.schemaVersion },
    };
  },
} satisfies Partial<HostHandlerTable>;
