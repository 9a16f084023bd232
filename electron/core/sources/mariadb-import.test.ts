// Imports from a real MariaDB started by the test (private, loopback, temp dir): the
// types, a wrong password, a connection killed mid-import (nothing left).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ImportProgress } from '../../../shared/analysis/analytics.js';
import type { SourceImportOutcome } from '../../../shared/sources/sources.js';
import { mariadbMissing, startMariadb, type DbServer } from '../testing/db-servers.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { midImport, sourceImportKit } from '../testing/source-import-kit.js';

describe('import from MariaDB', { skip: mariadbMissing(), timeout: 300_000 }, () => {
  const fx = enclaveFixture('maria-import');
  let db: DbServer;
  let onProgress: ((p: ImportProgress) => void) | null = null;

  const kit = sourceImportKit();
  const { call, fails, cells } = kit;

  before(async () => {
    db = await startMariadb();
    db.admin(`
      CREATE TABLE kinds (
        id INT PRIMARY KEY, n_small DECIMAL(10,2), n_wide DECIMAL(65,30), big BIGINT, ubig BIGINT UNSIGNED, small SMALLINT,
        f FLOAT, d DOUBLE, dt DATETIME(6), ts TIMESTAMP(6) NULL, day DATE, t TIME(6), j JSON, u UUID, raw BLOB,
        e ENUM('sad', 'ok', 'happy'), flag BOOLEAN, s VARCHAR(20), txt TEXT);
      INSERT INTO kinds VALUES
        (1, 12345678.91, 12345678901234567890123456789012345.123456789012345678901234567890, 9223372036854775807, 18446744073709551615, -32768,
         1.5, 0.1, '2024-02-29 23:59:59.123456', '2024-07-01 07:00:00.500000', '2024-02-29', '-838:59:59.000000', '{"a": [1, 2]}',
         'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', X'00FF10', 'happy', TRUE, '', 'héllo'),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE, NULL, NULL);
      CREATE TABLE big (id INT PRIMARY KEY, h CHAR(32));
      INSERT INTO big SELECT seq, md5(seq) FROM seq_1_to_300000;
    `);
    await kit.open(fx, db, { profile: 'Bo', source: 'maria' }, (p) => onProgress?.(p));
  });
  after(async () => {
    await db?.stop();
  });

  test('types map exactly; NULL and the empty string stay apart; a too-wide DECIMAL is text, said so', async () => {
    const out = await call<SourceImportOutcome>('importFromSource', { source: 'maria', from: { table: 'kinds' }, table: 'kinds' });
    assert.equal(out.rows, 2);
    assert.deepEqual(Object.fromEntries(out.mapping.map((m) => [m.name, m.type])), {
      id: 'INTEGER', n_small: 'DECIMAL(10,2)', n_wide: 'VARCHAR', big: 'BIGINT', ubig: 'UBIGINT', small: 'SMALLINT', f: 'FLOAT', d: 'DOUBLE',
      dt: 'TIMESTAMP', ts: 'TIMESTAMPTZ', day: 'DATE', t: 'INTERVAL', j: 'JSON', u: 'UUID', raw: 'BLOB', e: "ENUM('sad', 'ok', 'happy')", flag: 'BOOLEAN',
      s: 'VARCHAR', txt: 'VARCHAR',
    });
    assert.equal(out.notes.length, 1);
    assert.match(out.notes[0]!, /^n_wide: decimal\(65,30\) has more than DuckDB's 38 digits; imported as text/);
    const values = (await cells(`SELECT n_small::VARCHAR, n_wide, big::VARCHAR, ubig::VARCHAR, small::VARCHAR, f::VARCHAR, d::VARCHAR, dt::VARCHAR,
        strftime(ts AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S.%f'), day::VARCHAR, epoch_us(t)::VARCHAR, j::VARCHAR, u::VARCHAR, hex(raw), e::VARCHAR,
        flag::VARCHAR, s, (s IS NULL)::VARCHAR, txt FROM kinds WHERE id = 1`)).map((c) => c[0]);
    assert.deepEqual(values, [
      '12345678.91', '12345678901234567890123456789012345.123456789012345678901234567890', '9223372036854775807', '18446744073709551615', '-32768',
      '1.5', '0.1', '2024-02-29 23:59:59.123456', '2024-07-01 07:00:00.500000', '2024-02-29', String(-(838 * 3600 + 59 * 60 + 59) * 1_000_000),
      '{"a": [1, 2]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '00FF10', 'happy', 'true', '', 'false', 'héllo',
    ]);
    const nulls = (await cells('SELECT COLUMNS(* EXCLUDE (id, flag)) IS NULL FROM kinds WHERE id = 2')).map((c) => c[0]);
    assert.ok(nulls.every((v) => v === true || v === 'true'), `row 2 is all NULL: ${JSON.stringify(nulls)}`);
  });

  test('browse shows the tables with estimates; a query imports', async () => {
    const tables = await call<{ name: string; rows: number | null }[]>('browseSource', { source: 'maria' });
    assert.deepEqual(tables.map((t) => t.name), ['big', 'kinds']);
    assert.ok((tables[0]!.rows ?? 0) > 0);
    const out = await call<SourceImportOutcome>('importFromSource', { source: 'maria', from: { sql: 'SELECT id, h FROM big WHERE id <= 5' }, table: 'five' });
    assert.equal(out.rows, 5);
  });

  test('a wrong password answers SOURCE_AUTH_FAILED, and never says the password', async () => {
    await call('addSource', { name: 'wrong', url: db.url, password: 'wrong-pass-77' });
    const err = await fails('browseSource', { source: 'wrong' });
    assert.equal(err.code, 'SOURCE_AUTH_FAILED');
    assert.ok(!err.message.includes('wrong-pass-77'));
  });

  test('a connection killed mid-import answers SOURCE_CONNECTION_LOST and leaves nothing', async () => {
    const importId = '0c0c5b1e-2f4a-4c1e-9a1b-000000000001';
    const kill = midImport(importId, () => {
      const ids = db.admin("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'enclave'").trim().split('\n').filter(Boolean);
      for (const id of ids) db.admin(`KILL ${id}`);
    });
    onProgress = kill.listener;
    try {
      const err = await fails('importFromSource', { source: 'maria', from: { table: 'big' }, table: 'dropped', importId });
      assert.ok(kill.fired(), 'the kill landed during the import');
      assert.equal(err.code, 'SOURCE_CONNECTION_LOST');
    } finally {
      onProgress = null;
    }
    assert.ok(!(await call<{ name: string }[]>('listTables')).some((t) => t.name === 'dropped'));
  });
});
