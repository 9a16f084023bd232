// The data set the analytics benches import: one definition, so their figures compare.
import type { DuckDBConnection } from '@duckdb/node-api';

/** Writes `rows` rows × 10 mixed-type columns to `csv` by DuckDB's own COPY from range(): a gigabyte in seconds. */
export async function writeBenchCsv(c: DuckDBConnection, csv: string, rows: number): Promise<void> {
  await c.run(`COPY (SELECT i AS id, 'name_' || (i * 7919 % 100003) AS name, ((i % 100000) / 100.0 + 0.01)::DECIMAL(10,2) AS amount,
    DATE '2020-01-01' + (i % 2000)::INTEGER AS day, TIMESTAMP '2020-01-01 00:00:00' + to_seconds(i) AS ts, (i % 3 = 0) AS flag,
    ['alpha','beta','gamma','delta'][1 + i % 4] AS category, (i * 0.37) % 1000 AS score, (i * 31) % 1000000 AS qty,
    'some free text ' || (i % 997) || ' lorem ipsum' AS note FROM range(${rows}) t(i)) TO '${csv}' (HEADER)`);
}
