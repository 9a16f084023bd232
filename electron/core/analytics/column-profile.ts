// Statistics of one column. One column per call: a table with hundreds of columns
// stays responsive because the renderer asks for the columns in view.
import { DuckDBTypeId, type DuckDBConnection, type DuckDBInstance } from '@duckdb/node-api';
import type { ColumnProfile, HistogramBin } from '../../../shared/analysis/analytics.js';
import { AppException } from '../../../shared/errors.js';
import type { WireCell } from '../../../shared/wire.js';
import { sqlError } from './duckdb-errors.js';
import { quoteIdent } from './sql-text.js';
import { scrubCell } from './result-scrub.js';
import { checkStoredRelation } from './statement-policy.js';
import { wireCell, wireType } from './wire-encode.js';

const NUMERIC = new Set([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);
const ORDERED = new Set([
  ...NUMERIC, DuckDBTypeId.DATE, DuckDBTypeId.TIME, DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_TZ, DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS, DuckDBTypeId.VARCHAR, DuckDBTypeId.BOOLEAN, DuckDBTypeId.UUID,
  DuckDBTypeId.INTERVAL, DuckDBTypeId.ENUM,
]);
const QUANTILES = [0, 0.25, 0.5, 0.75, 1];
const BINS = 10;

export async function profileColumn(
  conn: DuckDBConnection,
  schema: string,
  table: string,
  column: string,
  timeZone: string,
  /** Given, a view's plan must pass the statement policy before its rows are read. */
  instance?: DuckDBInstance,
): Promise<ColumnProfile> {
  const exists = await conn.runAndReadAll(
    `SELECT data_type FROM system.main.duckdb_columns() WHERE database_name = system.main.current_database() AND schema_name = $1 AND table_name = $2 AND column_name = $3`,
    [schema, table, column],
  );
  if (exists.currentRowCount === 0) throw new AppException('NOT_FOUND', `No column ${column} in ${table}`);
  const from = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  if (instance) await checkStoredRelation(conn, instance, from);
  const c = quoteIdent(column);
  try {
    const probe = await conn.runAndReadAll(`SELECT ${c} FROM ${from} LIMIT 0`);
    const type = probe.columnType(0);
    const ordered = ORDERED.has(type.typeId);
    const base = await conn.runAndReadAll(
      `SELECT count(*) AS rows, count(*) - count(${c}) AS nulls, count(DISTINCT ${c}) AS distinct_values
       ${ordered ? `, min(${c}) AS min, max(${c}) AS max, quantile_disc(${c}, [${QUANTILES.join(', ')}]) AS q` : ''} FROM ${from}`,
    );
    const row = base.getRows()[0]!;
    const profile: ColumnProfile = {
      table,
      column,
      type: type.toString(),
      wireType: wireType(type),
      timeZone,
      rows: Number(row[0]),
      nulls: Number(row[1]),
      distinct: Number(row[2]),
      min: ordered ? wireCell(type, row[3] ?? null) : null,
      max: ordered ? wireCell(type, row[4] ?? null) : null,
      quantiles: [],
      histogram: [],
      top: [],
    };
    if (ordered) {
      const q = wireCell(base.columnType(5), row[5] ?? null) as WireCell[] | null;
      profile.quantiles = q ? QUANTILES.map((qq, i) => ({ q: qq, value: q[i] ?? null })) : [];
    }
    if (NUMERIC.has(type.typeId) && profile.rows > profile.nulls) {
      profile.histogram = await histogram(conn, from, c);
    } else {
      const top = await conn.runAndReadAll(
        `SELECT ${c} AS v, count(*) AS n FROM ${from} WHERE ${c} IS NOT NULL GROUP BY ALL ORDER BY n DESC, v LIMIT 10`,
      );
      profile.top = top.getRows().map((r) => ({ value: wireCell(type, r[0] ?? null), count: Number(r[1]) }));
    }
    return profile;
  } catch (e) {
    throw sqlError(e);
  }
}

async function histogram(conn: DuckDBConnection, from: string, c: string): Promise<HistogramBin[]> {
  const r = await conn.runAndReadAll(
    `WITH b AS (SELECT min(${c})::DOUBLE AS lo, max(${c})::DOUBLE AS hi FROM ${from}),
     bins AS (SELECT least(${BINS - 1}, CASE WHEN hi = lo THEN 0 ELSE floor((${c}::DOUBLE - lo) / (hi - lo) * ${BINS}) END)::INTEGER AS bin, count(*) AS n
              FROM ${from}, b WHERE ${c} IS NOT NULL GROUP BY ALL)
     SELECT bin, n, lo + (hi - lo) * bin / ${BINS} AS f, lo + (hi - lo) * (bin + 1) / ${BINS} AS t FROM bins, b ORDER BY bin`,
  );
  return r.getRowObjectsJS().map((row) => ({ from: String(row.f), to: String(row.t), count: Number(row.n) }));
}

/** A profile's values with the data folder's path hidden, like every result page (result-scrub.ts). */
export function scrubProfile(p: ColumnProfile, profileDir: string): ColumnProfile {
  const cell = (c: WireCell) => scrubCell(c, profileDir);
  return {
    ...p,
    min: cell(p.min),
    max: cell(p.max),
    quantiles: p.quantiles.map((q) => ({ ...q, value: cell(q.value) })),
    top: p.top.map((t) => ({ ...t, value: cell(t.value) })),
  };
}
