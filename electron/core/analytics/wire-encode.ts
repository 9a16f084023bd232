// DuckDB values → the wire format of shared/wire.ts. Runs in the profile worker.
import {
  DuckDBArrayValue,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  DuckDBUnionValue,
  type DuckDBDataChunk,
  type DuckDBMaterializedResult,
  type DuckDBResultReader,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import bindings, { type Vector } from '@duckdb/node-bindings';
import type { ScalarTypeId, WireCell, WireColumn, WirePage, WireType } from '../../../shared/wire.js';

const SCALAR_IDS: Partial<Record<DuckDBTypeId, ScalarTypeId>> = {
  [DuckDBTypeId.BOOLEAN]: 'BOOLEAN',
  [DuckDBTypeId.TINYINT]: 'TINYINT',
  [DuckDBTypeId.SMALLINT]: 'SMALLINT',
  [DuckDBTypeId.INTEGER]: 'INTEGER',
  [DuckDBTypeId.BIGINT]: 'BIGINT',
  [DuckDBTypeId.HUGEINT]: 'HUGEINT',
  [DuckDBTypeId.UTINYINT]: 'UTINYINT',
  [DuckDBTypeId.USMALLINT]: 'USMALLINT',
  [DuckDBTypeId.UINTEGER]: 'UINTEGER',
  [DuckDBTypeId.UBIGINT]: 'UBIGINT',
  [DuckDBTypeId.UHUGEINT]: 'UHUGEINT',
  [DuckDBTypeId.BIGNUM]: 'BIGNUM',
  [DuckDBTypeId.FLOAT]: 'FLOAT',
  [DuckDBTypeId.DOUBLE]: 'DOUBLE',
  [DuckDBTypeId.DATE]: 'DATE',
  [DuckDBTypeId.TIME]: 'TIME',
  [DuckDBTypeId.TIME_NS]: 'TIME_NS',
  [DuckDBTypeId.TIME_TZ]: 'TIME_TZ',
  [DuckDBTypeId.TIMESTAMP]: 'TIMESTAMP',
  [DuckDBTypeId.TIMESTAMP_S]: 'TIMESTAMP_S',
  [DuckDBTypeId.TIMESTAMP_MS]: 'TIMESTAMP_MS',
  [DuckDBTypeId.TIMESTAMP_NS]: 'TIMESTAMP_NS',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'TIMESTAMP_TZ',
  [DuckDBTypeId.INTERVAL]: 'INTERVAL',
  [DuckDBTypeId.UUID]: 'UUID',
  [DuckDBTypeId.VARCHAR]: 'VARCHAR',
  [DuckDBTypeId.BLOB]: 'BLOB',
  [DuckDBTypeId.BIT]: 'BIT',
  [DuckDBTypeId.ENUM]: 'ENUM',
  [DuckDBTypeId.SQLNULL]: 'NULL',
};

export function wireType(t: DuckDBType): WireType {
  const sql = t.toString();
  switch (t.typeId) {
    case DuckDBTypeId.DECIMAL:
      return { id: 'DECIMAL', sql, width: t.width, scale: t.scale };
    case DuckDBTypeId.LIST:
      return { id: 'LIST', sql, child: wireType(t.valueType) };
    case DuckDBTypeId.ARRAY:
      return { id: 'ARRAY', sql, child: wireType(t.valueType), length: t.length };
    case DuckDBTypeId.STRUCT:
      return { id: 'STRUCT', sql, fields: t.entryNames.map((name, i) => ({ name, type: wireType(t.entryTypes[i]!) })) };
    case DuckDBTypeId.MAP:
      return { id: 'MAP', sql, key: wireType(t.keyType), value: wireType(t.valueType) };
    case DuckDBTypeId.UNION:
      return { id: 'UNION', sql, members: t.memberTags.map((name, i) => ({ name, type: wireType(t.memberTypes[i]!) })) };
    default:
      return { id: SCALAR_IDS[t.typeId] ?? 'OTHER', sql };
  }
}

export const wireColumns = (reader: Pick<DuckDBResultReader, 'columnCount' | 'columnName' | 'columnType'>): WireColumn[] =>
  Array.from({ length: reader.columnCount }, (_, i) => ({ name: reader.columnName(i), type: wireType(reader.columnType(i)) }));

/**
 * A DOUBLE's shortest round-trip text. Negative zero is a value of its own (1 / -0.0 is
 * -inf) that String() prints as '0'; DuckDB prints '-0.0', and so do we (also a JSON
 * number literal that parsers read back as -0.0).
 */
export const doubleText = (v: number): string => (v === 0 && 1 / v < 0 ? '-0.0' : String(v));

/** The shortest text that reads back as the same float32, as DuckDB prints FLOAT. */
function floatText(v: number): string {
  if (!Number.isFinite(v) || v === 0) return doubleText(v);
  for (let p = 1; p <= 9; p++) {
    const s = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(s)) === v) return s;
  }
  return String(v);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!]!;
  return s;
};

export const DATE_INFINITY = 2 ** 31 - 1;
const TS_INFINITY = 2n ** 63n - 1n;
const DAY_MICROS = 86_400_000_000;
const DAY_MICROS_BIG = 86_400_000_000n;
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** '00'…'59': a table, as a time of day needs three of them per cell (issue 11's page). */
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const pad2 = (n: number) => PAD2[n] ?? (n < 10 ? `0${n}` : String(n));

/**
 * Days since 1970-01-01 as DuckDB writes a DATE: 'YYYY-MM-DD', at least four year
 * digits, years before 1 as '0044-03-15 (BC)' (proleptic Gregorian; the civil-from-days
 * algorithm of H. Hinnant, exact in doubles far beyond DuckDB's range).
 */
export function dateText(days: number): string {
  let text = dateCache.get(days);
  if (text === undefined) {
    // Bounded: a page of scattered dates must not grow the cache without end.
    if (dateCache.size >= DATE_CACHE_MAX) dateCache.clear();
    text = civilDateText(days);
    dateCache.set(days, text);
  }
  return text;
}

/**
 * dateText's texts by day. Pages of dates and timestamps repeat few days (a year is 365
 * of them), and a text is a pure function of its day, so a page converts each day once
 * (issue 11: the 1,000 × 10 page across processes).
 */
const dateCache = new Map<number, string>();
const DATE_CACHE_MAX = 8192;

function civilDateText(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const shown = year > 0 ? year : 1 - year;
  return `${String(shown).padStart(4, '0')}-${pad2(month)}-${pad2(day)}${year > 0 ? '' : ' (BC)'}`;
}

/** Microseconds into a day as DuckDB writes them: 'HH:MM:SS', then '.f' with trailing zeros cut. */
function timeOfDayText(micros: number): string {
  const secs = Math.floor(micros / 1_000_000);
  const frac = micros - secs * 1_000_000;
  const hms = `${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`;
  return frac === 0 ? hms : `${hms}.${String(frac).padStart(6, '0').replace(/0+$/, '')}`;
}

/** A TIMESTAMP (microseconds since the epoch) as DuckDB writes it, 'infinity' included. */
export function timestampText(micros: number | bigint): string {
  if (typeof micros === 'bigint') {
    if (micros === TS_INFINITY) return 'infinity';
    if (micros === -TS_INFINITY) return '-infinity';
    if (micros > MAX_SAFE_BIG || micros < -MAX_SAFE_BIG) {
      // Beyond ±285 years of 1970 doubles are not exact: split in BigInt.
      let days = micros / DAY_MICROS_BIG;
      let rest = micros - days * DAY_MICROS_BIG;
      if (rest < 0n) {
        days--;
        rest += DAY_MICROS_BIG;
      }
      return `${dateText(Number(days))} ${timeOfDayText(Number(rest))}`;
    }
    micros = Number(micros);
  }
  // The quotient can round up across a day boundary; the remainder puts it right.
  let days = Math.floor(micros / DAY_MICROS);
  let rest = micros - days * DAY_MICROS;
  if (rest < 0) {
    days--;
    rest += DAY_MICROS;
  } else if (rest >= DAY_MICROS) {
    days++;
    rest -= DAY_MICROS;
  }
  return `${dateText(days)} ${timeOfDayText(rest)}`;
}

/**
 * A DECIMAL(width, scale) as DuckDB writes it, from its unscaled integer, every digit
 * exact: '-0.05', '10.00', '15' (scale 0 has no point), and '.25' when every digit is
 * behind the point (width = scale: DuckDB writes no leading zero there).
 */
export function decimalText(unscaled: number | bigint, width: number, scale: number): string {
  if (scale === 0) return String(unscaled);
  const negative = unscaled < 0;
  let digits = String(negative ? -unscaled : unscaled);
  const whole = width > scale ? 1 : 0;
  if (digits.length < scale + whole) digits = '0'.repeat(scale + whole - digits.length) + digits;
  return `${negative ? '-' : ''}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

/**
 * A signed 128-bit integer at `at` (DuckDB's hugeint: the low 64 bits, then the high 64
 * signed). When the high half only extends the low half's sign (every value of a wide
 * DECIMAL below 2^63, i.e. nearly all), it is the low half's int64: a number when exact,
 * with no BigInt arithmetic (issue 11: a DECIMAL(21,1) column cost as much as three others).
 */
export function int128At(view: DataView, at: number): number | bigint {
  const sign = view.getInt32(at + 4, true) >> 31;
  if (view.getInt32(at + 8, true) === sign && view.getInt32(at + 12, true) === sign) return int64At(view, at);
  return (view.getBigInt64(at + 8, true) << 64n) + view.getBigUint64(at, true);
}

/** A signed 64-bit integer at `at` as a number when exact, else as a bigint. */
export function int64At(view: DataView, at: number): number | bigint {
  const hi = view.getInt32(at + 4, true);
  // |value| < 2^53 exactly when the high word is in [-2^21, 2^21).
  if (hi >= -0x200000 && hi < 0x200000) return hi * 2 ** 32 + view.getUint32(at, true);
  return view.getBigInt64(at, true);
}

/** One cell. `type` drives the encoding of nested values (struct fields in type order). */
export function wireCell(type: DuckDBType, v: DuckDBValue): WireCell {
  if (v === null || v === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return v as boolean;
    case DuckDBTypeId.FLOAT:
      return floatText(v as number);
    case DuckDBTypeId.DOUBLE:
      return doubleText(v as number);
    case DuckDBTypeId.DATE: {
      const days = (v as DuckDBDateValue).days;
      if (days === DATE_INFINITY) return 'infinity';
      if (days === -DATE_INFINITY) return '-infinity';
      return dateText(days);
    }
    case DuckDBTypeId.TIMESTAMP:
      return timestampText((v as DuckDBTimestampValue).micros);
    case DuckDBTypeId.TIMESTAMP_TZ: {
      const text = timestampText((v as DuckDBTimestampTZValue).micros);
      // Always UTC on the wire; the renderer shows it in the profile's zone.
      return text.endsWith('infinity') ? text : `${text}+00`;
    }
    case DuckDBTypeId.BLOB:
      return hex((v as DuckDBBlobValue).bytes);
    case DuckDBTypeId.LIST:
      return (v as DuckDBListValue).items.map((item) => wireCell(type.valueType, item));
    case DuckDBTypeId.ARRAY:
      return (v as DuckDBArrayValue).items.map((item) => wireCell(type.valueType, item));
    case DuckDBTypeId.STRUCT: {
      const entries = (v as DuckDBStructValue).entries;
      return type.entryNames.map((name, i) => wireCell(type.entryTypes[i]!, entries[name] ?? null));
    }
    case DuckDBTypeId.MAP:
      return (v as DuckDBMapValue).entries.map((e) => [wireCell(type.keyType, e.key), wireCell(type.valueType, e.value)]);
    case DuckDBTypeId.UNION: {
      const u = v as DuckDBUnionValue;
      const i = type.memberTags.indexOf(u.tag);
      return [u.tag, i === -1 ? String(u.value) : wireCell(type.memberTypes[i]!, u.value)];
    }
    default:
      // Integers of every width arrive as number or bigint; DECIMAL, UUID, INTERVAL,
      // TIME, ENUM, VARCHAR as values whose toString is DuckDB's exact text.
      return typeof v === 'string' ? v : String(v);
  }
}

const textDecoder = new TextDecoder();

/** Bytes as text, as node-api decodes them (UTF-8); plain ASCII without the decoder. */
function decode(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 32) return textDecoder.decode(bytes.subarray(start, end));
  let s = '';
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b > 127) return textDecoder.decode(bytes.subarray(start, end));
    s += String.fromCharCode(b);
  }
  return s;
}

/** Null bits of a vector (bit i of byte i/8 set = row i valid), or null when all rows are valid. */
export const validityOf = (vector: Vector, rowCount: number): Uint8Array | null =>
  bindings.vector_get_validity(vector, Math.ceil(rowCount / 64) * 8) ?? null;

export const isValid = (validity: Uint8Array | null, i: number) => validity === null || ((validity[i >> 3]! >> (i & 7)) & 1) === 1;

/**
 * A VARCHAR vector's first `rowCount` values, pushed onto `out`, read straight from
 * its duckdb_string_t entries (16 bytes: length, then the text inline up to 12 bytes,
 * else a 4-byte prefix and a pointer). node-api makes one native call per out-of-line
 * string; strings DuckDB wrote one after another in memory (the usual case: a cast's
 * output, a scanned segment) are read here with one call per run of exactly adjacent
 * strings, which reads only bytes of those strings.
 */
function pushVarchar(vector: Vector, rowCount: number, out: WireCell[]): void {
  const data = bindings.vector_get_data(vector, rowCount * 16);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const validity = validityOf(vector, rowCount);
  // Filled out of order (a run's strings land when the run ends), so not `out` itself.
  const cells = new Array<string | null>(rowCount);
  // The entries as one Latin-1 string, made on the first inline string: an ASCII inline
  // string is then one slice of it, not a concatenation per byte.
  let entries: string | null = null;
  // Out-of-line strings, grouped into runs of adjacent ones: [first row, row count] per run.
  let runStart = -1;
  let runRows: number[] = [];
  let runBytes = 0;
  let runEnd = 0n;
  const flush = () => {
    if (runStart < 0) return;
    const bytes = bindings.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + runStart * 16 + 8, runBytes);
    const text = textDecoder.decode(bytes);
    let pos = 0;
    if (text.length === runBytes) {
      // All ASCII: UTF-16 offsets are the byte offsets.
      for (const r of runRows) {
        const len = view.getUint32(r * 16, true);
        cells[r] = text.slice(pos, pos + len);
        pos += len;
      }
    } else {
      for (const r of runRows) {
        const len = view.getUint32(r * 16, true);
        cells[r] = textDecoder.decode(bytes.subarray(pos, pos + len));
        pos += len;
      }
    }
    runStart = -1;
    runRows = [];
    runBytes = 0;
  };
  for (let r = 0; r < rowCount; r++) {
    if (!isValid(validity, r)) {
      cells[r] = null;
      continue;
    }
    const at = r * 16;
    const len = view.getUint32(at, true);
    if (len <= 12) {
      let ascii = true;
      for (let i = at + 4, end = at + 4 + len; i < end && ascii; i++) ascii = data[i]! < 128;
      if (ascii) {
        entries ??= Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
        cells[r] = entries.slice(at + 4, at + 4 + len);
      } else cells[r] = decode(data, at + 4, at + 4 + len);
      continue;
    }
    const ptr = view.getBigUint64(at + 8, true);
    if (runStart >= 0 && ptr !== runEnd) flush();
    if (runStart < 0) runStart = r;
    runRows.push(r);
    runBytes += len;
    runEnd = ptr + BigInt(len);
  }
  flush();
  for (let r = 0; r < rowCount; r++) out.push(cells[r]!);
}

/** A fixed-width vector's data and validity. */
export function fixedWidth(chunk: DuckDBDataChunk, c: number, rowCount: number, width: number): { view: DataView; validity: Uint8Array | null } {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
  const data = bindings.vector_get_data(vector, rowCount * width);
  return { view: new DataView(data.buffer, data.byteOffset, data.byteLength), validity: validityOf(vector, rowCount) };
}

/**
 * Pushes the first `rowCount` cells of a chunk's column `c` onto `out`, one tight loop
 * per type. Always by push: a column array must stay packed (an array made with
 * `new Array(n)` stays holey even when full, and V8 clones holey arrays key by key).
 */
export function pushColumn(type: DuckDBType, chunk: DuckDBDataChunk, c: number, rowCount: number, out: WireCell[]): void {
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
      pushVarchar(bindings.data_chunk_get_vector(chunk.chunk, c), rowCount, out);
      return;
    case DuckDBTypeId.DOUBLE: {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
      const data = bindings.vector_get_data(vector, rowCount * 8);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      const validity = validityOf(vector, rowCount);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? doubleText(view.getFloat64(r * 8, true)) : null);
      return;
    }
    case DuckDBTypeId.BOOLEAN: {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
      const data = bindings.vector_get_data(vector, rowCount);
      const validity = validityOf(vector, rowCount);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? data[r] !== 0 : null);
      return;
    }
    // Integers: one loop per width, no call per cell.
    case DuckDBTypeId.TINYINT: {
      const { view, validity } = fixedWidth(chunk, c, rowCount, 1);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? String(view.getInt8(r)) : null);
      return;
    }
    case DuckDBTypeId.UTINYINT: {
      const { view, validity } = fixedWidth(chunk, c, rowCount, 1);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? String(view.getUint8(r)) : null);
      return;
    }
    case DuckDBTypeId.SMALLINT: {
      const { view, validity } = fixedWidth(chunk, c, rowCount, 2);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? String(view.getInt16(r * 2, true)) : null);
      return;
    }
    case DuckDBTypeId.USMALLINT: {
      const { view, validity } = fixedWidth(chunk, c, rowCount, 2);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? String(view.getUint16(r * 2, true)) : null);
      return;
    }
    case DuckDBTypeId.INTEGER: {
      const { view, validity } = fixedWidth(chunk, c, rowCount, 4);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? String(view.getInt32(r * 4, true)) : null);
      return;
    }
    case DuckDBTypeId.UINTEGER: {
      const { view, validity } = fixedWidth(chunk, c, rowCount, 4);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? String(view.getUint32(r * 4, true)) : null);
      return;
    }
    case DuckDBTypeId.BIGINT: {
      const { view, validity } = fixedWidth(chunk, c, rowCount, 8);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? String(int64At(view, r * 8)) : null);
      return;
    }
    case DuckDBTypeId.DECIMAL: {
      // Stored as the narrowest integer holding `width` digits (DuckDB's rule: 4, 9, 18, 38).
      const { width, scale } = type;
      const bytes = width <= 4 ? 2 : width <= 9 ? 4 : width <= 18 ? 8 : 16;
      const { view, validity } = fixedWidth(chunk, c, rowCount, bytes);
      const at =
        bytes === 2
          ? (r: number) => view.getInt16(r * 2, true)
          : bytes === 4
            ? (r: number) => view.getInt32(r * 4, true)
            : bytes === 8
              ? (r: number) => int64At(view, r * 8)
              : (r: number) => int128At(view, r * 16);
      for (let r = 0; r < rowCount; r++) out.push(isValid(validity, r) ? decimalText(at(r), width, scale) : null);
      return;
    }
    case DuckDBTypeId.DATE: {
      const { view, validity } = fixedWidth(chunk, c, rowCount, 4);
      for (let r = 0; r < rowCount; r++) {
        if (!isValid(validity, r)) {
          out.push(null);
          continue;
        }
        const days = view.getInt32(r * 4, true);
        out.push(days === DATE_INFINITY ? 'infinity' : days === -DATE_INFINITY ? '-infinity' : dateText(days));
      }
      return;
    }
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ: {
      const { view, validity } = fixedWidth(chunk, c, rowCount, 8);
      const tz = type.typeId === DuckDBTypeId.TIMESTAMP_TZ;
      for (let r = 0; r < rowCount; r++) {
        if (!isValid(validity, r)) {
          out.push(null);
          continue;
        }
        const text = timestampText(int64At(view, r * 8));
        // TIMESTAMPTZ is always UTC on the wire; the renderer shows it in the profile's zone.
        out.push(tz && !text.endsWith('infinity') ? `${text}+00` : text);
      }
      return;
    }
    default: {
      const vector = chunk.getColumnVector(c);
      for (let r = 0; r < rowCount; r++) out.push(wireCell(type, vector.getItem(r)));
    }
  }
}

/**
 * The first `rowCount` rows of a chunk's columns from `first` on (of the given types),
 * pushed onto the page's columns: `columns[j]` takes chunk column `first + j`.
 */
export function pushChunk(types: readonly DuckDBType[], chunk: DuckDBDataChunk, columns: WireCell[][], rowCount = chunk.rowCount, first = 0): void {
  for (let j = 0; j < types.length; j++) pushColumn(types[j]!, chunk, first + j, rowCount, columns[j]!);
}

/**
 * `count` empty columns, in an array built by push: `map` and `new Array(n)` may give
 * a holey array, which V8 clones key by key.
 */
export function emptyColumns(count: number): WireCell[][] {
  const columns: WireCell[][] = [];
  for (let j = 0; j < count; j++) columns.push([]);
  return columns;
}

/**
 * A page of a materialised result's rows (at most `limit`), columns from `first` on.
 * Its chunks are already in memory, so they are taken synchronously: fetchChunk would
 * cost a thread-pool round trip per chunk.
 */
export function readPage(result: DuckDBMaterializedResult, offset: number, limit: number, first = 0): WirePage {
  return pageOfChunks(result.columnTypes(), resultChunks(result), offset, limit, first);
}

/**
 * A materialised result's chunks. Each getChunk copies the chunk out of DuckDB's
 * collection (about as long as converting a column of it), so a reader takes them once.
 */
export function resultChunks(result: DuckDBMaterializedResult): DuckDBDataChunk[] {
  const chunks: DuckDBDataChunk[] = [];
  for (let c = 0, n = result.chunkCount; c < n; c++) chunks.push(result.getChunk(c));
  return chunks;
}

/** readPage over chunks already taken (of a result whose column types are `allTypes`). */
export function pageOfChunks(allTypes: readonly DuckDBType[], chunks: readonly DuckDBDataChunk[], offset: number, limit: number, first = 0): WirePage {
  const types = allTypes.slice(first);
  const columns = emptyColumns(types.length);
  let rowCount = 0;
  for (let c = 0; c < chunks.length && rowCount < limit; c++) {
    const chunk = chunks[c]!;
    const n = Math.min(chunk.rowCount, limit - rowCount);
    pushChunk(types, chunk, columns, n, first);
    rowCount += n;
  }
  return { offset, rowCount, columns };
}

/** A BIGINT column of a chunk (rowids) as numbers; exact below 2^53. */
export function bigintColumn(chunk: DuckDBDataChunk, c: number): number[] {
  const rowCount = chunk.rowCount;
  const data = bindings.vector_get_data(bindings.data_chunk_get_vector(chunk.chunk, c), rowCount * 8);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: number[] = [];
  for (let r = 0; r < rowCount; r++) out.push(view.getInt32(r * 8 + 4, true) * 2 ** 32 + view.getUint32(r * 8, true));
  return out;
}
