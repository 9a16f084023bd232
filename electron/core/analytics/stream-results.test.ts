// Streamed results (runQuery's `stream`, issue 16 item 10): the first page is answered
// as soon as DuckDB streams it, and the result is kept and counted in the background; the
// exact total, the rows past the first page, errors after the first page, the byte
// budget, cancelling and closing all still hold. Real sandboxed DuckDB in a temp dir.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppException, type ErrorCode } from '../../../shared/errors.js';
import { pageRows } from '../../../shared/wire.js';
import { openDuckdbStore, type DuckdbStore } from '../storage/duckdb-store.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { hostBudget, setHostBudget } from './host-limits.js';
import type { HistoryRecord } from './query-history.js';
import { QueryResults } from './query-results.js';

const dir = makeTempDir();
let store: DuckdbStore;
let results: QueryResults;
const history: HistoryRecord[] = [];

before(async () => {
  store = await openDuckdbStore(dir);
  results = new QueryResults(store, (r) => history.push(r));
});

after(async () => {
  await results.closeAll();
  await store.close();
  removeTempDir(dir);
});

const ROWS = 2_000_000;
const SORTED = `SELECT range AS v, 'row ' || range AS label FROM range(${ROWS}) ORDER BY v DESC`;

async function rejectsWith(p: Promise<unknown>, code: ErrorCode, re?: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppException, String(e));
    assert.equal(e.code, code, e.message);
    if (re) assert.match(e.message, re);
    return true;
  });
}

test('a streamed SELECT answers its first page while counting; the exact total and every row follow', async () => {
  const info = await results.run({ sql: SORTED, pageSize: 200, stream: true });
  assert.equal(info.counting, true, 'the first page came before the count');
  assert.equal(info.totalRows, 200);
  assert.deepEqual(pageRows(info.firstPage)[0], [String(ROWS - 1), `row ${ROWS - 1}`]);
  assert.equal(info.firstPage.rowCount, 200);
  // A page past what is kept so far waits for it rather than answering short.
  const last = await results.fetch(info.resultId, ROWS - 2, 10);
  assert.deepEqual(pageRows(last), [['1', 'row 1'], ['0', 'row 0']]);
  const total = await results.total(info.resultId, 200);
  assert.equal(total.totalRows, ROWS);
  assert.deepEqual(total.firstPage, info.firstPage, 'the kept first page is the streamed one');
  const middle = await results.fetch(info.resultId, 1_000_000, 3);
  assert.deepEqual(pageRows(middle).map((r) => r[0]), ['999999', '999998', '999997']);
  // The history notes the run with its exact count once known.
  assert.equal(history.at(-1)?.rowCount, ROWS);
  // Sorting the streamed result works over all of it.
  const sorted = await results.sortFilter(info.resultId, [{ column: 'v', direction: 'asc' }], [], undefined, 5);
  assert.equal(sorted.totalRows, ROWS);
  assert.equal(sorted.counting, false);
  assert.deepEqual(pageRows(sorted.firstPage).map((r) => r[0]), ['0', '1', '2', '3', '4']);
  await results.close(sorted.resultId);
  await results.close(info.resultId);
});

test('what need not stream does not: a result within the first page, a statement that is not a SELECT, a script', async () => {
  const small = await results.run({ sql: 'SELECT range AS v FROM range(50)', pageSize: 200, stream: true });
  assert.equal(small.counting, false);
  assert.equal(small.totalRows, 50);
  assert.equal((await results.total(small.resultId, 200)).totalRows, 50);
  assert.deepEqual(pageRows(await results.fetch(small.resultId, 45, 10)).flat(), ['45', '46', '47', '48', '49']);
  const made = await results.run({ sql: 'CREATE TABLE streamed_t AS SELECT range AS v FROM range(1000)', pageSize: 200, stream: true });
  assert.equal(made.counting, false);
  const script = await results.run({ sql: 'SELECT 1; SELECT range FROM range(5000)', pageSize: 200, stream: true });
  assert.equal(script.counting, false);
  assert.equal(script.totalRows, 5000);
  // Without `stream` nothing changes: the CLI and exports still get the count at once.
  const plain = await results.run({ sql: SORTED, pageSize: 200 });
  assert.equal(plain.counting, false);
  assert.equal(plain.totalRows, ROWS);
  for (const r of [small, made, script, plain]) await results.close(r.resultId);
});

test('an error after the first page fails the count and the pages past it: never a silently shorter result', async () => {
  const info = await results.run({
    sql: `SELECT CASE WHEN range = ${ROWS - 10} THEN error('row too far') ELSE range END AS v FROM range(${ROWS})`,
    pageSize: 100,
    stream: true,
  });
  assert.equal(info.counting, true);
  assert.equal(info.firstPage.rowCount, 100);
  await rejectsWith(results.total(info.resultId, 200), 'SQL_ERROR', /row too far/);
  await rejectsWith(results.fetch(info.resultId, ROWS - 100, 10), 'SQL_ERROR', /row too far/);
  assert.equal(history.at(-1)?.status, 'error');
  await results.close(info.resultId);
});

test('the byte budget on kept results holds for a stream: past it the result fails with LIMIT_REACHED', async () => {
  const saved = hostBudget();
  // 200 rows × 2 columns fit; 2M do not.
  setHostBudget({ ...saved, resultBytes: 1_000_000 });
  try {
    const info = await results.run({ sql: SORTED, pageSize: 200, stream: true });
    assert.equal(info.counting, true);
    await rejectsWith(results.total(info.resultId, 200), 'LIMIT_REACHED', /keeps for paging/);
    await results.close(info.resultId);
  } finally {
    setHostBudget(saved);
  }
});

test('cancelling a stream stops it; closing one mid-stream stops it too', async () => {
  const info = await results.run({ sql: `SELECT range AS v FROM range(${ROWS * 10}) ORDER BY v DESC`, pageSize: 200, stream: true, queryId: 'q-stream-cancel' });
  assert.equal(info.counting, true);
  assert.equal(results.cancel('q-stream-cancel'), true);
  await rejectsWith(results.total(info.resultId, 200), 'CANCELLED');
  assert.equal(results.cancel('q-stream-cancel'), false, 'the query id is gone once the stream ended');
  await results.close(info.resultId);

  const closing = await results.run({ sql: `SELECT range AS v FROM range(${ROWS * 10}) ORDER BY v DESC`, pageSize: 200, stream: true });
  assert.equal(closing.counting, true);
  await results.close(closing.resultId);
  await rejectsWith(results.total(closing.resultId, 200), 'NOT_FOUND');
});
