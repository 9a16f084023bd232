// Importing from a database source (issue 18 B): 1 M rows × 10 columns from a private
// PostgreSQL (the test kit starts it on loopback in a temp dir) through the router and
// the profile's host, against the same rows by hand in the same run — `psql \copy` to a
// CSV file, then DuckDB's CSV import of that file into a fresh database file. Target:
// at most 2× the hand-made way (median of paired runs).
import { DuckDBInstance } from '@duckdb/node-api';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openEnclave, type Enclave } from '../electron/core/enclave.js';
import { postgresMissing, startPostgres, type DbServer } from '../electron/core/testing/db-servers.js';
import type { SourceImportOutcome } from '../shared/sources/sources.js';
import { fileSecretStore } from './file-secret-store.js';
import { machineLine, stats } from './measure.js';

const ROWS = Number(process.env.SOURCES_BENCH_ROWS ?? 1_000_000);
const REPS = Number(process.env.SOURCES_BENCH_REPS ?? 3);
const TARGET = 2;
const WINDOW = 1;
const run$ = promisify(execFile);

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** Ten columns of the kinds people import: integers, a decimal, a double, text, a date, timestamps, a boolean. */
const TABLE_SQL = `
  CREATE TABLE bench AS SELECT
    g::bigint AS id,
    (g % 1000)::integer AS store,
    (g * 0.37)::numeric(12,2) AS amount,
    g * 1.000001::double precision AS ratio,
    md5(g::text) AS code,
    'customer ' || (g % 9973) AS customer,
    date '2020-01-01' + (g % 2000) AS day,
    timestamp '2020-01-01 00:00:00' + g * interval '1 second' AS at,
    timestamptz '2020-01-01 00:00:00+00' + g * interval '1 minute' AS at_tz,
    (g % 3 = 0) AS flag
  FROM generate_series(1, ${ROWS}) g;
  ANALYZE bench;`;

/** psql \\copy to a CSV file, then DuckDB's read_csv into a table of a fresh database file. */
async function byHand(pg: DbServer, dir: string): Promise<{ ms: number; copyMs: number; duckMs: number }> {
  const csv = path.join(dir, 'bench.csv');
  const db = path.join(dir, 'by-hand.duckdb');
  fs.rmSync(csv, { force: true });
  fs.rmSync(db, { force: true });
  const t0 = performance.now();
  await run$('psql', ['-X', '-q', '-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', pg.database, '-c', `\\copy bench TO '${csv}' WITH (FORMAT csv, HEADER)`], {
    env: { ...process.env, PGPASSWORD: pg.password },
  });
  const t1 = performance.now();
  const inst = await DuckDBInstance.create(db);
  const c = await inst.connect();
  try {
    await c.run(`CREATE TABLE bench AS SELECT * FROM read_csv('${csv.replaceAll("'", "''")}')`);
    const n = await c.runAndReadAll('SELECT count(*)::INTEGER FROM bench');
    if (n.getRows()[0]?.[0] !== ROWS) throw new Error('by-hand row count');
  } finally {
    c.closeSync();
    inst.closeSync();
  }
  const t2 = performance.now();
  fs.rmSync(csv, { force: true });
  fs.rmSync(db, { force: true });
  return { ms: t2 - t0, copyMs: t1 - t0, duckMs: t2 - t1 };
}

async function throughEnclave(enclave: Enclave, i: number): Promise<number> {
  const t0 = performance.now();
  const r = await enclave.handle(WINDOW, 'importFromSource', { source: 'bench', from: { table: 'bench' }, table: `bench_${i}`, onConflict: 'replace' });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`importFromSource: ${r.error.code}: ${r.error.message}`);
  if ((r.value as SourceImportOutcome).rows !== ROWS) throw new Error('import row count');
  // Each run's table goes again, so that every run writes into the same-sized file.
  const dropped = await enclave.handle(WINDOW, 'runQuery', { sql: `DROP TABLE bench_${i}` });
  if (!dropped.ok) throw new Error(`drop: ${dropped.error.message}`);
  return ms;
}

export async function run(): Promise<void> {
  const missing = postgresMissing();
  if (missing) {
    console.log(`sources: skipped (${missing})  MISSED`);
    process.exitCode = 1;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-sources-bench-'));
  let pg: DbServer | undefined;
  let enclave: Enclave | undefined;
  try {
    console.log(machineLine());
    pg = await startPostgres();
    const t0 = performance.now();
    pg.admin(TABLE_SQL);
    console.log(`generated ${ROWS.toLocaleString('en')} rows × 10 columns in PostgreSQL in ${fmt(performance.now() - t0)}`);
    enclave = await openEnclave({ dataDir: path.join(dir, 'userdata'), secrets: fileSecretStore(path.join(dir, 'secrets.json')) });
    const created = await enclave.handle(WINDOW, 'createProfile', { name: 'Bench' });
    if (!created.ok) throw new Error(`createProfile: ${created.error.message}`);
    const unlocked = await enclave.handle(WINDOW, 'unlockProfile', { profileId: (created.value as { id: string }).id });
    if (!unlocked.ok) throw new Error(`unlockProfile: ${unlocked.error.message}`);
    const added = await enclave.handle(WINDOW, 'addSource', { name: 'bench', url: pg.url, password: pg.password });
    if (!added.ok) throw new Error(`addSource: ${added.error.message}`);

    // One untimed run of each: the table in PostgreSQL's cache, DuckDB loaded in the host.
    await byHand(pg, dir);
    await throughEnclave(enclave, 0);
    const ours: number[] = [];
    const hand: Awaited<ReturnType<typeof byHand>>[] = [];
    for (let i = 1; i <= REPS; i++) {
      hand.push(await byHand(pg, dir));
      ours.push(await throughEnclave(enclave, i));
    }
    const ratio = stats(ours.map((o, i) => o / hand[i]!.ms)).median;
    const ok = ratio <= TARGET;
    if (!ok) process.exitCode = 1;
    const name = `import from PostgreSQL, ${ROWS.toLocaleString('en')} rows × 10 columns`;
    console.log(
      `${name.padEnd(48)} enclave ${fmt(stats(ours).median).padStart(9)}  by hand ${fmt(stats(hand.map((h) => h.ms)).median).padStart(9)}  ratio ${ratio.toFixed(3)}  (target ≤ ${TARGET.toFixed(2)}, by hand = psql \\copy to CSV + DuckDB read_csv; median of ${REPS} paired runs)  ${ok ? 'OK' : 'MISSED'}`,
    );
    console.log(
      `${''.padEnd(48)} runs: enclave ${ours.map(fmt).join(', ')} | by hand ${hand.map((h) => `${fmt(h.ms)} (\\copy ${fmt(h.copyMs)} + read_csv ${fmt(h.duckMs)})`).join(', ')}`,
    );
  } finally {
    await enclave?.close();
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
