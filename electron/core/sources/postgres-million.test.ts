// A 1 M-row import from a real PostgreSQL started by the test (10 columns), with the
// profile host's memory watched while it runs: rows stream through a server-side cursor in
// batches, so the host's resident memory grows by DuckDB's own budget (256 MB here) and a
// batch, never by the table. Reading the whole table into the host first would add about
// 1 GB of JavaScript strings. Runtime: about 20-40 s on two loaded cores (table creation
// included).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { EventName } from '../../../shared/contract.js';
import type { Result } from '../../../shared/errors.js';
import type { ImportProgress } from '../../../shared/analysis/analytics.js';
import type { SourceImportOutcome } from '../../../shared/sources/sources.js';
import type { Enclave } from '../enclave.js';
import { postgresMissing, startPostgres, type DbServer } from '../testing/db-servers.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';

const missing = postgresMissing();
const W = 1;
const ROWS = 1_000_000;
/** DuckDB's memory limit in the host for this test, and what the host may grow by beyond it. */
const DUCKDB_MB = 256;
const HEADROOM_MB = 256;

/** The process's resident memory in MiB (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

describe('a 1 M-row import from PostgreSQL', { skip: missing || (process.platform !== 'linux' && 'reads /proc'), timeout: 600_000 }, () => {
  const fx = enclaveFixture('pg-million');
  let pg: DbServer;
  let enclave: Enclave;
  let onProgress: ((p: ImportProgress) => void) | null = null;
  let profileId = '';

  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const r = (await enclave.handle(W, channel, input)) as Result<T>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const cells = async (sql: string) => (await call<{ firstPage: { columns: unknown[][] } }>('runQuery', { sql })).firstPage.columns;

  before(async () => {
    pg = await startPostgres();
    pg.admin(`
      CREATE TABLE million AS SELECT
        g::bigint AS id, (g % 1000)::integer AS store, (g * 0.37)::numeric(12,2) AS amount, g * 1.000001::double precision AS ratio,
        md5(g::text) AS code, 'customer ' || (g % 9973) AS customer, date '2020-01-01' + (g % 2000) AS day,
        timestamp '2020-01-01 00:00:00' + g * interval '1 second' AS at, timestamptz '2020-01-01 00:00:00+00' + g * interval '1 minute' AS at_tz,
        (g % 3 = 0) AS flag
      FROM generate_series(1, ${ROWS}) g;
      ANALYZE million;`);
    enclave = await fx.open({
      dataDir: fx.tempDir(),
      secrets: fx.keychain.store,
      hostBudget: { memoryLimitMb: DUCKDB_MB, threads: 2, maxTempMb: 4096, resultBytes: 64 * 2 ** 20, concurrentQueries: 2 },
      events: (_w: number, event: EventName, payload: unknown) => {
        if (event === 'importProgress') onProgress?.(payload as ImportProgress);
      },
    });
    profileId = (await call<{ id: string }>('createProfile', { name: 'Mia' })).id;
    await call('unlockProfile', { profileId });
    await call('addSource', { name: 'big', url: pg.url, password: pg.password });
  });
  after(async () => {
    await pg?.stop();
  });

  test('every row arrives exactly, and the host stays within DuckDB’s budget plus a bounded margin', async () => {
    // DuckDB loaded and warm before the baseline is read: its start-up is not the import's.
    await cells('SELECT 1');
    const pid = enclave.hostPid(profileId);
    assert.ok(pid, 'the profile has a host process');
    const base = rssMb(pid);
    let peak = base;
    let samples = 0;
    onProgress = (p) => {
      if (p.phase !== 'reading') return;
      peak = Math.max(peak, rssMb(pid));
      samples++;
    };
    // Progress comes every 250 ms of reading; a timer also catches the final statement's peak.
    const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
    let out: SourceImportOutcome;
    try {
      out = await call<SourceImportOutcome>('importFromSource', { source: 'big', from: { table: 'million' }, table: 'million' });
    } finally {
      clearInterval(timer);
      onProgress = null;
    }
    assert.equal(out.rows, ROWS);
    const grew = peak - base;
    console.log(`host RSS: ${base.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB at the peak (+${grew.toFixed(0)} MiB; bound ${DUCKDB_MB + HEADROOM_MB} MiB)`);
    assert.ok(grew <= DUCKDB_MB + HEADROOM_MB, `the host grew by ${grew.toFixed(0)} MiB while importing ${ROWS} rows`);
    assert.ok(samples > 2, `memory sampled while reading (${samples} times)`);
    assert.deepEqual(
      await cells(`SELECT count(*)::VARCHAR, sum(id)::VARCHAR, sum(amount)::VARCHAR, count(DISTINCT code)::VARCHAR, sum(flag::INTEGER)::VARCHAR,
                          min(at_tz)::VARCHAR, max(day)::VARCHAR, any_value(typeof(amount)), any_value(typeof(at_tz)) FROM million`),
      [['1000000'], ['500000500000'], ['185000185000.00'], ['1000000'], ['333333'], ['2020-01-01 00:01:00+00'], ['2025-06-22'], ['DECIMAL(12,2)'], ['TIMESTAMP WITH TIME ZONE']],
    );
  });
});
