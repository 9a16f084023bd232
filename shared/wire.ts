// The one wire format for tabular data: column descriptors plus cells. It is plain
// JSON (and so structured-clone safe). Every value that JavaScript numbers cannot hold
// exactly travels as a string, and the column's type says how to show it:
//   null                      SQL NULL (never confused with '')
//   boolean                   BOOLEAN
//   string                    every other scalar, in DuckDB's own text form:
//                             integers of any width and DECIMAL exactly, DOUBLE/FLOAT as
//                             the shortest round-trip text ('NaN', 'Infinity'), DATE
//                             'YYYY-MM-DD', TIME, TIMESTAMP 'YYYY-MM-DD HH:MM:SS[.ffffff]',
//                             TIMESTAMPTZ as UTC with '+00' (shown in the profile's zone),
//                             INTERVAL '1 year 2 days 03:00:00', UUID, BLOB as lower-case
//                             hex, ENUM/VARCHAR as is
//   WireCell[]                LIST/ARRAY: the items; STRUCT: field values in the order of
//                             the type's fields; MAP: [key, value] pairs; UNION: [tag, value]
import { WALL_CLOCK_FIELDS } from './zoned-time.js';

export type WireCell = null | boolean | string | WireCell[];

export type WireType =
  | { id: 'DECIMAL'; sql: string; width: number; scale: number }
  | { id: 'LIST'; sql: string; child: WireType }
  | { id: 'ARRAY'; sql: string; child: WireType; length: number }
  | { id: 'STRUCT'; sql: string; fields: { name: string; type: WireType }[] }
  | { id: 'MAP'; sql: string; key: WireType; value: WireType }
  | { id: 'UNION'; sql: string; members: { name: string; type: WireType }[] }
  | { id: ScalarTypeId; sql: string };

export type ScalarTypeId =
  | 'BOOLEAN'
  | 'TINYINT'
  | 'SMALLINT'
  | 'INTEGER'
  | 'BIGINT'
  | 'HUGEINT'
  | 'UTINYINT'
  | 'USMALLINT'
  | 'UINTEGER'
  | 'UBIGINT'
  | 'UHUGEINT'
  | 'BIGNUM'
  | 'FLOAT'
  | 'DOUBLE'
  | 'DATE'
  | 'TIME'
  | 'TIME_NS'
  | 'TIME_TZ'
  | 'TIMESTAMP'
  | 'TIMESTAMP_S'
  | 'TIMESTAMP_MS'
  | 'TIMESTAMP_NS'
  | 'TIMESTAMP_TZ'
  | 'INTERVAL'
  | 'UUID'
  | 'VARCHAR'
  | 'BLOB'
  | 'BIT'
  | 'ENUM'
  | 'NULL'
  | 'OTHER';

export interface WireColumn {
  name: string;
  type: WireType;
}

/**
 * A page of rows, column by column: `columns[j][i]` is column j of row `offset + i`,
 * and every column holds `rowCount` cells. Column-major because a page is built from
 * DuckDB's column vectors and crosses two structured clones (worker → main → renderer):
 * ten arrays of a thousand cells cost far less to build and to clone than a thousand
 * arrays of ten.
 */
export interface WirePage {
  offset: number;
  rowCount: number;
  columns: WireCell[][];
}

export const emptyPage = (offset: number, columnCount: number): WirePage => ({
  offset,
  rowCount: 0,
  columns: Array.from({ length: columnCount }, () => []),
});

/**
 * The page with each column copied cell by cell. A structured clone hands arrays back
 * holey, and V8 clones a holey array again key by key (some 2.5 times slower, a quarter
 * more bytes); an array built by push is packed. Main packs the pages it passes on from
 * a profile's worker, before Electron clones them once more for the renderer.
 */
export function packPage(page: WirePage): WirePage {
  const columns: WireCell[][] = [];
  for (const col of page.columns) {
    const packed: WireCell[] = [];
    for (let i = 0; i < col.length; i++) packed.push(col[i] ?? null);
    columns.push(packed);
  }
  return { offset: page.offset, rowCount: page.rowCount, columns };
}

/** Row `i` of a page (0 = the page's first row) as an array of cells, for row-wise output. */
export const pageRow = (page: WirePage, i: number): WireCell[] => page.columns.map((col) => col[i] ?? null);

/** Every row of a page, row by row (for output that is written row-wise). */
export const pageRows = (page: WirePage): WireCell[][] => Array.from({ length: page.rowCount }, (_, i) => pageRow(page, i));

/** Rows [start, end) of a page as a page of their own. */
export function slicePage(page: WirePage, start: number, end: number): WirePage {
  const from = Math.max(0, Math.min(start, page.rowCount));
  const to = Math.max(from, Math.min(end, page.rowCount));
  return { offset: page.offset + from, rowCount: to - from, columns: page.columns.map((col) => col.slice(from, to)) };
}

const NUMERIC = new Set<string>([
  'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT',
  'UHUGEINT', 'BIGNUM', 'FLOAT', 'DOUBLE', 'DECIMAL',
]);

/** Right-align these in a grid. */
export const isNumericType = (t: WireType) => NUMERIC.has(t.id);

export interface FormatOptions {
  /** IANA zone TIMESTAMPTZ values are shown in (the profile's zone). */
  timeZone?: string;
  /** BLOBs longer than this many bytes are cut with '…'. */
  blobPreviewBytes?: number;
  /** How NULL reads; the grid styles it apart from ''. */
  nullText?: string;
}

/** '2024-07-01 12:00:00.5+00' (UTC) → wall-clock text in `timeZone`, keeping every fractional digit. */
export function formatTimestampTz(utc: string, timeZone: string): string {
  const m = /^(\d{4,})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)?\+00$/.exec(utc);
  if (!m) return utc; // infinity, BC dates: shown as DuckDB wrote them
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  if (!Number.isFinite(ms)) return utc;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, ...WALL_CLOCK_FIELDS, timeZoneName: 'longOffset' }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}${m[7] ?? ''}${offset}`;
}

function quoteNested(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Display text of one cell, nested values in DuckDB's literal style. */
export function formatCell(type: WireType, cell: WireCell, options: FormatOptions = {}, nested = false): string {
  if (cell === null) return options.nullText ?? 'NULL';
  switch (type.id) {
    case 'BOOLEAN':
      return String(cell);
    case 'TIMESTAMP_TZ':
      return options.timeZone ? formatTimestampTz(cell as string, options.timeZone) : (cell as string);
    case 'BLOB': {
      const hex = cell as string;
      const max = (options.blobPreviewBytes ?? 32) * 2;
      const shown = hex.slice(0, max).replace(/(..)/g, '$1 ').trim();
      return `${shown}${hex.length > max ? ' …' : ''}`;
    }
    case 'LIST':
    case 'ARRAY':
      return `[${(cell as WireCell[]).map((c) => formatCell(type.child, c, options, true)).join(', ')}]`;
    case 'STRUCT':
      return `{${type.fields
        .map((f, i) => `${quoteNested(f.name)}: ${formatCell(f.type, (cell as WireCell[])[i] ?? null, options, true)}`)
        .join(', ')}}`;
    case 'MAP':
      return `{${(cell as WireCell[][])
        .map(([k, v]) => `${formatCell(type.key, k ?? null, options, true)}=${formatCell(type.value, v ?? null, options, true)}`)
        .join(', ')}}`;
    case 'UNION': {
      const [tag, value] = cell as [string, WireCell];
      const member = type.members.find((m) => m.name === tag);
      return member ? formatCell(member.type, value, options, nested) : String(value);
    }
    case 'VARCHAR':
    case 'ENUM':
      return nested ? quoteNested(cell as string) : (cell as string);
    default:
      return typeof cell === 'string' ? cell : JSON.stringify(cell);
  }
}
