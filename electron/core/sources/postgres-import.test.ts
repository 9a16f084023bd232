// Imports from a real PostgreSQL started by the test (private, loopback, temp dir):
// every type the issue lists, wrong password, unreachable server, a dropped connection
// mid-import (nothing left), a query import, and Refresh's atomicity.
import assert from 'node:assert/strict';
import PgDriver from 'pg';
import { after, before, describe, test } from 'node:test';
import type { ImportProgress } from '../../../shared/analysis/analytics.js';
import type { SourceImportOutcome, SourcePreview } from '../../../shared/sources/sources.js';
import type { Enclave } from '../enclave.js';
import { postgresMissing, startPostgres, type DbServer } from '../testing/db-servers.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { midImport, sourceImportKit } from '../testing/source-import-kit.js';

const missing = postgresMissing();
const W = 1;

describe('import from PostgreSQL', { skip: missing, timeout: 300_000 }, () => {
  const fx = enclaveFixture('pg-import');
  let pg: DbServer;
  let enclave: Enclave;
  const progress: ImportProgress[] = [];
  let onProgress: ((p: ImportProgress) => void) | null = null;

  const kit = sourceImportKit();
  const { call, fails, cells } = kit;

  /** Holds advisory lock 42 until the answer is called: a read of `gated` waits at row 200,000. */
  const closeGate = async (): Promise<() => Promise<void>> => {
    const holder = new PgDriver.Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: pg.database });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock(42)');
    return () => holder.end();
  };

  before(async () => {
    pg = await startPostgres();
    pg.admin(`
      CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
      CREATE TABLE kinds (
        id integer PRIMARY KEY,
        n_small numeric(10,2), n_max numeric(38,10), n_wide numeric(50,5), n_free numeric,
        big bigint, small smallint, r real, d double precision,
        ts timestamp, tstz timestamptz, day date, t time, ttz timetz, span interval,
        u uuid, j json, jb jsonb, ints integer[], texts text[], raw bytea, m mood, flag boolean,
        s text, v varchar(5));
      INSERT INTO kinds VALUES
        (1, 12345678.91, 1234567890123456789012345678.1234567891, 123456789012345678901234567890123456789012345.12345, 1.000000000000000000000000000000000000000001,
         9223372036854775807, -32768, 1.5, 0.1, '2024-02-29 23:59:59.123456', '2024-07-01 09:30:00.5+02:30', '2024-02-29', '23:59:59.999999', '10:00:00+02',
         '-1 years -2 mons +3 days -04:05:06.5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}', '{"b": null}', '{1,NULL,3}', '{"x","",NULL}',
         '\\x00ff10', 'happy', true, '', 'abc'),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL);
      CREATE SCHEMA sales;
      CREATE TABLE sales.orders AS SELECT g AS id, 'item ' || g AS item, (g * 1.25)::numeric(12,2) AS price FROM generate_series(1, 3000) g;
      CREATE TABLE big AS SELECT g AS id, md5(g::text) AS h FROM generate_series(1, 400000) g;
      -- A source that stops at row 200,000 while the test holds advisory lock 42: an import
      -- is then certainly mid-way when the test drops its connection or reads the old table
      -- (COPY reads 400,000 rows faster than a progress event reaches the test).
      CREATE FUNCTION gate(id integer) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
        BEGIN IF id = 200000 THEN PERFORM pg_advisory_lock_shared(42); PERFORM pg_advisory_unlock_shared(42); END IF; RETURN true; END $$;
      CREATE VIEW gated AS SELECT id, CASE WHEN gate(id) THEN h END AS h FROM big;
      ANALYZE;
    `);
    enclave = await kit.open(fx, pg, { profile: 'Ana', source: 'shop' }, (p) => {
      progress.push(p);
      onProgress?.(p);
    });
  });
  after(async () => {
    await pg?.stop();
  });

  test('every listed type maps exactly; NULL and the empty string stay apart; a too-wide NUMERIC is text, said so', async () => {
    const out = await call<SourceImportOutcome>('importFromSource', { source: 'shop', from: { table: 'kinds' }, table: 'kinds' });
    assert.equal(out.rows, 2);
    const types = Object.fromEntries(out.mapping.map((m) => [m.name, m.type]));
    assert.deepEqual(types, {
      id: 'INTEGER', n_small: 'DECIMAL(10,2)', n_max: 'DECIMAL(38,10)', n_wide: 'VARCHAR', n_free: 'VARCHAR',
      big: 'BIGINT', small: 'SMALLINT', r: 'FLOAT', d: 'DOUBLE', ts: 'TIMESTAMP', tstz: 'TIMESTAMPTZ', day: 'DATE', t: 'TIME', ttz: 'TIMETZ',
      span: 'INTERVAL', u: 'UUID', j: 'JSON', jb: 'JSON', ints: 'INTEGER[]', texts: 'VARCHAR[]', raw: 'BLOB', m: "ENUM('sad', 'ok', 'happy')", flag: 'BOOLEAN',
      s: 'VARCHAR', v: 'VARCHAR',
    });
    assert.equal(out.notes.length, 2);
    assert.match(out.notes[0]!, /n_wide: numeric\(50,5\) has more than DuckDB's 38 digits; imported as text/);
    assert.match(out.notes[1]!, /n_free: numeric has no declared precision/);
    const values = (await cells(`SELECT
        n_small::VARCHAR, n_max::VARCHAR, n_wide, n_free, big::VARCHAR, small::VARCHAR, r::VARCHAR, d::VARCHAR, ts::VARCHAR,
        strftime(tstz AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S.%f'), day::VARCHAR, t::VARCHAR, ttz::VARCHAR,
        (datepart('year', span) * 12 + datepart('month', span))::VARCHAR, datepart('day', span)::VARCHAR, epoch_us(span - to_months(datepart('year', span) * 12 + datepart('month', span)) - to_days(datepart('day', span)))::VARCHAR,
        u::VARCHAR, j::VARCHAR, jb::VARCHAR, ints::VARCHAR, texts::VARCHAR, hex(raw), m::VARCHAR, flag::VARCHAR, s, (s IS NULL)::VARCHAR, v
      FROM kinds WHERE id = 1`)).map((c) => c[0]);
    assert.deepEqual(values, [
      '12345678.91', '1234567890123456789012345678.1234567891', '123456789012345678901234567890123456789012345.12345', '1.000000000000000000000000000000000000000001',
      '9223372036854775807', '-32768', '1.5', '0.1', '2024-02-29 23:59:59.123456', '2024-07-01 07:00:00.500000', '2024-02-29', '23:59:59.999999', '10:00:00+02',
      '-14', '3', '-14706500000',
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}', '{"b": null}', '[1, NULL, 3]', "[x, '', NULL]", '00FF10', 'happy', 'true', '', 'false', 'abc',
    ]);
    const nulls = (await cells('SELECT COLUMNS(* EXCLUDE (id, flag)) IS NULL FROM kinds WHERE id = 2')).map((c) => c[0]);
    assert.ok(nulls.every((v) => v === true || v === 'true'), `row 2 is all NULL: ${JSON.stringify(nulls)}`);
  });

  test('browse lists schemas and tables with estimates; a preview is 100 rows typed as the import types them', async () => {
    const tables = await call<{ schema: string; name: string; rows: number | null }[]>('browseSource', { source: 'shop' });
    const orders = tables.find((t) => t.schema === 'sales' && t.name === 'orders');
    assert.equal(orders?.rows, 3000);
    assert.ok(tables.some((t) => t.schema === 'public' && t.name === 'kinds'));
    const preview = await call<SourcePreview>('previewSource', { source: 'shop', from: { schema: 'sales', table: 'orders' } });
    assert.equal(preview.page.rowCount, 100);
    assert.deepEqual(preview.mapping.map((m) => m.type), ['INTEGER', 'VARCHAR', 'DECIMAL(12,2)']);
    assert.deepEqual(preview.page.columns[2]!.slice(0, 2), ['1.25', '2.50']);
    const tablesAfter = (await call<{ name: string }[]>('listTables')).map((t) => t.name);
    assert.ok(!tablesAfter.some((t) => /orders|enclave_source/.test(t)), 'a preview leaves no table behind');
  });

  test('a source query imports; an existing table is refused unless replace or append', async () => {
    const q = { source: 'shop', from: { sql: 'SELECT id, price FROM sales.orders WHERE id <= 10;' }, table: 'cheap' };
    assert.equal((await call<SourceImportOutcome>('importFromSource', q)).rows, 10);
    assert.equal((await fails('importFromSource', q)).code, 'ALREADY_EXISTS');
    assert.equal((await call<SourceImportOutcome>('importFromSource', { ...q, onConflict: 'append' })).rows, 10);
    assert.deepEqual(await cells('SELECT count(*)::INTEGER, sum(price)::VARCHAR FROM cheap'), [['20'], ['137.50']]);
    const bad = await fails('importFromSource', { source: 'shop', from: { sql: 'SELECT nope FROM sales.orders' }, table: 'bad' });
    assert.equal(bad.code, 'SQL_ERROR');
    assert.match(bad.message, /nope/);
    const writes = await fails('importFromSource', { source: 'shop', from: { sql: 'WITH d AS (DELETE FROM sales.orders RETURNING *) SELECT * FROM d' }, table: 'w' });
    assert.equal(writes.code, 'SQL_ERROR');
    assert.equal(pg.admin('SELECT count(*) FROM sales.orders').trim(), '3000', 'a source query never writes to the source');
  });

  test('a wrong password answers SOURCE_AUTH_FAILED without the password; an unreachable server SOURCE_UNREACHABLE; an unknown source NOT_FOUND', async () => {
    await call('addSource', { name: 'wrong', url: pg.url, password: 'not-the-password-42' });
    const auth = await fails('browseSource', { source: 'wrong' });
    assert.equal(auth.code, 'SOURCE_AUTH_FAILED');
    assert.ok(!auth.message.includes('not-the-password-42'));
    await call('addSource', { name: 'gone', url: 'postgresql://enclave@127.0.0.1:1/shop', password: 'x' });
    assert.equal((await fails('importFromSource', { source: 'gone', from: { table: 'kinds' }, table: 'g' })).code, 'SOURCE_UNREACHABLE');
    assert.equal((await fails('previewSource', { source: 'nosuch', from: { table: 'kinds' } })).code, 'NOT_FOUND');
    const names = (await call<{ name: string }[]>('listTables')).map((t) => t.name);
    assert.ok(!names.includes('g'));
  });

  test('a connection dropped mid-import answers SOURCE_CONNECTION_LOST and leaves nothing', async () => {
    const importId = '7d0c5b1e-2f4a-4c1e-9a1b-000000000001';
    const kill = midImport(importId, () => pg.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'Enclave import'"));
    onProgress = kill.listener;
    const openGate = await closeGate();
    try {
      const err = await fails('importFromSource', { source: 'shop', from: { table: 'gated' }, table: 'dropped', importId });
      assert.ok(kill.fired(), 'the kill landed during the import');
      assert.equal(err.code, 'SOURCE_CONNECTION_LOST');
    } finally {
      onProgress = null;
      await openGate();
    }
    const names = (await call<{ name: string }[]>('listTables')).map((t) => t.name);
    assert.ok(!names.includes('dropped'), 'no partial table');
    assert.deepEqual(await cells("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name LIKE 'enclave_source%'"), [['0']]);
  });

  test('cancel stops an import; nothing is left', async () => {
    const importId = '7d0c5b1e-2f4a-4c1e-9a1b-000000000002';
    const cancel = midImport(importId, () => {
      void enclave.handle(W, 'cancelImport', { importId });
    });
    onProgress = cancel.listener;
    try {
      const err = await fails('importFromSource', { source: 'shop', from: { table: 'big' }, table: 'cancelled', importId });
      assert.ok(cancel.fired());
      assert.equal(err.code, 'CANCELLED');
    } finally {
      onProgress = null;
    }
    assert.ok(!(await call<{ name: string }[]>('listTables')).some((t) => t.name === 'cancelled'));
  });

  test('Refresh re-imports from the source; the old table stays whole until the new one is complete, and after a failed refresh', async () => {
    await call('importFromSource', { source: 'shop', from: { table: 'gated' }, table: 'snap' });
    pg.admin('INSERT INTO big SELECT g, md5(g::text) FROM generate_series(400001, 400010) g');
    const importId = '7d0c5b1e-2f4a-4c1e-9a1b-000000000003';
    let seenDuring: unknown = null;
    let reading: Promise<void> | null = null;
    // The refresh waits at the gate until the old table has been read.
    let openGate: (() => Promise<void>) | null = await closeGate();
    onProgress = (p) => {
      if (p.importId === importId && p.phase === 'reading' && p.rows > 0 && reading === null) {
        reading = cells('SELECT count(*)::INTEGER FROM snap').then(async (c) => {
          seenDuring = c[0]![0];
          await openGate?.();
          openGate = null;
        });
      }
    };
    try {
      const out = await call<SourceImportOutcome>('refreshTable', { table: 'snap', importId });
      assert.equal(out.rows, 400010);
      await reading;
    } finally {
      onProgress = null;
      await openGate?.();
    }
    assert.equal(seenDuring, '400000', 'during the refresh the old table was whole');
    assert.deepEqual(await cells('SELECT count(*)::INTEGER FROM snap'), [['400010']]);
    // A refresh that fails (the connection dropped) keeps the table as it was.
    const failId = '7d0c5b1e-2f4a-4c1e-9a1b-000000000004';
    onProgress = (p) => {
      if (p.importId === failId && p.phase === 'reading' && p.rows > 0) {
        onProgress = null;
        pg.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'Enclave import'");
      }
    };
    const openAgain = await closeGate();
    try {
      assert.equal((await fails('refreshTable', { table: 'snap', importId: failId })).code, 'SOURCE_CONNECTION_LOST');
    } finally {
      await openAgain();
    }
    assert.deepEqual(await cells('SELECT count(*)::INTEGER FROM snap'), [['400010']]);
    assert.equal((await fails('refreshTable', { table: 'kinds_never' })).code, 'NOT_FOUND');
  });

  test('progress events carry the import id, rows so far and the source estimate, and end with done', async () => {
    const mine = progress.filter((p) => p.importId === '7d0c5b1e-2f4a-4c1e-9a1b-000000000003');
    assert.ok(mine.some((p) => p.phase === 'reading' && p.rows > 0 && (p.estimatedRows ?? 0) >= 400000));
    assert.equal(mine.at(-1)?.phase, 'done');
    assert.equal(mine.at(-1)?.rows, 400010);
  });
});
