// Source column types → DuckDB column types. Every value crosses as the source's own
// text (PostgreSQL's text output, MySQL's text protocol, SQLite's values written out)
// into a VARCHAR staging column; the import's one CREATE TABLE … AS SELECT casts each
// column with `cast` below, so numbers, timestamps and intervals are parsed by DuckDB
// from exact text, never through a JavaScript double or Date.
import { quoteLiteral } from '../analytics/sql-text.js';

/** DuckDB's widest DECIMAL. */
export const MAX_DECIMAL_DIGITS = 38;

export interface MappedColumn {
  name: string;
  sourceType: string;
  /** DuckDB type of the imported column. */
  type: string;
  /** SQL turning the staged VARCHAR column (given quoted) into `type`. */
  cast: (col: string) => string;
  /** What the source's SELECT reads for the column (given quoted), when not the column as it is. */
  select?: (col: string) => string;
  /** Said in the answer when the mapping could not keep the source type exactly. */
  note?: string;
}

const plain = (name: string, sourceType: string, type: string, note?: string): MappedColumn => ({
  name,
  sourceType,
  type,
  cast: (c) => (type === 'VARCHAR' ? c : `CAST(${c} AS ${type})`),
  ...(note ? { note } : {}),
});

const asText = (name: string, sourceType: string, why: string): MappedColumn =>
  plain(name, sourceType, 'VARCHAR', `${name}: ${sourceType} ${why}; imported as text (VARCHAR)`);

function decimal(name: string, sourceType: string, precision: number, scale: number): MappedColumn {
  if (precision > MAX_DECIMAL_DIGITS) return asText(name, sourceType, `has more than DuckDB's ${MAX_DECIMAL_DIGITS} digits`);
  return plain(name, sourceType, `DECIMAL(${precision},${scale})`);
}

const enumType = (labels: readonly string[]) => `ENUM(${labels.map(quoteLiteral).join(', ')})`;

/** Text of bytes as hex (`\x0a1b` in PostgreSQL, bare hex from our MySQL and SQLite readers) → BLOB. */
const blobFromHex = (prefix: number) => (c: string) => `unhex(substr(${c}, ${prefix + 1}))`;

export interface PgTypeInfo {
  /** format_type(oid, typmod), e.g. `numeric(12,2)`, `timestamp with time zone`, `integer[]`. */
  formatted: string;
  /** pg_type.typtype: b base, e enum, d domain, c composite… */
  typtype: string;
  /** Labels of an enum (or of an array's enum element). */
  enumLabels?: readonly string[];
  /** For an array: the element's info. */
  element?: PgTypeInfo;
}

/** A PostgreSQL scalar type's DuckDB type, or null when DuckDB has none (kept as text). */
function pgScalar(info: PgTypeInfo): { type: string; note?: string } | null {
  const t = info.formatted.toLowerCase();
  if (info.typtype === 'e' && info.enumLabels?.length) return { type: enumType(info.enumLabels) };
  const num = /^numeric\((\d+),(\d+)\)$/.exec(t);
  if (num) return Number(num[1]) > MAX_DECIMAL_DIGITS ? null : { type: `DECIMAL(${num[1]},${num[2]})` };
  if (/^(character varying|character|varchar|char|text|name|citext|bpchar)(\(\d+\))?$/.test(t) || t === '"char"') return { type: 'VARCHAR' };
  if (/^timestamp(\(\d\))? without time zone$/.test(t)) return { type: 'TIMESTAMP' };
  if (/^timestamp(\(\d\))? with time zone$/.test(t)) return { type: 'TIMESTAMPTZ' };
  if (/^time(\(\d\))? without time zone$/.test(t)) return { type: 'TIME' };
  if (/^time(\(\d\))? with time zone$/.test(t)) return { type: 'TIMETZ' };
  if (/^interval/.test(t)) return { type: 'INTERVAL' };
  const simple: Record<string, string> = {
    smallint: 'SMALLINT',
    integer: 'INTEGER',
    bigint: 'BIGINT',
    real: 'FLOAT',
    'double precision': 'DOUBLE',
    boolean: 'BOOLEAN',
    date: 'DATE',
    uuid: 'UUID',
    json: 'JSON',
    jsonb: 'JSON',
    bytea: 'BLOB',
    oid: 'UBIGINT',
  };
  return simple[t] ? { type: simple[t] } : null;
}

/**
 * A PostgreSQL column. Arrays arrive as JSON (the reader selects `array_to_json(col)`) and
 * become DuckDB lists of the element type; a bytea array stays a list of `\x…` text.
 */
export function mapPgColumn(name: string, info: PgTypeInfo): MappedColumn {
  const t = info.formatted.toLowerCase();
  if (info.element) {
    const el = pgScalar(info.element);
    const elType = el && el.type !== 'BLOB' ? el.type : 'VARCHAR';
    const note = el && el.type !== 'BLOB' ? undefined : `${name}: elements of ${info.formatted} imported as text`;
    return {
      name,
      sourceType: info.formatted,
      type: `${elType}[]`,
      select: (c) => `array_to_json(${c})::text`,
      cast: (c) => `CAST(CAST(${c} AS JSON) AS ${elType}[])`,
      ...(note ? { note } : {}),
    };
  }
  if (/^interval/.test(t)) {
    // PostgreSQL's interval text ('-1 years -2 mons +3 days -04:05:06') is not DuckDB's:
    // the three parts cross as numbers instead (months, days, microseconds), exact.
    return {
      name,
      sourceType: info.formatted,
      type: 'INTERVAL',
      select: (c) =>
        `((extract(year from ${c}) * 12 + extract(month from ${c}))::int::text || ',' || extract(day from ${c})::int::text || ',' || ` +
        `(extract(epoch from (${c} - date_trunc('day', ${c}))) * 1000000)::bigint::text)`,
      cast: (c) =>
        `(to_months(CAST(split_part(${c}, ',', 1) AS INTEGER)) + to_days(CAST(split_part(${c}, ',', 2) AS INTEGER)) + to_microseconds(CAST(split_part(${c}, ',', 3) AS BIGINT)))`,
    };
  }
  if (t === 'bytea') return { name, sourceType: info.formatted, type: 'BLOB', cast: blobFromHex(2) };
  if (t === 'numeric') return asText(name, info.formatted, 'has no declared precision (it may hold more digits than DuckDB keeps)');
  const num = /^numeric\((\d+),(\d+)\)$/.exec(t);
  if (num) return decimal(name, info.formatted, Number(num[1]), Number(num[2]));
  const scalar = pgScalar(info);
  if (!scalar) return asText(name, info.formatted, 'has no DuckDB counterpart');
  return plain(name, info.formatted, scalar.type, scalar.note);
}

/** What mysql2 tells of a result column (its protocol metadata). */
export interface MysqlFieldInfo {
  columnType: number;
  columnLength: number;
  decimals: number;
  flags: number;
  characterSet: number;
  /** information_schema's COLUMN_TYPE / DATA_TYPE of a table's column, when importing a table. */
  columnTypeText?: string;
  dataType?: string;
  /** The table declares it JSON (MySQL's type, or MariaDB's CHECK json_valid). */
  isJson?: boolean;
}

const MY = {
  DECIMAL: 0, TINY: 1, SHORT: 2, LONG: 3, FLOAT: 4, DOUBLE: 5, TIMESTAMP: 7, LONGLONG: 8, INT24: 9, DATE: 10, TIME: 11, DATETIME: 12, YEAR: 13,
  NEWDATE: 14, VARCHAR: 15, BIT: 16, JSON: 245, NEWDECIMAL: 246, ENUM: 247, SET: 248, TINY_BLOB: 249, MEDIUM_BLOB: 250, LONG_BLOB: 251, BLOB: 252,
  VAR_STRING: 253, STRING: 254, GEOMETRY: 255,
} as const;
const UNSIGNED = 32;
const ENUM_FLAG = 256;
const BINARY_CHARSET = 63;

/** Labels of `enum('a','b''c')`. */
export function enumLabels(columnType: string): string[] | null {
  const m = /^enum\((.*)\)$/is.exec(columnType.trim());
  if (!m) return null;
  return [...m[1]!.matchAll(/'((?:[^']|'')*)'/g)].map((x) => x[1]!.replace(/''/g, "'"));
}

/** A MySQL/MariaDB column. Binary values arrive as hex from the reader. */
export function mapMysqlColumn(name: string, f: MysqlFieldInfo): MappedColumn {
  const unsigned = (f.flags & UNSIGNED) !== 0;
  const described = f.columnTypeText ?? describeMysql(f);
  if (f.isJson || f.columnType === MY.JSON) return plain(name, described, 'JSON');
  const labels = f.columnTypeText ? enumLabels(f.columnTypeText) : null;
  if (labels?.length) return plain(name, described, enumType(labels));
  if (f.dataType?.toLowerCase() === 'uuid') return plain(name, described, 'UUID');
  switch (f.columnType) {
    case MY.TINY:
      // BOOLEAN is MySQL's name for TINYINT(1).
      if (f.columnLength === 1 && !unsigned) return { name, sourceType: described, type: 'BOOLEAN', cast: (c) => `CAST(CAST(${c} AS TINYINT) AS BOOLEAN)` };
      return plain(name, described, unsigned ? 'UTINYINT' : 'TINYINT');
    case MY.SHORT:
      return plain(name, described, unsigned ? 'USMALLINT' : 'SMALLINT');
    case MY.INT24:
    case MY.LONG:
      return plain(name, described, unsigned ? 'UINTEGER' : 'INTEGER');
    case MY.LONGLONG:
      return plain(name, described, unsigned ? 'UBIGINT' : 'BIGINT');
    case MY.YEAR:
      return plain(name, described, 'SMALLINT');
    case MY.FLOAT:
      return plain(name, described, 'FLOAT');
    case MY.DOUBLE:
      return plain(name, described, 'DOUBLE');
    case MY.DECIMAL:
    case MY.NEWDECIMAL: {
      const scale = f.decimals;
      const precision = f.columnLength - (scale > 0 ? 1 : 0) - (unsigned ? 0 : 1);
      return decimal(name, described, precision, scale);
    }
    case MY.DATE:
    case MY.NEWDATE:
      return plain(name, described, 'DATE');
    case MY.DATETIME:
      return plain(name, described, 'TIMESTAMP');
    case MY.TIMESTAMP:
      // The reader's session runs in UTC, so the server's text is the UTC instant.
      return { name, sourceType: described, type: 'TIMESTAMPTZ', cast: (c) => `CAST(${c} || '+00' AS TIMESTAMPTZ)` };
    case MY.TIME:
      // MySQL's TIME spans ±838 hours: a duration, which DuckDB's TIME cannot hold.
      return { name, sourceType: described, type: 'INTERVAL', cast: (c) => `CAST(${c} AS INTERVAL)` };
    case MY.BIT:
      return { name, sourceType: described, type: 'UBIGINT', cast: (c) => `CAST(('0x' || ${c}) AS UBIGINT)` };
    default:
      if (f.characterSet === BINARY_CHARSET && f.columnType !== MY.ENUM && f.columnType !== MY.SET && (f.flags & ENUM_FLAG) === 0) {
        return { name, sourceType: described, type: 'BLOB', cast: blobFromHex(0) };
      }
      return plain(name, described, 'VARCHAR');
  }
}

function describeMysql(f: MysqlFieldInfo): string {
  const names: Record<number, string> = Object.fromEntries(Object.entries(MY).map(([k, v]) => [v, k.toLowerCase()]));
  const base = names[f.columnType] ?? `type ${f.columnType}`;
  if (f.columnType === MY.NEWDECIMAL || f.columnType === MY.DECIMAL) {
    const unsigned = (f.flags & UNSIGNED) !== 0;
    return `decimal(${f.columnLength - (f.decimals > 0 ? 1 : 0) - (unsigned ? 0 : 1)},${f.decimals})`;
  }
  return `${base}${(f.flags & UNSIGNED) !== 0 ? ' unsigned' : ''}`;
}

/** A SQLite column by its declared type (SQLite's own affinity rules), null for an expression. */
export function mapSqliteColumn(name: string, declared: string | null): MappedColumn {
  const d = (declared ?? '').toUpperCase();
  const sourceType = declared ?? '(no declared type)';
  const dec = /^(?:DECIMAL|NUMERIC)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$/.exec(d);
  if (dec) return decimal(name, sourceType, Number(dec[1]), Number(dec[2] ?? 0));
  if (/^BOOL/.test(d)) return plain(name, sourceType, 'BOOLEAN');
  if (d.includes('INT')) return plain(name, sourceType, 'BIGINT');
  if (/CHAR|CLOB|TEXT/.test(d)) return plain(name, sourceType, 'VARCHAR');
  if (d.includes('BLOB')) return { name, sourceType, type: 'BLOB', cast: blobFromHex(0) };
  if (/REAL|FLOA|DOUB/.test(d)) return plain(name, sourceType, 'DOUBLE');
  return plain(name, sourceType, 'VARCHAR');
}
