// A result page written straight from DuckDB's vectors into bytes (issue 11: the 1,000 ×
// 10 page across processes). Building a JavaScript string per cell (10,000 of them, plus
// the ropes, DECIMAL/TIMESTAMP texts and BIGINT heap numbers on the way) cost as much as
// DuckDB's query, and again in garbage collection on both sides of the process boundary.
// Here each scalar column's cells are written as ASCII text end to end into one byte
// array reused from page to page, with a length per cell (page-transfer.ts's ByteColumn);
// main makes the strings with one Latin-1 decode per column and a slice per cell.
//
// The text is exactly what wire-encode.ts's pushColumn makes (page-bytes.test.ts compares
// the two on every edge). A column this file has no writer for (nested, BLOB, FLOAT,
// HUGEINT beyond 2^63, …) or whose text is not all ASCII is made of cells by pushColumn,
// as before.
import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBType } from '@duckdb/node-api';
import bindings from '@duckdb/node-bindings';
import type { WireCell, WirePage } from '../../../shared/wire.js';
import { FALSE, NULL, TRUE, lazyPage, narrowLengths, type ByteColumn, type EncodedPage } from '../storage/page-transfer.js';
import {
  DATE_INFINITY,
  dateText,
  decimalText,
  doubleText,
  fixedWidth,
  int128At,
  int64At,
  isValid,
  pushColumn,
  timestampText,
  validityOf,
} from './wire-encode.js';

/** The page being written; reused (grown when needed), so a page allocates only its exact copy. */
let buf = new Uint8Array(1 << 18);
let n = 0;
/** One column's lengths while it is written; copied narrowed (narrowLengths). */
let lengths = new Int32Array(2048);

function ensure(extra: number): void {
  if (n + extra <= buf.length) return;
  const grown = new Uint8Array(Math.max(buf.length * 2, n + extra));
  grown.set(buf.subarray(0, n));
  buf = grown;
}

/** An ASCII string's characters (every text this file makes from numbers and dates is ASCII). */
function putAscii(s: string): number {
  ensure(s.length);
  for (let i = 0; i < s.length; i++) buf[n++] = s.charCodeAt(i);
  return s.length;
}

/** `digits` digits of a non-negative integer below 2^53, zero-padded on the left, at n (room ensured). */
function putDigits(v: number, digits: number): void {
  const start = n;
  n += digits;
  for (let p = n - 1; p >= start; p--) {
    const q = Math.floor(v / 10);
    buf[p] = 48 + (v - q * 10);
    v = q;
  }
}

const digitCount = (v: number): number => {
  let d = 1;
  for (let t = v; t >= 10; t = Math.floor(t / 10)) d++;
  return d;
};

/** An integer as String() writes it (exact below 2^53; a bigint through String). */
function putInt(v: number | bigint): number {
  if (typeof v === 'bigint') return putAscii(String(v));
  const negative = v < 0;
  const abs = negative ? -v : v;
  const d = digitCount(abs);
  ensure(d + 1);
  if (negative) buf[n++] = 45;
  putDigits(abs, d);
  return d + (negative ? 1 : 0);
}

/** decimalText's text, written without making it: the digits with a point `scale` from the end. */
function putDecimal(unscaled: number | bigint, width: number, scale: number): number {
  if (typeof unscaled === 'bigint' || scale === 0) return typeof unscaled === 'bigint' ? putAscii(decimalText(unscaled, width, scale)) : putInt(unscaled);
  const negative = unscaled < 0;
  const abs = negative ? -unscaled : unscaled;
  // At least scale digits, and one before the point unless width = scale (DuckDB's '.25').
  const d = Math.max(digitCount(abs), scale + (width > scale ? 1 : 0));
  const start = n;
  ensure(d + 2);
  if (negative) buf[n++] = 45;
  const unit = 10 ** scale;
  let whole = Math.floor(abs / unit);
  let fraction = abs - whole * unit;
  // The quotient of doubles may round across a multiple of unit: the remainder puts it right.
  if (fraction < 0) {
    whole--;
    fraction += unit;
  } else if (fraction >= unit) {
    whole++;
    fraction -= unit;
  }
  if (d > scale) putDigits(whole, d - scale);
  buf[n++] = 46;
  putDigits(fraction, scale);
  return n - start;
}

const DAY_MICROS = 86_400_000_000;

/** timestampText's text (and '+00' for TIMESTAMPTZ), written from its parts. */
function putTimestamp(micros: number | bigint, tz: boolean): number {
  if (typeof micros === 'bigint') {
    const text = timestampText(micros);
    return putAscii(tz && !text.endsWith('infinity') ? `${text}+00` : text);
  }
  const start = n;
  let days = Math.floor(micros / DAY_MICROS);
  let rest = micros - days * DAY_MICROS;
  if (rest < 0) {
    days--;
    rest += DAY_MICROS;
  } else if (rest >= DAY_MICROS) {
    days++;
    rest -= DAY_MICROS;
  }
  putAscii(dateText(days));
  const secs = Math.floor(rest / 1_000_000);
  let frac = rest - secs * 1_000_000;
  ensure(20);
  buf[n++] = 32;
  putDigits(Math.floor(secs / 3600), 2);
  buf[n++] = 58;
  putDigits(Math.floor(secs / 60) % 60, 2);
  buf[n++] = 58;
  putDigits(secs % 60, 2);
  if (frac !== 0) {
    // Six digits with the trailing zeros cut.
    let digits = 6;
    while (frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    buf[n++] = 46;
    putDigits(frac, digits);
  }
  if (tz) {
    buf[n++] = 43;
    buf[n++] = 48;
    buf[n++] = 48;
  }
  return n - start;
}

/**
 * A VARCHAR vector's first `rowCount` values as bytes; false (nothing kept) at the first
 * byte that is not ASCII. Strings of up to 12 bytes are inline in their 16-byte entry;
 * longer ones are read with one native call per run of strings adjacent in memory.
 */
function putVarchar(chunk: DuckDBDataChunk, c: number, start: number, rowCount: number, lens: Int32Array, from: number): boolean {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
  const data = bindings.vector_get_data(vector, rowCount * 16);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const validity = validityOf(vector, rowCount);
  let runStart = -1;
  let runBytes = 0;
  let runEnd = 0n;
  let runAt = 0;
  const flush = (): boolean => {
    if (runStart < 0) return true;
    const bytes = bindings.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + runStart * 16 + 8, runBytes);
    for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 127) return false;
    buf.set(bytes, runAt);
    runStart = -1;
    return true;
  };
  for (let r = start; r < rowCount; r++) {
    if (!isValid(validity, r)) {
      lens[from + r] = NULL;
      continue;
    }
    const at = r * 16;
    const len = view.getUint32(at, true);
    lens[from + r] = len;
    if (len <= 12) {
      if (runStart >= 0 && !flush()) return false;
      ensure(len);
      for (let i = at + 4, end = at + 4 + len; i < end; i++) {
        const b = data[i]!;
        if (b > 127) return false;
        buf[n++] = b;
      }
      continue;
    }
    const ptr = view.getBigUint64(at + 8, true);
    if (runStart >= 0 && ptr !== runEnd && !flush()) return false;
    if (runStart < 0) {
      runStart = r;
      runBytes = 0;
      runAt = n;
    }
    // The run's bytes land when it ends; its room is taken now, in row order.
    ensure(len);
    n += len;
    runBytes += len;
    runEnd = ptr + BigInt(len);
  }
  return flush();
}

/** How putColumn writes a type; decided once a column, as DuckDBTypeId's members are getters in the bundle. */
const enum Kind {
  None,
  Varchar,
  Boolean,
  Int8,
  Uint8,
  Int16,
  Uint16,
  Int32,
  Uint32,
  Int64,
  Double,
  Date,
  Timestamp,
  TimestampTz,
  Decimal,
}

function kindOf(type: DuckDBType): { kind: Kind; width: number } {
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
      return { kind: Kind.Varchar, width: 16 };
    case DuckDBTypeId.BOOLEAN:
      return { kind: Kind.Boolean, width: 1 };
    case DuckDBTypeId.TINYINT:
      return { kind: Kind.Int8, width: 1 };
    case DuckDBTypeId.UTINYINT:
      return { kind: Kind.Uint8, width: 1 };
    case DuckDBTypeId.SMALLINT:
      return { kind: Kind.Int16, width: 2 };
    case DuckDBTypeId.USMALLINT:
      return { kind: Kind.Uint16, width: 2 };
    case DuckDBTypeId.INTEGER:
      return { kind: Kind.Int32, width: 4 };
    case DuckDBTypeId.UINTEGER:
      return { kind: Kind.Uint32, width: 4 };
    case DuckDBTypeId.BIGINT:
      return { kind: Kind.Int64, width: 8 };
    case DuckDBTypeId.DOUBLE:
      return { kind: Kind.Double, width: 8 };
    case DuckDBTypeId.DATE:
      return { kind: Kind.Date, width: 4 };
    case DuckDBTypeId.TIMESTAMP:
      return { kind: Kind.Timestamp, width: 8 };
    case DuckDBTypeId.TIMESTAMP_TZ:
      return { kind: Kind.TimestampTz, width: 8 };
    case DuckDBTypeId.DECIMAL:
      // Stored as the narrowest integer holding `width` digits (DuckDB's rule: 4, 9, 18, 38).
      return { kind: Kind.Decimal, width: type.width <= 4 ? 2 : type.width <= 9 ? 4 : type.width <= 18 ? 8 : 16 };
    default:
      return { kind: Kind.None, width: 0 };
  }
}

/**
 * Writes rows [start, rowCount) of a chunk's column `c` at `n`, row r's length at
 * `lens[from + r]`. False when the column has no byte writer or is not all ASCII.
 */
function putColumn(type: DuckDBType, kind: Kind, width: number, chunk: DuckDBDataChunk, c: number, start: number, rowCount: number, lens: Int32Array, from: number): boolean {
  if (kind === Kind.None) return false;
  if (kind === Kind.Varchar) return putVarchar(chunk, c, start, rowCount, lens, from);
  const { view, validity } = fixedWidth(chunk, c, rowCount, width);
  if (kind === Kind.Boolean) {
    for (let r = start; r < rowCount; r++) lens[from + r] = !isValid(validity, r) ? NULL : view.getUint8(r) !== 0 ? TRUE : FALSE;
    return true;
  }
  const { width: digits, scale } = kind === Kind.Decimal ? (type as DuckDBType & { width: number; scale: number }) : { width: 0, scale: 0 };
  for (let r = start; r < rowCount; r++) {
    if (!isValid(validity, r)) {
      lens[from + r] = NULL;
      continue;
    }
    let len: number;
    switch (kind) {
      case Kind.Int8:
        len = putInt(view.getInt8(r));
        break;
      case Kind.Uint8:
        len = putInt(view.getUint8(r));
        break;
      case Kind.Int16:
        len = putInt(view.getInt16(r * 2, true));
        break;
      case Kind.Uint16:
        len = putInt(view.getUint16(r * 2, true));
        break;
      case Kind.Int32:
        len = putInt(view.getInt32(r * 4, true));
        break;
      case Kind.Uint32:
        len = putInt(view.getUint32(r * 4, true));
        break;
      case Kind.Int64:
        len = putInt(int64At(view, r * 8));
        break;
      case Kind.Double:
        len = putAscii(doubleText(view.getFloat64(r * 8, true)));
        break;
      case Kind.Date: {
        const days = view.getInt32(r * 4, true);
        len = putAscii(days === DATE_INFINITY ? 'infinity' : days === -DATE_INFINITY ? '-infinity' : dateText(days));
        break;
      }
      case Kind.Timestamp:
      case Kind.TimestampTz:
        len = putTimestamp(int64At(view, r * 8), kind === Kind.TimestampTz);
        break;
      default: {
        const v = width === 2 ? view.getInt16(r * 2, true) : width === 4 ? view.getInt32(r * 4, true) : width === 8 ? int64At(view, r * 8) : int128At(view, r * 16);
        len = putDecimal(v, digits, scale);
      }
    }
    lens[from + r] = len;
  }
  return true;
}

/**
 * pageOfChunks (wire-encode.ts) as an encoded page: the same cells, scalar columns as
 * bytes. Returned as a WirePage (page-transfer.ts's lazyPage) so that every caller in the
 * host can read it as one; the host's reply sends the bytes.
 */
export function bytePageOfChunks(
  allTypes: readonly DuckDBType[],
  chunks: readonly DuckDBDataChunk[],
  offset: number,
  limit: number,
  first = 0,
  skip = 0,
): WirePage {
  // Rows [starts[c], ends[c]) of chunk c; the first chunk's from `skip` on.
  const starts: number[] = [];
  const ends: number[] = [];
  let rowCount = 0;
  for (let c = 0; c < chunks.length && rowCount < limit; c++) {
    const start = c === 0 ? skip : 0;
    const k = Math.max(0, Math.min(chunks[c]!.rowCount - start, limit - rowCount));
    starts.push(start);
    ends.push(start + k);
    rowCount += k;
  }
  if (lengths.length < rowCount) lengths = new Int32Array(rowCount);
  n = 0;
  const columns: (ByteColumn | WireCell[])[] = [];
  for (let j = first; j < allTypes.length; j++) {
    const type = allTypes[j]!;
    const { kind, width } = kindOf(type);
    const at = n;
    let ok = true;
    for (let c = 0, from = 0; c < starts.length && ok; from += ends[c]! - starts[c]!, c++) {
      ok = putColumn(type, kind, width, chunks[c]!, j, starts[c]!, ends[c]!, lengths, from - starts[c]!);
    }
    if (ok) {
      let longest = 0;
      for (let i = 0; i < rowCount; i++) if (lengths[i]! > longest) longest = lengths[i]!;
      columns.push({ at, end: n, lengths: narrowLengths(lengths.slice(0, rowCount), longest) });
    } else {
      n = at;
      const cells: WireCell[] = [];
      for (let c = 0; c < starts.length; c++) {
        if (starts[c] === 0) pushColumn(type, chunks[c]!, j, ends[c]!, cells);
        else {
          // pushColumn reads from a chunk's first row: the rows before `skip` are made and dropped.
          const all: WireCell[] = [];
          pushColumn(type, chunks[c]!, j, ends[c]!, all);
          for (let i = starts[c]!; i < all.length; i++) cells.push(all[i]!);
        }
      }
      columns.push(cells);
    }
  }
  const page: EncodedPage = { offset, rowCount, bytes: buf.slice(0, n), columns };
  return lazyPage(page);
}

/** Types whose cells sit in their vector's own entries (at most 16 bytes a cell): no child vectors, no string heap. */
const NESTED = new Set<DuckDBTypeId>([
  DuckDBTypeId.LIST, DuckDBTypeId.STRUCT, DuckDBTypeId.MAP, DuckDBTypeId.ARRAY, DuckDBTypeId.UNION,
]);

/**
 * The bytes a chunk holds while it is kept, measured: 16 a cell (the widest entry) plus
 * every string's own bytes beyond the 12 kept inline, for VARCHAR and BLOB; null for a
 * chunk with nested columns, which is not measured (and so not kept). An estimate by row
 * and column count alone would let 100 rows of 10 MB texts pass as 1.6 KB.
 */
export function heldBytes(types: readonly DuckDBType[], chunk: DuckDBDataChunk): number | null {
  const rowCount = chunk.rowCount;
  let bytes = 0;
  for (let c = 0; c < types.length; c++) {
    const typeId = types[c]!.typeId;
    if (NESTED.has(typeId)) return null;
    bytes += rowCount * 16;
    if (typeId !== DuckDBTypeId.VARCHAR && typeId !== DuckDBTypeId.BLOB) continue;
    const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
    const data = bindings.vector_get_data(vector, rowCount * 16);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const validity = validityOf(vector, rowCount);
    for (let r = 0; r < rowCount; r++) {
      if (!isValid(validity, r)) continue;
      const length = view.getUint32(r * 16, true);
      if (length > 12) bytes += length;
    }
  }
  return bytes;
}

/** Whether column `c` (BIGINT rowids) of the chunks rises strictly, read from the vectors. */
export function rowidsAscending(chunks: readonly DuckDBDataChunk[], c = 0): boolean {
  let last = -Infinity;
  for (const chunk of chunks) {
    const rowCount = chunk.rowCount;
    const data = bindings.vector_get_data(bindings.data_chunk_get_vector(chunk.chunk, c), rowCount * 8);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let r = 0; r < rowCount; r++) {
      const id = view.getInt32(r * 8 + 4, true) * 2 ** 32 + view.getUint32(r * 8, true);
      if (id <= last) return false;
      last = id;
    }
  }
  return true;
}
