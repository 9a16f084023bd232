// The first query on a fresh DuckDB instance (every CLI `query` opens one) is checked with
// the profile's macros read by the same scan of duckdb_functions() that reads the system
// functions (statement-policy.ts, stored-objects.ts macrosScanned): a macro planted before
// the open is refused on that very first query, and a clean one still runs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { AppException } from '../../../shared/errors.js';
import { pageRows } from '../../../shared/wire.js';
import { openDuckdbStore } from '../storage/duckdb-store.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { QueryResults } from './query-results.js';

const dir = makeTempDir();
after(() => removeTempDir(dir));

/** Macros an older version or a crafted file could hold, written without the sandbox. */
async function plant(): Promise<void> {
  const instance = await DuckDBInstance.create(path.join(dir, 'analytics.duckdb'));
  const conn = await instance.connect();
  await conn.run(`CREATE MACRO planted_scalar() AS current_setting('allowed_directories')`);
  await conn.run(`CREATE MACRO planted_tmacro() AS TABLE SELECT current_setting('temp_directory') AS p`);
  await conn.run(`CREATE MACRO clean_double(x) AS x * 2`);
  conn.closeSync();
  instance.closeSync();
}

/** Opens the profile's DuckDB afresh and runs `sql` as its first query. */
async function firstQuery(sql: string): Promise<unknown> {
  const store = await openDuckdbStore(dir);
  const results = new QueryResults(store);
  try {
    return pageRows((await results.run({ sql, pageSize: 10 })).firstPage);
  } catch (e) {
    return e instanceof AppException ? e.code : e;
  } finally {
    await results.closeAll();
    await store.close();
  }
}

test("a fresh instance's first query is checked against the macros planted before the open", async () => {
  await plant();
  assert.equal(await firstQuery('SELECT planted_scalar()'), 'PERMISSION_DENIED');
  assert.equal(await firstQuery('SELECT * FROM planted_tmacro()'), 'PERMISSION_DENIED');
  assert.deepEqual(await firstQuery('SELECT clean_double(21) AS v'), [['42']]);
});
