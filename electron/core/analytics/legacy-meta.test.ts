// Profiles written before DuckDB layout 3, and profiles someone tampered with: what user
// SQL (or a crafted archive) left in analytics.duckdb never decides how the app opens it.
import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { ProfileDamaged } from '../backup/damage.js';
import { DUCKDB_FILE } from '../paths.js';
import { DUCKDB_LAYOUT_VERSION } from '../storage/duckdb-store.js';
import { ProfileWorkerClient } from '../storage/profile-worker-client.js';
import { tempDirs } from '../testing/temp-dir.js';

const temp = tempDirs();
after(() => temp.removeAll());

async function withDuckdb(dir: string, sql: string[]): Promise<void> {
  const instance = await DuckDBInstance.create(path.join(dir, DUCKDB_FILE));
  const conn = await instance.connect();
  try {
    for (const s of sql) await conn.run(s);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

async function schemas(dir: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path.join(dir, DUCKDB_FILE), { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(`SELECT schema_name FROM system.main.duckdb_schemas() WHERE database_name = 'analytics' ORDER BY 1`))
      .getRowsJS()
      .flat()
      .map(String);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

// The layout 1–2 bookkeeping, as user SQL could leave it: a version from the future and a history.
const OLD_LAYOUT = [
  `CREATE SCHEMA enclave_meta`,
  `CREATE TABLE enclave_meta.schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
  `INSERT INTO enclave_meta.schema_version VALUES (1, now()), (2, now()), (99, now())`,
  `CREATE SEQUENCE enclave_meta.query_history_seq`,
  `CREATE TABLE enclave_meta.query_history (id BIGINT PRIMARY KEY DEFAULT nextval('enclave_meta.query_history_seq'), sql VARCHAR NOT NULL,
     started_at TIMESTAMPTZ NOT NULL, duration_ms DOUBLE NOT NULL, row_count BIGINT, status VARCHAR NOT NULL, error VARCHAR)`,
  `INSERT INTO enclave_meta.query_history VALUES (7, 'SELECT 1', TIMESTAMPTZ '2030-01-02 03:04:05.678+00', 1.5, 1, 'ok', NULL),
     (9, 'SELEC', TIMESTAMPTZ '2030-01-02 03:04:06+00', 0.5, NULL, 'error', 'Parser Error'), (10, 'x', now(), 1, NULL, 'pwned', NULL)`,
  `CREATE TABLE people AS SELECT 1 AS id`,
];

test('schema_version 99 in enclave_meta no longer locks a profile; its history moves to data.sqlite once', async () => {
  const dir = temp.make();
  await (await ProfileWorkerClient.start(dir)).close();
  await withDuckdb(dir, OLD_LAYOUT);
  const worker = await ProfileWorkerClient.start(dir);
  try {
    const overview = await worker.call('overview', undefined);
    assert.equal(overview.schema.duckdb, DUCKDB_LAYOUT_VERSION);
    assert.equal(overview.counts.tables, 1);
    const history = await worker.call('listQueryHistory', { limit: 10 });
    assert.deepEqual(
      history.map((h) => [h.id, h.sql, h.startedAt, h.status]),
      [
        [9, 'SELEC', '2030-01-02T03:04:06.000Z', 'error'],
        [7, 'SELECT 1', '2030-01-02T03:04:05.678Z', 'ok'],
      ],
    );
    // New entries continue after the carried-over ids.
    await worker.call('runQuery', { sql: 'SELECT 2', pageSize: 10 });
    assert.equal((await worker.call('listQueryHistory', { limit: 1 }))[0]!.id, 10);
  } finally {
    await worker.close();
  }
  assert.ok(!(await schemas(dir)).includes('enclave_meta'));
  // And again: nothing is carried over twice.
  const again = await ProfileWorkerClient.start(dir);
  try {
    assert.equal((await again.call('listQueryHistory', { limit: 10 })).length, 3);
  } finally {
    await again.close();
  }
});

test('macros shadowing the system functions the app calls are dropped at open; overview and table list answer', async () => {
  const dir = temp.make();
  await (await ProfileWorkerClient.start(dir)).close();
  const outside = temp.make();
  await withDuckdb(dir, [
    `CREATE TABLE mine AS SELECT 1 AS a`,
    `CREATE MACRO pragma_database_size() AS TABLE SELECT 'x' AS database_name, 'x' AS used_blocks, 'x' AS block_size`,
    `CREATE MACRO duckdb_tables() AS TABLE SELECT * FROM enable_logging(storage = 'file', storage_path = '${path.join(outside, 'logs')}')`,
    `CREATE MACRO current_database() AS 'nothing'`,
    `CREATE MACRO count_star() AS 'not a number'`,
  ]);
  const worker = await ProfileWorkerClient.start(dir);
  try {
    assert.equal((await worker.call('overview', undefined)).counts.tables, 1);
    const tables = await worker.call('listTables', undefined);
    assert.deepEqual(
      tables.map((t) => [t.name, t.rowCount]),
      [['mine', 1]],
    );
  } finally {
    await worker.close();
  }
  assert.deepEqual(fs.readdirSync(outside), []);
});

test('an analytics file that cannot be opened for any reason is PROFILE_DAMAGED, never a dead end', async () => {
  for (const damage of ['a directory', 'a storage version from elsewhere'] as const) {
    const dir = temp.make();
    await (await ProfileWorkerClient.start(dir)).close();
    const file = path.join(dir, DUCKDB_FILE);
    if (damage === 'a directory') {
      fs.rmSync(file);
      fs.mkdirSync(file);
    } else {
      // The main header's version number (after the 8-byte checksum and the "DUCK" magic).
      const fd = fs.openSync(file, 'r+');
      const version = Buffer.alloc(8);
      version.writeBigUInt64LE(999n);
      fs.writeSync(fd, version, 0, 8, 12);
      fs.closeSync(fd);
    }
    await assert.rejects(ProfileWorkerClient.start(dir), (e: unknown) => {
      assert.ok(e instanceof ProfileDamaged, `${damage}: ${String(e)}`);
      assert.deepEqual(
        e.damaged.map((d) => d.file),
        [DUCKDB_FILE],
      );
      assert.ok(!e.message.includes(dir), e.message);
      return true;
    });
  }
});
