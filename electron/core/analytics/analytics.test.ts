// Analytics end to end through the router and the profiles' workers: isolation of
// two profiles, progress events, paging with no row cap, errors, browser, export.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type {
  ColumnProfile,
  ExportOutcome,
  ImportOutcome,
  ImportProgress,
  QueryHistoryEntry,
  QueryResultInfo,
  TableInfo,
} from '../../../shared/analysis/analytics.js';
import type { EventName } from '../../../shared/contract.js';
import { pageRows, type WirePage } from '../../../shared/wire.js';
import type { Enclave } from '../enclave.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { expectError, expectOk } from '../testing/results.js';
import { openUnlocked } from '../testing/unlocked-enclave.js';
import { AppException } from '../../../shared/errors.js';
import { readToken, writeToken } from '../testing/file-tokens.js';

const fixture = enclaveFixture('analytics');
const files = fixture.tempDir();
let dataDir: string;
const events: [number, EventName, unknown][] = [];
let enclave: Enclave;
const W_A = 1;
const W_B = 2;

const call = async <T>(w: number, channel: string, input?: unknown) => expectOk<T>(await enclave.handle(w, channel, input), channel);
const write = (name: string, content: string) => {
  const p = path.join(files, name);
  fs.writeFileSync(p, content);
  return p;
};

before(async () => {
  ({ enclave, dataDir } = await openUnlocked(fixture, [[W_A, 'Ana'], [W_B, 'Ben']], { events: (w, e, p) => void events.push([w, e, p]) }));
});

test('isolation: each profile sees only its own tickets table', async () => {
  const a = write('a_tickets.csv', 'id,title\n1,alpha printer\n2,alpha screen\n');
  const b = write('b_tickets.csv', 'id,title\n7,bravo only\n');
  await call<ImportOutcome>(W_A, 'startImport', { file: readToken(enclave, a, W_A), table: 'tickets' });
  await call<ImportOutcome>(W_B, 'startImport', { file: readToken(enclave, b, W_B), table: 'tickets' });
  const qa = await call<QueryResultInfo>(W_A, 'runQuery', { sql: 'SELECT * FROM tickets ORDER BY id' });
  const qb = await call<QueryResultInfo>(W_B, 'runQuery', { sql: 'SELECT * FROM tickets ORDER BY id' });
  assert.deepEqual(pageRows(qa.firstPage), [['1', 'alpha printer'], ['2', 'alpha screen']]);
  assert.deepEqual(pageRows(qb.firstPage), [['7', 'bravo only']]);
  await call(W_A, 'startImport', { file: readToken(enclave, a, W_A), table: 'only_in_a' });
  const err = expectError(await enclave.handle(W_B, 'runQuery', { sql: 'SELECT * FROM only_in_a' }), 'SQL_ERROR');
  assert.match(err.message, /only_in_a does not exist/);
  // Result ids are per profile too.
  expectError(await enclave.handle(W_B, 'fetchRows', { resultId: qa.resultId, offset: 0, limit: 10 }), 'NOT_FOUND');
  const progress = events.filter(([, e]) => e === 'importProgress');
  assert.ok(progress.length > 0);
  for (const [w, , p] of progress) {
    assert.equal((p as ImportProgress).phase === 'done' || (p as ImportProgress).phase === 'reading', true);
    assert.ok(w === W_A || w === W_B);
  }
  assert.ok(progress.some(([w]) => w === W_B) && progress.some(([w]) => w === W_A));
});

test('no row cap: true total, any page, sort and filter by generated SQL', async () => {
  const info = await call<QueryResultInfo>(W_A, 'runQuery', { sql: 'SELECT range AS n, range % 7 AS m FROM range(250000)', pageSize: 100 });
  assert.equal(info.totalRows, 250000);
  assert.equal(info.firstPage.rowCount, 100);
  const page = await call<WirePage>(W_A, 'fetchRows', { resultId: info.resultId, offset: 249990, limit: 50 });
  assert.deepEqual(pageRows(page).map((r) => r[0]), Array.from({ length: 10 }, (_, i) => String(249990 + i)));
  const sorted = await call<QueryResultInfo>(W_A, 'sortFilterResult', {
    resultId: info.resultId,
    sort: [{ column: 'n', direction: 'desc' }],
    filters: [{ column: 'm', op: '=', value: '3' }],
    pageSize: 2,
  });
  assert.match(sorted.sql, /WHERE "m" = CAST\('3' AS BIGINT\)\nORDER BY "n" DESC NULLS LAST/);
  assert.deepEqual(pageRows(sorted.firstPage), [['249994', '3'], ['249987', '3']]);
  const fromSql = await call<QueryResultInfo>(W_A, 'runQuery', { sql: sorted.sql, pageSize: 2 });
  assert.deepEqual(pageRows(fromSql.firstPage), pageRows(sorted.firstPage));
  assert.equal(fromSql.totalRows, sorted.totalRows);
  await call(W_A, 'closeResult', { resultId: info.resultId });
  expectError(await enclave.handle(W_A, 'fetchRows', { resultId: info.resultId, offset: 0, limit: 1 }), 'NOT_FOUND');
});

test('several statements, the last result returned; errors carry their position', async () => {
  const info = await call<QueryResultInfo>(W_A, 'runQuery', { sql: 'CREATE TABLE s AS SELECT 1 AS x; INSERT INTO s VALUES (2); SELECT sum(x) FROM s' });
  assert.equal(info.statementCount, 3);
  assert.deepEqual(pageRows(info.firstPage), [['3']]);
  const sql = 'SELECT 1;\nSELECT nosuch FROM s';
  const err = expectError(await enclave.handle(W_A, 'runQuery', { sql }), 'SQL_ERROR');
  assert.equal(err.position, sql.indexOf('nosuch'));
  const parse = expectError(await enclave.handle(W_A, 'runQuery', { sql: 'SELECT 1; SELEC 2' }), 'SQL_ERROR');
  assert.equal(parse.position, 'SELECT 1; '.length);
  const changed = await call<QueryResultInfo>(W_A, 'runQuery', { sql: 'INSERT INTO s VALUES (5), (6)' });
  assert.equal(changed.rowsChanged, 2);
  const history = await call<QueryHistoryEntry[]>(W_A, 'listQueryHistory', { limit: 3 });
  assert.equal(history[0]!.sql, 'INSERT INTO s VALUES (5), (6)');
  assert.equal(history[1]!.status, 'error');
  assert.match(history[1]!.error ?? '', /SELEC/);
});

test('cancelQuery interrupts a running query', { timeout: 60_000 }, async () => {
  const queryId = '9a1c2b1e-3d4a-4b5c-8d6e-7f8091a2b3c4';
  let settled = false;
  const running = enclave.handle(W_A, 'runQuery', { sql: 'SELECT count(*) FROM range(1000000000000) a', queryId }).finally(() => (settled = true));
  // cancelQuery answers cancelled: false until the host has registered the query; asking again
  // (each ask is a round trip to the profile's host) waits for that instead of a guessed sleep.
  // A cancel that arrives before DuckDB starts the statement is honoured too (QueryResults
  // interrupts until the run ends). The query never ends on its own: only the cancel ends it.
  while (!settled && !(await call<{ cancelled: boolean }>(W_A, 'cancelQuery', { queryId })).cancelled);
  expectError(await running, 'CANCELLED');
  // Nothing is left to cancel once it ended.
  assert.deepEqual(await call(W_A, 'cancelQuery', { queryId }), { cancelled: false });
  const history = await call<QueryHistoryEntry[]>(W_A, 'listQueryHistory', { limit: 1 });
  assert.equal(history[0]!.status, 'cancelled');
});

test('a cancel sent right behind its query is honoured, however early it reaches the host', { timeout: 60_000 }, async () => {
  // The host takes calls in order: the cancel arrives while the query is still opening its
  // connection, and must not be lost (a lost cancel leaves a query that never ends).
  for (const n of [1, 2, 3]) {
    const queryId = `9a1c2b1e-3d4a-4b5c-8d6e-7f8091a2b3c${n}`;
    const sql = `SELECT count(*) + ${n} FROM range(1000000000000) a`;
    const running = enclave.handle(W_A, 'runQuery', { sql, queryId });
    const cancel = enclave.handle(W_A, 'cancelQuery', { queryId });
    assert.deepEqual(expectOk(await cancel), { cancelled: true }, `try ${n}`);
    expectError(await running, 'CANCELLED');
    // However early the cancel landed, the run is in the history as cancelled.
    const [last] = await call<QueryHistoryEntry[]>(W_A, 'listQueryHistory', { limit: 1 });
    assert.deepEqual([last!.sql, last!.status], [sql, 'cancelled'], `try ${n}`);
  }
});

test('table browser, column profile and export', async () => {
  const tables = await call<TableInfo[]>(W_A, 'listTables');
  const tickets = tables.find((t) => t.name === 'tickets')!;
  assert.equal(tickets.rowCount, 2);
  // Checkpointed into the file by the listing: at least one whole block.
  assert.ok(tickets.bytes !== null && tickets.bytes >= 4096 && Number.isInteger(tickets.bytes), `bytes ${tickets.bytes}`);
  assert.deepEqual(tickets.columns.map((c) => [c.name, c.type]), [['id', 'BIGINT'], ['title', 'VARCHAR']]);
  assert.ok(tables.every((t) => t.schema !== 'enclave_meta'));
  const prof = await call<ColumnProfile>(W_A, 'profileColumn', { table: 'tickets', column: 'id' });
  assert.equal(prof.rows, 2);
  assert.equal(prof.min, '1');
  assert.equal(prof.max, '2');
  assert.equal(prof.histogram.reduce((n, b) => n + b.count, 0), 2);
  const text = await call<ColumnProfile>(W_A, 'profileColumn', { table: 'tickets', column: 'title' });
  assert.equal(text.top.length, 2);
  const out = path.join(files, 'tickets-out.csv');
  const ex = await call<ExportOutcome>(W_A, 'exportData', { source: { table: 'tickets' }, format: 'csv', file: writeToken(enclave, out, W_A) });
  assert.equal(ex.rows, 2);
  assert.equal(fs.readFileSync(out, 'utf8'), 'id,title\n1,alpha printer\n2,alpha screen\n');
  const pq = path.join(files, 'q.parquet');
  assert.equal((await call<ExportOutcome>(W_A, 'exportData', { source: { sql: 'SELECT 42 AS x' }, format: 'parquet', file: writeToken(enclave, pq, W_A) })).rows, 1);
  // JSON: one array of objects, every row.
  const js = path.join(files, 'tickets.json');
  assert.equal((await call<ExportOutcome>(W_A, 'exportData', { source: { table: 'tickets' }, format: 'json', file: writeToken(enclave, js, W_A) })).rows, 2);
  assert.deepEqual(JSON.parse(fs.readFileSync(js, 'utf8')), [
    { id: 1, title: 'alpha printer' },
    { id: 2, title: 'alpha screen' },
  ]);
  const back = await call<ImportOutcome>(W_A, 'startImport', { file: readToken(enclave, pq, W_A), table: 'back' });
  assert.equal(back.status === 'imported' && back.rows, 1);
  // Never into (or out of) the app's own data folder.
  assert.throws(() => writeToken(enclave, path.join(dataDir, 'x.csv'), W_A), (e: unknown) => e instanceof AppException && e.code === 'PERMISSION_DENIED');
  const sqlitePath = fs.readdirSync(path.join(dataDir, 'profiles')).map((p) => path.join(dataDir, 'profiles', p, 'data.sqlite'))[0]!;
  assert.throws(() => readToken(enclave, sqlitePath, W_A), (e: unknown) => e instanceof AppException && e.code === 'PERMISSION_DENIED');
  expectError(await enclave.handle(W_A, 'runQuery', { sql: `SELECT * FROM read_text('${sqlitePath}')` }), 'PERMISSION_DENIED');
});
