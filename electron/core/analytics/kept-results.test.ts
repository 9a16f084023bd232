// KeptResults: open results on real DuckDB connections, closed by hand, by age past the
// count limit or the host's result budget, and refused whole when one alone is too large.
import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import { hostBudget, setHostBudget } from './host-limits.js';
import { KeptResults } from './kept-results.js';
import { materialise, nextTable, type KeptConnection } from './result-slices.js';

const instance = await DuckDBInstance.create(':memory:');
after(() => instance.closeSync());

/** A kept result of `rows` rows of one BIGINT column, on a connection of its own. */
async function keepRows(results: KeptResults, rows: number) {
  const conn = await instance.connect();
  const kept: KeptConnection = { conn, users: 0 };
  const m = await materialise(conn, nextTable(), await conn.run(`SELECT range AS v FROM range(${rows})`), 10);
  const r = results.keep(kept, `rows ${rows}`, m);
  await r.filled;
  return { r, kept };
}

const notFound = (fn: () => unknown) => assert.throws(fn, (e: unknown) => e instanceof AppException && e.code === 'NOT_FOUND');

test('past 32 open results the least recently used closes; using a result keeps it', async () => {
  const results = new KeptResults();
  const first = await keepRows(results, 3);
  const second = await keepRows(results, 3);
  for (let i = 0; i < 30; i++) await keepRows(results, 3);
  results.get(first.r.id); // now the most recently used
  const last = await keepRows(results, 3);
  // An evicted result leaves the table at once (its tables drop in the background).
  notFound(() => results.get(second.r.id));
  assert.equal(results.get(first.r.id).totalRows, 3);
  assert.equal(results.get(last.r.id).totalRows, 3);
  await results.closeAll();
  notFound(() => results.get(first.r.id));
});

test('a result larger than the budget is refused before it keeps a row; several over it close the oldest', async () => {
  const saved = hostBudget();
  // 16 bytes a cell: 1,000 rows of one column are 16,000 bytes.
  setHostBudget({ ...saved, resultBytes: 40_000 });
  try {
    const results = new KeptResults();
    await assert.rejects(keepRows(results, 5_000), (e: unknown) => e instanceof AppException && e.code === 'LIMIT_REACHED' && /larger than/.test(e.message));
    const a = await keepRows(results, 1_000);
    const b = await keepRows(results, 1_000);
    const c = await keepRows(results, 1_000);
    notFound(() => results.get(a.r.id));
    assert.equal(results.get(b.r.id).totalRows, 1_000);
    assert.equal(results.get(c.r.id).totalRows, 1_000);
    await results.closeAll();
  } finally {
    setHostBudget(saved);
  }
});

test('closing drops the slices and closes the connection once its last result is gone', async () => {
  const results = new KeptResults();
  const { r, kept } = await keepRows(results, 10);
  const m = await materialise(kept.conn, nextTable(), await kept.conn.run('SELECT 1 AS one'), 10);
  const sibling = results.keep(kept, 'sibling', m);
  assert.equal(kept.users, 2);
  await results.close(r.id);
  assert.equal(kept.users, 1);
  const left = await kept.conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = '${r.slices[0]}'`);
  assert.equal(Number(left.getRows()[0]![0]), 0, 'the slice table was dropped');
  await results.close(sibling.id);
  assert.equal(kept.users, 0);
});
