import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import { DUCKDB_FILE, SQLITE_FILE } from '../paths.js';
import { tempDirs } from '../testing/temp-dir.js';
import { ProfileWorkerClient } from './profile-worker-client.js';
import { DUCKDB_LAYOUT_VERSION } from './duckdb-store.js';
import { profileSqliteMigrations } from './sqlite-migrations/index.js';
import { openSqliteStore } from './sqlite-store.js';

const temp = tempDirs();
after(() => temp.removeAll());

const SQLITE_VERSION = profileSqliteMigrations.length;
const DUCKDB_VERSION = DUCKDB_LAYOUT_VERSION;
/** Since layout 3 the app keeps nothing of its own in analytics.duckdb. */
const APP_FREE_SCHEMAS = ['main'];

const sizeOrAbsent = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

async function duckdbSchemas(dir: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path.join(dir, DUCKDB_FILE));
  try {
    const conn = await instance.connect();
    try {
      const reader = await conn.runAndReadAll(
        `SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database()
         AND schema_name NOT IN ('information_schema', 'pg_catalog') ORDER BY 1`,
      );
      return reader.getRowObjects().map((r) => String(r.schema_name));
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

describe('a profile worker', () => {
  const dir = temp.make();

  test('opens and migrates both databases, and close leaves no write-ahead log behind', async () => {
    const worker = await ProfileWorkerClient.start(dir);
    const overview = await worker.call('overview', undefined);
    assert.deepEqual(overview.counts, { tasks: 0, notes: 0, events: 0, tables: 0 });
    assert.deepEqual(overview.schema, { sqlite: SQLITE_VERSION, duckdb: DUCKDB_VERSION });
    await worker.close();

    assert.equal(sizeOrAbsent(path.join(dir, `${SQLITE_FILE}-wal`)), 0, 'data.sqlite-wal is empty or gone');
    assert.equal(fs.existsSync(path.join(dir, `${DUCKDB_FILE}.wal`)), false, 'analytics.duckdb.wal is gone');
    // Calls after close fail as a typed error rather than hanging.
    await assert.rejects(worker.call('overview', undefined), (e: unknown) => e instanceof AppException && e.code === 'STORAGE_ERROR');
  });

  test('data.sqlite is in WAL mode with the numbered migrations applied', () => {
    const db = new Database(path.join(dir, SQLITE_FILE), { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('user_version', { simple: true }), SQLITE_VERSION);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
        (t) => t.name,
      );
      for (const t of ['events', 'notes', 'tasks']) assert.ok(tables.includes(t), `table ${t}`);
      const taskColumns = (db.pragma('table_info(tasks)') as { name: string }[]).map((c) => c.name);
      assert.ok(taskColumns.includes('version') && taskColumns.includes('deleted_at'));
    } finally {
      db.close();
    }
  });

  test('analytics.duckdb holds none of the app\'s bookkeeping (no enclave_meta schema)', async () => {
    assert.deepEqual(await duckdbSchemas(dir), APP_FREE_SCHEMAS);
  });

  test('reopens the same files without applying a migration twice, and sees their data', async () => {
    const db = new Database(path.join(dir, SQLITE_FILE));
    db.prepare(
      "INSERT INTO notes (id, title, created_at, updated_at) VALUES ('01890a5d-ac96-774b-bcce-b302099a0001', 'kept', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')",
    ).run();
    db.close();

    const worker = await ProfileWorkerClient.start(dir);
    try {
      const overview = await worker.call('overview', undefined);
      assert.deepEqual(overview.counts, { tasks: 0, notes: 1, events: 0, tables: 0 });
      assert.deepEqual(overview.schema, { sqlite: SQLITE_VERSION, duckdb: DUCKDB_VERSION });
    } finally {
      await worker.close();
    }
    assert.deepEqual(await duckdbSchemas(dir), APP_FREE_SCHEMAS);
    assert.equal(fs.existsSync(path.join(dir, `${DUCKDB_FILE}.wal`)), false);
  });

  test('a file DuckDB itself shortened (free blocks cut off its end) is not taken for a truncated one', async () => {
    const own = temp.make();
    await (await ProfileWorkerClient.start(own)).close();
    const file = path.join(own, DUCKDB_FILE);
    const writer = await DuckDBInstance.create(file);
    const conn = await writer.connect();
    // A table ahead of the big one keeps blocks in use at the start of the file.
    await conn.run('CREATE TABLE keep AS SELECT range AS v FROM range(1000)');
    await conn.run('CHECKPOINT');
    await conn.run('CREATE TABLE big AS SELECT range AS v FROM range(3000000)');
    await conn.run('CHECKPOINT');
    await conn.run('DROP TABLE big');
    conn.closeSync();
    writer.closeSync(); // the closing checkpoint cuts the free blocks off the end
    const reader = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    // Every connection closed before the host opens the file: it is another process now,
    // and DuckDB's file lock (held while any connection lives) keeps other processes out.
    const readerConn = await reader.connect();
    try {
      const size = (await readerConn.runAndReadAll('PRAGMA database_size')).getRowObjectsJS()[0]!;
      // The situation itself: the header still counts blocks the file no longer holds.
      assert.ok(fs.statSync(file).size < Number(size.total_blocks) * Number(size.block_size), 'DuckDB shortened the file');
    } finally {
      readerConn.closeSync();
      reader.closeSync();
    }
    const worker = await ProfileWorkerClient.start(own);
    await worker.close();
  });

  test('a directory that cannot be opened fails start with STORAGE_ERROR', async () => {
    const missing = path.join(temp.make(), 'does-not-exist');
    await assert.rejects(ProfileWorkerClient.start(missing), (e: unknown) => e instanceof AppException && e.code === 'STORAGE_ERROR');
    assert.equal(fs.existsSync(missing), false);
  });
});

describe('the SQLite connection a worker uses', () => {
  // Per-connection settings cannot be read from another connection, so this opens the
  // store the way the worker does (same function) and asks the connection itself.
  test('has WAL, foreign keys on, a busy timeout and the migrations', () => {
    const dir = temp.make();
    const store = openSqliteStore(dir);
    try {
      assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
      assert.ok((store.db.pragma('busy_timeout', { simple: true }) as number) >= 1000);
      assert.equal(store.schemaVersion, SQLITE_VERSION);
    } finally {
      store.close();
    }
    assert.equal(sizeOrAbsent(path.join(dir, `${SQLITE_FILE}-wal`)), 0);
  });
});
