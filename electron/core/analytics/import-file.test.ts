// Imports of real files in temp dirs into a real sandboxed DuckDB: each file either
// imports correctly or reports a clear error, and a failure leaves nothing behind.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { mock, test } from 'node:test';
import type { ImportOutcome, ImportProgress } from '../../../shared/analysis/analytics.js';
import { AppException, type ErrorCode } from '../../../shared/errors.js';
import { pageRows } from '../../../shared/wire.js';
import { duckdbKit } from '../testing/duckdb-kit.js';
import { profileColumn } from './column-profile.js';
import type { HostInput } from '../storage/worker-protocol.js';
import { Imports } from './import-file.js';
import { STAGING_DIR } from './sandbox.js';

const progress: ImportProgress[] = [];
const kit = duckdbKit((p) => progress.push(p));
const { files } = kit;

const file = (name: string, content: string | Buffer) => {
  const p = path.join(files, name);
  fs.writeFileSync(p, content);
  return p;
};
const rows = async (sql: string) => pageRows((await kit.results.run({ sql, pageSize: 1000 })).firstPage);
const tables = async () =>
  (await kit.store.conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY 1`)).getRowsJS().flat();
const start = (p: Partial<HostInput<'startImport'>> & { path: string }) => kit.imports.start({ onConflict: 'error', badRows: 'abort', ...p });
const imported = (o: ImportOutcome) => {
  assert.equal(o.status, 'imported', JSON.stringify(o));
  return o as Extract<ImportOutcome, { status: 'imported' }>;
};
async function expectFailure(run: () => Promise<unknown>, code: ErrorCode, re?: RegExp) {
  const before = await tables();
  await assert.rejects(run(), (e: unknown) => {
    assert.ok(e instanceof AppException, String(e));
    assert.equal(e.code, code, e.message);
    if (re) assert.match(e.message, re);
    return true;
  });
  assert.deepEqual(await tables(), before, 'a failed import left a table behind');
  assert.deepEqual(fs.readdirSync(path.join(kit.store.dir, STAGING_DIR)), [], 'staging not cleaned');
}

test('quoting, embedded newlines, UTF-8 and CRLF', async () => {
  const p = file('tricky.csv', 'id,name,note\r\n1,"Smith, J.","said ""hi""\r\nthen left"\r\n2,Zoë 🦆,"日本語"\r\n');
  const preview = await kit.imports.preview(p);
  assert.deepEqual(preview.columns.map((c) => [c.name, c.type.id]), [['id', 'BIGINT'], ['name', 'VARCHAR'], ['note', 'VARCHAR']]);
  assert.equal(preview.detected?.delimiter, ',');
  assert.equal(preview.suggestedTable, 'tricky');
  const o = imported(await start({ path: p }));
  assert.equal(o.rows, 2);
  assert.deepEqual(await rows('SELECT * FROM tricky ORDER BY id'), [
    ['1', 'Smith, J.', 'said "hi"\r\nthen left'],
    ['2', 'Zoë 🦆', '日本語'],
  ]);
  assert.deepEqual(fs.readdirSync(path.join(kit.store.dir, STAGING_DIR)), []);
});

test('the preview says how many rows the import brings in: counted (quoted newlines are not rows), or estimated', async () => {
  assert.deepEqual((await kit.imports.preview(file('two.csv', 'a,b\n1,"x\ny"\n2,z\n'))).rows, { count: 2, exact: true });
  const lines = ['id,note', ...Array.from({ length: 240 }, (_, i) => `${i},"line\n${i}"`)];
  assert.deepEqual((await kit.imports.preview(file('many.csv', `${lines.join('\n')}\n`))).rows, { count: 240, exact: true });
  // Without a header row every line is a row; skipped lines are not.
  // More lines than a big file's preview stages (4 × 20,480), in a file small enough to count: every one counted.
  const many = Array.from({ length: 120_000 }, (_, i) => `${i},x`).join('\n');
  assert.deepEqual((await kit.imports.preview(file('many_lines.csv', `n,s\n${many}\n`))).rows, { count: 120_000, exact: true });
  const plain = Array.from({ length: 150 }, (_, i) => `${i},${i * 2}`).join('\n');
  assert.deepEqual((await kit.imports.preview(file('plain.csv', plain), { csv: { header: false, skipRows: 3 } })).rows, { count: 147, exact: true });
});

test('TSV, overrides, and name collisions: error, rename, append, replace', async () => {
  const p = file('people data.tsv', 'a\tb\n1\t2024-01-02\n');
  const preview = await kit.imports.preview(p, { columnTypes: { b: 'VARCHAR' } });
  assert.deepEqual(preview.columns.map((c) => c.type.id), ['BIGINT', 'VARCHAR']);
  assert.equal(imported(await start({ path: p })).table, 'people_data');
  await expectFailure(() => start({ path: p }), 'ALREADY_EXISTS');
  assert.equal(imported(await start({ path: p, onConflict: 'rename' })).table, 'people_data_2');
  assert.equal(imported(await start({ path: p, onConflict: 'append' })).rows, 1);
  assert.deepEqual(await rows('SELECT count(*) FROM people_data'), [['2']]);
  assert.equal(imported(await start({ path: p, onConflict: 'replace', table: 'People Data!' })).table, 'People_Data');
  assert.deepEqual(await rows('SELECT count(*) FROM people_data'), [['1']]);
  const h = imported(await start({ path: p, table: 'no_header', options: { csv: { header: false, delimiter: '\t' } } }));
  assert.equal(h.rows, 2);
});

test('empty file and header-only file', async () => {
  await expectFailure(() => start({ path: file('empty.csv', '') }), 'INVALID_INPUT', /empty/);
  const o = imported(await start({ path: file('header_only.csv', 'a,b,c\n') }));
  assert.equal(o.rows, 0);
  assert.deepEqual(await rows(`SELECT column_name FROM duckdb_columns() WHERE table_name = 'header_only' ORDER BY column_index`), [['a'], ['b'], ['c']]);
});

test('ragged rows and wrong types: reported, then the good rows on request', async () => {
  const p = file('ragged.csv', 'id,day\n1,2024-01-01\n2,2024-01-02\n3\nfour,2024-01-04\n5,2024-01-05\n');
  const types = { columnTypes: { id: 'INTEGER', day: 'DATE' } };
  const tablesBefore = await tables();
  const r = await start({ path: p, options: types });
  assert.equal(r.status, 'rejected');
  if (r.status !== 'rejected') return;
  assert.equal(r.rejected.rows, 2);
  assert.ok(r.rejected.byType['MISSING COLUMNS'] && r.rejected.byType.CAST, JSON.stringify(r.rejected.byType));
  assert.ok(r.rejected.samples.every((s) => !s.message.includes(STAGING_DIR)));
  assert.deepEqual(await tables(), tablesBefore, 'a rejected import left a table');
  const ok = imported(await start({ path: p, options: types, badRows: 'skip' }));
  assert.equal(ok.rows, 3);
  assert.equal(ok.rejected?.rows, 2);
  assert.deepEqual(await rows('SELECT id FROM ragged ORDER BY id'), [['1'], ['2'], ['5']]);
});

test('a file that is not CSV at all, and a missing file', async () => {
  await expectFailure(() => start({ path: file('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0])) }), 'INVALID_INPUT', /binary/);
  await expectFailure(() => start({ path: file('broken.parquet', 'not parquet at all') }), 'SQL_ERROR', /broken\.parquet/);
  await expectFailure(() => start({ path: path.join(files, 'missing.csv') }), 'NOT_FOUND');
  await expectFailure(() => start({ path: file('bad.json', '{"a": 1,,,') }), 'SQL_ERROR', /bad\.json/);
});

test('Parquet, JSON and NDJSON', async () => {
  const parquet = path.join(files, 'from_duck.parquet');
  // Written by a throwaway unsandboxed instance: the profile's own may not write there.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const free = await DuckDBInstance.create(':memory:');
  const c = await free.connect();
  await c.run(`COPY (SELECT i AS n, (i::DECIMAL(10,2) / 3)::DECIMAL(10,2) AS d FROM range(1000) t(i)) TO '${parquet}'`);
  c.closeSync();
  free.closeSync();
  assert.deepEqual((await kit.imports.preview(parquet)).rows, { count: 1000, exact: true });
  assert.equal(imported(await start({ path: parquet })).rows, 1000);
  assert.deepEqual(await rows('SELECT sum(n), max(d) FROM from_duck'), [['499500', '333.00']]);
  const json = file('list.json', '[{"a": 1, "b": "x"}, {"a": 2, "b": null}]');
  assert.equal(imported(await start({ path: json })).rows, 2);
  const nd = file('lines.ndjson', '{"a": 1, "tags": ["x"]}\n{"a": 2, "tags": []}\n');
  const preview = await kit.imports.preview(nd, { columnTypes: { a: 'SMALLINT' } });
  assert.deepEqual(preview.columns.map((c) => c.type.sql), ['SMALLINT', 'VARCHAR[]']);
  assert.equal(imported(await start({ path: nd })).rows, 2);
  assert.deepEqual(await rows('SELECT tags FROM lines ORDER BY a'), [[['x']], [[]]]);
});

/**
 * Runs `run` with the import's progress poll (a setInterval) on a fake clock advanced once per
 * turn of the event loop: how many polls land while DuckDB reads no longer depends on the
 * machine's speed or load. `until` ends the ticking.
 */
async function withTickedProgress<T>(run: () => Promise<T>, until: () => boolean, stepMs: number): Promise<T> {
  mock.timers.enable({ apis: ['setInterval'] });
  try {
    let settled = false;
    const running = run().finally(() => {
      settled = true;
    });
    while (!settled && !until()) {
      mock.timers.tick(stepMs);
      await new Promise<void>((r) => setImmediate(r));
    }
    return await running;
  } finally {
    mock.timers.reset();
  }
}

test('cancel mid-import leaves nothing', async () => {
  const p = path.join(files, 'big.csv');
  const fd = fs.openSync(p, 'w');
  const block = Array.from({ length: 20000 }, (_, i) => `${i},name ${i},${i * 0.5},2024-01-01`).join('\n') + '\n';
  fs.writeSync(fd, 'id,name,v,day\n');
  for (let i = 0; i < 150; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
  const before = await tables();
  const importId = '11111111-2222-4333-8444-555555555555';
  const seen: ImportProgress[] = [];
  // The barrier: cancel from the progress sink as soon as DuckDB reports bytes of the file
  // read, so the cancel provably lands in the middle of the read (no sleep, no guess).
  let cancelledAt: ImportProgress | null = null;
  const cancelling = new Imports(
    kit.store,
    (e) => {
      seen.push(e);
      if (cancelledAt === null && e.phase === 'reading' && e.bytesRead > 0) {
        cancelledAt = e;
        assert.equal(cancelling.cancel(importId), true, 'the import is running when its progress says so');
      }
    },
    10,
  );
  const outcome = withTickedProgress(
    () => cancelling.start({ path: p, importId, table: 'big_cancelled', onConflict: 'error', badRows: 'abort' }),
    () => cancelledAt !== null,
    10,
  );
  await assert.rejects(outcome, (e: unknown) => e instanceof AppException && e.code === 'CANCELLED');
  const at = cancelledAt as ImportProgress | null;
  assert.ok(at !== null && at.bytesRead < at.totalBytes, `cancelled mid-read: ${JSON.stringify(at)}`);
  assert.deepEqual(await tables(), before);
  assert.equal(seen.at(-1)?.phase, 'cancelled');
  assert.ok(seen.every((e) => e.importId === importId));
  assert.deepEqual(fs.readdirSync(path.join(kit.store.dir, STAGING_DIR)), []);
  assert.equal(cancelling.cancel(importId), false);
});

const columnsOf = async (table: string) =>
  rows(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`);

test('renames and type overrides land in the import statement itself', async () => {
  const p = file('renamed.csv', 'a,b,c\n1,2024-01-02,x\n2,2024-01-03,y\n');
  const o = imported(
    await start({ path: p, options: { columnTypes: { b: 'VARCHAR', a: 'INTEGER' }, columnNames: { a: 'Amount', b: ' Day text ', c: 'c' } } }),
  );
  assert.equal(o.rows, 2);
  assert.deepEqual(await columnsOf('renamed'), [['Amount', 'INTEGER'], ['Day text', 'VARCHAR'], ['c', 'VARCHAR']]);
  assert.deepEqual(await rows('SELECT "Amount", "Day text" FROM renamed ORDER BY 1'), [['1', '2024-01-02'], ['2', '2024-01-03']]);
  // Atomic: one CREATE TABLE AS, no ALTER afterwards (DuckDB would record the rename
  // in the table's SQL as a second statement; the catalog's SQL names the final columns).
  const [[sql]] = (await kit.store.conn.runAndReadAll(`SELECT sql FROM duckdb_tables() WHERE table_name = 'renamed'`)).getRowsJS() as [[string]];
  assert.match(sql, /"Day text" VARCHAR/);
  // Swapping two names is fine; appending goes by the new names.
  const swapped = imported(await start({ path: p, table: 'swapped', options: { columnNames: { a: 'c', c: 'a' } } }));
  assert.deepEqual(await rows(`SELECT a, c FROM ${swapped.table} ORDER BY c`), [['x', '1'], ['y', '2']]);
  imported(await start({ path: p, table: 'renamed', onConflict: 'append', options: { columnNames: { a: 'Amount', b: 'Day text' } } }));
  assert.deepEqual(await rows('SELECT count(*) FROM renamed'), [['4']]);
  // Other readers rename (and cast) the same way.
  const nd = file('renamed_lines.ndjson', '{"a": 1, "b": "x"}\n{"a": 2, "b": "y"}\n');
  imported(await start({ path: nd, options: { columnTypes: { a: 'SMALLINT' }, columnNames: { a: 'n', b: 'label' } } }));
  assert.deepEqual(await columnsOf('renamed_lines'), [['n', 'SMALLINT'], ['label', 'VARCHAR']]);
});

test('bad names are refused before anything is written, and a failing renamed import leaves nothing', async () => {
  const p = file('to_rename.csv', 'a,b\n1,2\n3,oops\n');
  const refused = async (columnNames: Record<string, string>, re: RegExp) => {
    await expectFailure(() => start({ path: p, options: { columnNames } }), 'INVALID_INPUT', re);
    await assert.rejects(start({ path: p, options: { columnNames } }), (e: unknown) => e instanceof AppException && e.extra.field === 'options.columnNames');
  };
  await refused({ a: '   ' }, /needs a name/);
  await refused({ a: 'B' }, /Two columns would be named b/i);
  await refused({ a: 'x', b: 'X' }, /Two columns would be named x/i);
  await refused({ zzz: 'x' }, /no column named zzz/);
  await refused({ a: 'n'.repeat(256) }, /longer than 255/);
  // Renamed and typed, a row does not fit: nothing imported, and no table left behind.
  const before = await tables();
  const r = await start({ path: p, options: { columnTypes: { b: 'BIGINT' }, columnNames: { b: 'qty' } } });
  assert.equal(r.status, 'rejected');
  assert.deepEqual(await tables(), before);
  await expectFailure(
    () => start({ path: file('renamed_broken.parquet', 'not parquet'), options: { columnNames: { a: 'b' } } }),
    'SQL_ERROR',
    /renamed_broken\.parquet/,
  );
});

test('progress: bytes never run backwards and the import ends at 100%', async () => {
  const p = path.join(files, 'progress.csv');
  const fd = fs.openSync(p, 'w');
  fs.writeSync(fd, 'id,name,v,day\n');
  const block = Array.from({ length: 10000 }, (_, i) => `${i},name ${i},${i * 0.5},2024-01-0${1 + (i % 9)}`).join('\n') + '\n';
  for (let i = 0; i < 20; i++) fs.writeSync(fd, block); // about 6 MB
  fs.closeSync(fd);
  const seen: ImportProgress[] = [];
  const polled = new Imports(kit.store, (e) => seen.push(e), 10);
  const total = fs.statSync(p).size;
  const midRead = (e: ImportProgress) => e.phase === 'reading' && e.bytesRead > 0 && e.bytesRead < total;
  // The poll is ticked once per event-loop turn until DuckDB has reported part of the file:
  // the test sees a progress report from the middle of the read however fast the machine is.
  const o = imported(
    await withTickedProgress(() => polled.start({ path: p, table: 'progress_rows', onConflict: 'error', badRows: 'abort' }), () => seen.some(midRead), 10),
  );
  assert.equal(o.rows, 200_000);
  assert.ok(seen.some(midRead), `a report from the middle of the read: ${JSON.stringify(seen)}`);
  for (let i = 1; i < seen.length; i++) {
    assert.ok(seen[i]!.bytesRead >= seen[i - 1]!.bytesRead, `bytes went backwards: ${JSON.stringify(seen.slice(i - 1, i + 1))}`);
    assert.ok(seen[i]!.elapsedMs >= seen[i - 1]!.elapsedMs);
  }
  assert.ok(seen.every((e) => e.totalBytes === total && e.bytesRead <= total && e.importId === o.importId));
  assert.deepEqual({ phase: seen.at(-1)!.phase, bytes: seen.at(-1)!.bytesRead, rows: seen.at(-1)!.rows }, { phase: 'done', bytes: total, rows: 200_000 });
});

test('the preview carries the same wire columns and cells as a query of the imported table', async () => {
  const p = file(
    'typed.csv',
    'n,big,price,ratio,day,at,at_tz,flag,label\n' +
      '1,9007199254740993,12.50,0.1,2024-02-29,2024-01-02 03:04:05.678901,2024-07-01 12:00:00.5+02,true,x\n' +
      '2,,,-1e300,,,,false,\n',
  );
  const options = { columnTypes: { price: 'DECIMAL(10,2)', at_tz: 'TIMESTAMPTZ' } };
  const preview = await kit.imports.preview(p, options);
  assert.equal(preview.timeZone, kit.store.timeZone);
  const o = imported(await start({ path: p, options }));
  const info = await kit.results.run({ sql: `SELECT * FROM ${o.table} ORDER BY n`, pageSize: 10 });
  assert.deepEqual(preview.columns, info.columns);
  assert.deepEqual(preview.page.columns, info.firstPage.columns);
  assert.equal(info.columns.find((c) => c.name === 'at_tz')?.type.id, 'TIMESTAMP_TZ');
  // The column profile names the same wire type and the profile's zone.
  const profiled = await profileColumn(kit.store.conn, 'main', o.table, 'at_tz', kit.store.timeZone);
  assert.deepEqual(profiled.wireType, info.columns.find((c) => c.name === 'at_tz')?.type);
  assert.equal(profiled.timeZone, kit.store.timeZone);
  assert.equal(profiled.min, info.firstPage.columns[6]![0]);
});

/** Every statement the preview or import sends DuckDB, from the connections it opens or borrows. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  // runAndReadAll calls run itself (synchronously, before its first await): one statement is recorded once.
  let nested = false;
  const watch = (conn: DuckDBConnection) => {
    for (const name of ['run', 'runAndReadAll'] as const) {
      const original = conn[name].bind(conn) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
      mock.method(conn, name, (sql: string, ...rest: unknown[]) => {
        if (nested) return original(sql, ...rest);
        seen.push(sql);
        nested = true;
        try {
          return original(sql, ...rest);
        } finally {
          nested = false;
        }
      });
    }
    return conn;
  };
  const connect = kit.store.instance.connect.bind(kit.store.instance);
  mock.method(kit.store.instance, 'connect', async () => watch(await connect()));
  for (const c of kit.store.importConns) watch(c);
  try {
    await run();
  } finally {
    mock.restoreAll();
  }
  return seen;
}

test('the preview and the import sniff a CSV once and read with its result (issue 16 item 8)', async () => {
  const header = ['id', "it's", 'a, b', 'when'];
  const p = file('sniff_once.csv', `${header.map((h) => `"${h.replaceAll('"', '""')}"`).join(',')}\r\n1,"",x,2024-01-02\r\n2,,"q""t",2024-01-03\r\n`);
  const variants: Parameters<Imports['preview']>[1][] = [{}, { columnTypes: { id: 'VARCHAR' } }, { csv: { delimiter: ',', nullString: 'x' } }];
  for (const options of variants) {
    const sql = await statementsOf(() => kit.imports.preview(p, options));
    const sniffs = sql.filter((s) => /sniff_csv\(|read_csv\((?![^)]*auto_detect = false)/.test(s));
    assert.equal(sniffs.length, 1, `one detection per preview (${JSON.stringify(options)}):\n${sql.join('\n')}`);
    assert.match(sniffs[0]!, /sniff_csv\(/);
  }
  // What the one sniff saw is what the preview shows and the import brings in, names with quotes and commas too.
  const preview = await kit.imports.preview(p, { columnTypes: { id: 'VARCHAR' } });
  assert.deepEqual(preview.columns.map((c) => [c.name, c.type.id]), [['id', 'VARCHAR'], ["it's", 'VARCHAR'], ['a, b', 'VARCHAR'], ['when', 'DATE']]);
  assert.deepEqual(pageRows(preview.page), [['1', '', 'x', '2024-01-02'], ['2', null, 'q"t', '2024-01-03']]);
  assert.equal(preview.detected?.delimiter, ',');
  let outcome: ImportOutcome | undefined;
  const sql = await statementsOf(async () => {
    outcome = await start({ path: p, options: { columnTypes: { id: 'VARCHAR' }, columnNames: { 'a, b': 'ab' } } });
  });
  assert.equal(sql.filter((s) => /sniff_csv\(|read_csv\((?![^)]*auto_detect = false)|DESCRIBE/.test(s)).length, 1, sql.join('\n'));
  const o = imported(outcome!);
  assert.deepEqual(await rows(`SELECT * FROM ${o.table} ORDER BY id`), pageRows(preview.page));
  assert.deepEqual((await columnsOf(o.table)).map(([n]) => n), ['id', "it's", 'ab', 'when']);
});

test('an import reads its file once and never reads the new table back: the row count is the CREATE TABLE … AS answer (issue 16)', async () => {
  const csv = file('read_once.csv', `id,name\n${Array.from({ length: 3000 }, (_, i) => `${i},"n${i}"`).join('\n')}\n`);
  const parquet = path.join(files, 'read_once.parquet');
  // Written by a throwaway unsandboxed instance: the profile's own may not write there.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const free = await DuckDBInstance.create(':memory:');
  const c = await free.connect();
  await c.run(`COPY (SELECT range AS id FROM range(1234)) TO '${parquet}' (FORMAT parquet)`);
  c.closeSync();
  free.closeSync();
  const cases = [
    { path: csv, rows: 3000, table: 'read_once_csv' },
    { path: parquet, rows: 1234, table: 'read_once_parquet' },
    // A replace answers the new table's rows; a file of only a header answers 0.
    { path: csv, rows: 3000, table: 'read_once_csv', onConflict: 'replace' as const },
    { path: file('read_once_empty.csv', 'id,name\n'), rows: 0, table: 'read_once_empty' },
  ];
  for (const c of cases) {
    let outcome: ImportOutcome | undefined;
    const sql = await statementsOf(async () => {
      outcome = await start({ path: c.path, table: c.table, ...(c.onConflict ? { onConflict: c.onConflict } : {}) });
    });
    assert.equal(imported(outcome!).rows, c.rows);
    assert.deepEqual(await rows(`SELECT count(*) FROM ${c.table}`), [[String(c.rows)]]);
    const readsTable = sql.filter((s) => new RegExp(`FROM\\s+"?${c.table}"?(\\s|$)`, 'i').test(s));
    assert.deepEqual(readsTable, [], `the import read its new table again:\n${sql.join('\n')}`);
    assert.equal(sql.filter((s) => /read_(csv|parquet)\(/.test(s)).length, 1, sql.join('\n'));
  }
});

test("reads dates as DuckDB's own detection does: a sniffed ISO date format is not applied as strptime", async () => {
  // Past the sniffer's sample (20,480 rows), values an ISO cast reads and strptime('%Y-%m-%d')
  // reads differently: infinity (strptime: 1900-01-01), a time of day, a 5-digit or huge year.
  const tail = ['infinity', '-infinity', '2020-01-05 00:00:00', '02020-01-05', '5877642-06-25', '2020-1-5', 'not a date'];
  const day = (i: number) => `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`;
  const slashed = (i: number) => `${String(1 + (i % 28)).padStart(2, '0')}/01/2020`;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const free = await DuckDBInstance.create(':memory:');
  const bare = await free.connect();
  try {
    for (const [name, value] of [['iso_dates', day], ['dmy_dates', slashed]] as const) {
      const lines = ['n,d', ...Array.from({ length: 25_000 }, (_, i) => `${i},${value(i)}`), ...tail.map((t, k) => `${25_000 + k},${t}`)];
      const p = file(`${name}.csv`, `${lines.join('\n')}\n`);
      // DuckDB's own auto-detecting read, rejecting what it cannot read, is the reference.
      const reference = await bare.runAndReadAll(`SELECT n::VARCHAR, d::VARCHAR FROM read_csv('${p}', store_rejects = true) WHERE n >= 25000 ORDER BY n`);
      const o = await start({ path: p, badRows: 'skip' });
      assert.equal(o.status, 'imported', JSON.stringify(o));
      assert.deepEqual(await rows(`SELECT n, d::VARCHAR FROM ${name} WHERE n >= 25000 ORDER BY n`), reference.getRowsJS(), name);
    }
    // The ISO file keeps infinity and the time-of-day date, as a plain read_csv does.
    assert.deepEqual((await rows(`SELECT d::VARCHAR FROM iso_dates WHERE n IN (25000, 25002) ORDER BY n`)).flat(), ['infinity', '2020-01-05']);
    // A format the person gives is applied as given, ISO or not.
    const given = file('given_format.csv', 'n,d\n1,2020-01-05\n2,infinity\n');
    imported(await start({ path: given, badRows: 'skip', options: { csv: { dateFormat: '%Y-%m-%d' } } }));
    assert.deepEqual(await rows('SELECT d::VARCHAR FROM given_format ORDER BY n'), [['2020-01-05'], ['1900-01-01']]);
  } finally {
    bare.closeSync();
    free.closeSync();
  }
});

test('staging a preview copies only the leading lines it needs; an import copies the whole file', async () => {
  const { stageFile } = await import('./staging.js');
  const line = (i: number) => `${i},name ${i},${(i * 0.25).toFixed(2)},2024-01-${String(1 + (i % 28)).padStart(2, '0')},some words to make the line longer\n`;
  const big = file('big_preview.csv', `id,name,amount,day,note\n${Array.from({ length: 600_000 }, (_, i) => line(i)).join('')}`);
  const size = fs.statSync(big).size;
  assert.ok(size > 32 << 20, `${size}`); // over what a preview stages (PREVIEW_LEADING_BYTES)
  const want = { bytes: 8 << 20, lines: 1000 };
  const head = stageFile(kit.store.dir, big, want);
  try {
    const staged = fs.readFileSync(head.path);
    assert.equal(staged.toString('latin1').split('\n').length - 1, 1000, 'the first 1,000 lines');
    assert.equal(staged.at(-1), 10, 'whole lines only');
    assert.ok(staged.equals(fs.readFileSync(big).subarray(0, staged.length)), 'the file’s own first bytes');
  } finally {
    head.release();
  }
  // Lines that do not fit in the bytes, a file with fewer lines, or an import: the whole file.
  const short = file('short_preview.csv', 'a,b\n1,2\n');
  for (const [source, leading] of [[big, { bytes: 8 << 20, lines: 10_000_000 }], [big, { bytes: 100, lines: 1000 }], [short, want], [big, undefined]] as const) {
    const whole = stageFile(kit.store.dir, source, leading);
    assert.equal(fs.statSync(whole.path).size, fs.statSync(source).size, JSON.stringify(leading));
    whole.release();
  }
  assert.deepEqual(fs.readdirSync(path.join(kit.store.dir, STAGING_DIR)), []);

  // The preview of the big file (read from its leading lines) shows what the import brings in.
  const preview = await kit.imports.preview(big);
  // Counted from the original: an estimate from its first megabyte, never from the staged lines.
  assert.equal(preview.rows?.exact, false);
  assert.ok(Math.abs((preview.rows?.count ?? 0) - 600_000) < 60_000, JSON.stringify(preview.rows));
  const o = imported(await start({ path: big, table: 'big_preview' }));
  assert.equal(o.rows, 600_000);
  const info = await kit.results.run({ sql: 'SELECT * FROM big_preview ORDER BY id', pageSize: 100 });
  assert.deepEqual(preview.columns, info.columns);
  assert.deepEqual(pageRows(preview.page), pageRows(info.firstPage));
});
