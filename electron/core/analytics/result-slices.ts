// A finished query's rows, kept for paging in temp tables on the query's connection.
//
// The last statement of a query runs as a plain materialised query (DuckDB's fastest
// way to a full result, and it knows the exact row count at once); the first page is
// converted from the first chunks and returned right away, while the rest of the chunks
// are appended, in C++, into temp tables in the background. (CREATE TEMP TABLE … AS was
// measured 1.25–1.35× slower than the plain query for a sorted 5M-row result.) DuckDB
// spills them to the profile's temp directory when large. A temp table lives on its
// connection, so the connection is kept until the result closes.
//
// The rows are kept as slices: temp tables of at most SLICE_ROWS rows each, in order.
// A page is a rowid range scan of the one or two slices it falls in. One big table
// would do, but DuckDB (1.5) prunes no row groups on a rowid filter: it checks the
// filter against every row of the table, so a page of a 5M-row result cost 3× one of
// a 1M-row result. With slices a page costs the same at any result size. The whole
// result (for sorting, filtering, export) is the slices' UNION ALL, which keeps order.
import {
  DuckDBTypeId,
  ResultReturnType,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBDataChunk,
  type DuckDBMaterializedResult,
  type DuckDBPreparedStatement,
  type DuckDBResult,
  type DuckDBType,
} from '@duckdb/node-api';
import { emptyPage, type WireColumn, type WirePage } from '../../../shared/wire.js';
import { limitReached } from './host-limits.js';
import { quoteIdent } from './sql-text.js';
import { bytePageOfChunks, heldBytes, rowidsAscending } from './page-bytes.js';
import { bigintColumn, emptyColumns, pageOfChunks, pushChunk, readPage, resultChunks, wireType } from './wire-encode.js';

/** Rows appended between flushes (when they become visible to pages). */
const FLUSH_ROWS = 100_000;
/**
 * Rows per slice at most: four of DuckDB's row groups (122,880 rows each). A page of
 * a slice this size reads as fast as one of a single row group, and a slice still
 * scans in parallel when the whole result is sorted or exported.
 */
export const SLICE_ROWS = 4 * 122_880;

/** A query's connection, kept while any result made on it is open. */
export interface KeptConnection {
  conn: DuckDBConnection;
  users: number;
}

/** One result's slices and how far they are filled. */
export interface Slices {
  kept: KeptConnection;
  /** The slice tables, in row order; more are added while the result fills. */
  slices: string[];
  /** The result row each slice starts at. */
  sliceStarts: number[];
  columns: WireColumn[];
  /** The SELECT list a page is read with (see pageSelect). */
  pageSelect: string;
  byRowid: boolean;
  /** Every row of the result; while `counting`, only the first page's (result-stream.ts). */
  totalRows: number;
  /** The first page was streamed and the rows are still being kept: the total follows when `filled` settles. */
  counting: boolean;
  /** Stops the work still filling the result (closing the result calls it); absent when there is none. */
  stop?: () => void;
  /** Rows already in the slices (all of them once `filled` settles). */
  appended: number;
  filled: Promise<void>;
  closed: boolean;
  /** Each slice's prepared page read, made on its first page (see readSliceRange). */
  pageReads?: Map<string, PageRead>;
  /** Every row's chunk, kept in memory for a small result (see MEMORY_RESULT_BYTES); set once all rows are in. */
  memory?: MemoryRows;
}

/** A result's chunks in order, and the result row each starts at. */
interface MemoryRows {
  types: DuckDBType[];
  chunks: DuckDBDataChunk[];
  starts: number[];
  bytes: number;
}

/**
 * A result this small (estimated) also keeps its chunks in the host's memory once filled,
 * and its pages are read from them without a query: DuckDB's page query was about a
 * third of a 1,000-row page across processes (issue 11). At most MEMORY_HOST_BYTES of
 * such chunks per host (outside DuckDB's memory_limit, so bounded here); past that,
 * results page through their slices as before.
 */
export const MEMORY_RESULT_BYTES = 32 * 2 ** 20;
const MEMORY_HOST_BYTES = 64 * 2 ** 20;
let memoryInUse = 0;

/** A slice's page read prepared once, and the end of the last read run on it. */
interface PageRead {
  statement: Promise<DuckDBPreparedStatement>;
  last: Promise<unknown>;
}

/** What materialising a statement produced. */
export interface Materialised {
  columns: WireColumn[];
  types: DuckDBType[];
  names: string[];
  totalRows: number;
  counting: boolean;
  rowsChanged: number | null;
  firstPage: WirePage;
  /** The first slice, already created (so even an empty result has a typed table). */
  slice: string;
  /** Appends the rest into slices; resolves when all rows are in. */
  fill(r: Slices): Promise<void>;
}

let tableCounter = 0;
/** The name a result's slice tables start with; slice i is `${name}_${i}`. */
export const nextTable = () => `__enclave_result_${++tableCounter}`;

/** A rough size of a kept result: 16 bytes a cell (DuckDB's fixed width, or a short string). */
export function estimatedBytes(rows: number, columns: number): number {
  return rows * Math.max(1, columns) * 16;
}

/** The answer when a result is larger than a profile keeps for paging. */
export function tooLarge(bytes: number, budget: number) {
  const mib = (b: number) => Math.ceil(b / 2 ** 20);
  return limitReached(
    `This result (about ${mib(bytes)} MB) is larger than the ${mib(budget)} MB a profile keeps for paging`,
    'Add a LIMIT, a filter or an aggregate, or export the query straight to a file.',
  );
}

/** The first chunks of a result, `count` rows in all; `ended` when there are no more. */
export interface ResultHead {
  chunks: DuckDBDataChunk[];
  count: number;
  ended: boolean;
}

/** Reads chunks until `rows` rows are here or the result ends. */
export async function readHead(result: DuckDBResult, rows: number): Promise<ResultHead> {
  const head: ResultHead = { chunks: [], count: 0, ended: false };
  while (head.count < rows) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) {
      head.ended = true;
      break;
    }
    head.chunks.push(chunk);
    head.count += chunk.rowCount;
  }
  return head;
}

/** The first `pageSize` rows of a result's first chunks, as a page. */
export function headPage(types: DuckDBType[], chunks: readonly DuckDBDataChunk[], pageSize: number): WirePage {
  const page: WirePage = { offset: 0, rowCount: 0, columns: emptyColumns(types.length) };
  for (const chunk of chunks) {
    const n = Math.min(chunk.rowCount, pageSize - page.rowCount);
    if (n <= 0) break;
    pushChunk(types, chunk, page.columns, n);
    page.rowCount += n;
  }
  return page;
}

/**
 * Creates the first slice of `name` for a finished query's result and converts the
 * first page from the first chunks. A stream that ended within its first chunks
 * (`ended`, already read) is a finished result too. `fill` appends every chunk (first ones included)
 * with the Appender, which copies DuckDB vectors without JavaScript ever seeing the
 * values, starting a new slice whenever the next chunk would overfill this one.
 */
export async function materialise(
  conn: DuckDBConnection,
  name: string,
  result: DuckDBMaterializedResult | DuckDBResult,
  pageSize: number,
  ended?: ResultHead,
): Promise<Materialised> {
  const isRows = result.returnType === ResultReturnType.QUERY_RESULT && result.columnCount > 0;
  const rowsChanged = result.returnType === ResultReturnType.CHANGED_ROWS ? Number(result.rowsChanged) : null;
  const slice = `${name}_0`;
  if (!isRows) {
    await conn.run(`CREATE TEMP TABLE ${slice} (${quoteIdent('Count')} BIGINT)`);
    if (rowsChanged !== null) await conn.run(`INSERT INTO ${slice} VALUES (${rowsChanged})`);
    const types = [(await conn.runAndReadAll(`SELECT * FROM ${slice} LIMIT 0`)).columnType(0)];
    return {
      columns: rowsChanged === null ? [] : [{ name: 'Count', type: wireType(types[0]!) }],
      types,
      names: ['Count'],
      totalRows: rowsChanged === null ? 0 : 1,
      counting: false,
      rowsChanged,
      firstPage: rowsChanged === null ? emptyPage(0, 0) : { offset: 0, rowCount: 1, columns: [[String(rowsChanged)]] },
      slice,
      fill: async (r) => void (r.appended = r.totalRows),
    };
  }
  // Names as the result has them; the tables need them unique.
  const names = result.columnNames();
  const unique = result.deduplicatedColumnNames();
  const types = result.columnTypes();
  const definition = `(${unique.map((n, i) => `${quoteIdent(n)} ${types[i]!.toString()}`).join(', ')})`;
  await conn.run(`CREATE TEMP TABLE ${slice} ${definition}`);
  const totalRows = ended ? ended.count : (result as DuckDBMaterializedResult).rowCount;
  const first = ended ? ended.chunks : (await readHead(result, Math.min(pageSize, totalRows))).chunks;
  const firstPage = headPage(types, first, pageSize);
  return {
    columns: names.map((n, i) => ({ name: n, type: wireType(types[i]!) })),
    types,
    names: unique,
    totalRows,
    counting: false,
    rowsChanged,
    firstPage,
    slice,
    fill: async (r) => {
      let appender: DuckDBAppender | null = await conn.createAppender(slice, 'main', 'temp');
      try {
        let inSlice = 0;
        let pending = 0;
        const flush = () => {
          appender!.flushSync();
          r.appended += pending;
          pending = 0;
        };
        const append = async (chunk: NonNullable<(typeof first)[number]>) => {
          if (inSlice > 0 && inSlice + chunk.rowCount > SLICE_ROWS) {
            flush();
            appender!.closeSync();
            appender = null;
            const next = `${name}_${r.slices.length}`;
            await conn.run(`CREATE TEMP TABLE ${next} ${definition}`);
            r.slices.push(next);
            r.sliceStarts.push(r.appended);
            appender = await conn.createAppender(next, 'main', 'temp');
            inSlice = 0;
          }
          appender!.appendDataChunk(chunk);
          inSlice += chunk.rowCount;
          pending += chunk.rowCount;
          if (pending >= FLUSH_ROWS) flush();
        };
        // The estimate (16 bytes a cell) rules out what is surely too large; what is kept is
        // measured chunk by chunk (heldBytes: strings count with their own bytes), and a
        // result that passes MEMORY_RESULT_BYTES on the way lets its chunks go.
        const estimate = estimatedBytes(totalRows, types.length);
        let memory: MemoryRows | null =
          estimate <= MEMORY_RESULT_BYTES && memoryInUse + estimate <= MEMORY_HOST_BYTES && !types.some((t) => CAST_IN_SQL.has(t.typeId))
            ? { types, chunks: [], starts: [], bytes: 0 }
            : null;
        let rows = 0;
        const keep = (chunk: NonNullable<(typeof first)[number]>) => {
          if (!memory) return;
          const held = heldBytes(types, chunk);
          if (held === null || memory.bytes + held > MEMORY_RESULT_BYTES) {
            memory = null;
            return;
          }
          memory.bytes += held;
          memory.chunks.push(chunk);
          memory.starts.push(rows);
          rows += chunk.rowCount;
        };
        for (const chunk of first) {
          keep(chunk);
          await append(chunk);
        }
        first.length = 0;
        for (let chunk = ended ? null : await result.fetchChunk(); chunk && chunk.rowCount > 0 && !r.closed; chunk = await result.fetchChunk()) {
          keep(chunk);
          await append(chunk);
        }
        flush();
        // Every row is in (and the budget still has room: another result may have taken it meanwhile).
        if (memory && !r.closed && rows === r.appended && memoryInUse + memory.bytes <= MEMORY_HOST_BYTES) {
          memoryInUse += memory.bytes;
          r.memory = memory;
        }
      } finally {
        appender?.closeSync();
      }
    },
  };
}

/** The slices of a materialised result on `kept`'s connection, not yet filling. */
export function slicesOf(kept: KeptConnection, m: Materialised): Slices {
  return {
    kept,
    slices: [m.slice],
    sliceStarts: [0],
    columns: m.columns,
    pageSelect: pageSelect(m.names, m.types),
    // A result column named rowid hides DuckDB's; such a result pages by OFFSET.
    byRowid: !m.names.some((n) => n.toLowerCase() === 'rowid'),
    totalRows: m.totalRows,
    counting: m.counting,
    appended: 0,
    filled: Promise.resolve(),
    closed: false,
  };
}

/** Rows [offset, offset + limit) of a result, waiting for the slices to fill that far. */
export async function readRows(r: Slices, offset: number, limit: number): Promise<WirePage> {
  // While counting, the total is not known: the rows past the first page wait for it.
  if (r.counting) await r.filled;
  if (offset >= r.totalRows) return emptyPage(offset, r.columns.length);
  const end = Math.min(r.totalRows, offset + limit);
  if (r.appended < end) await r.filled;
  if (r.memory) return memoryPage(r.memory, r.columns.length, offset, end);
  const ranges = sliceRanges(r.sliceStarts, r.slices, offset, end);
  if (!r.byRowid) {
    // OFFSET scans the slice up to the page: at most SLICE_ROWS rows.
    const page: WirePage = { offset, rowCount: 0, columns: emptyColumns(r.columns.length) };
    for (const { table, from, to } of ranges) {
      const part = readPage(await r.kept.conn.run(`SELECT ${r.pageSelect} FROM ${table} LIMIT ${to - from} OFFSET ${from}`), offset, to - from);
      part.columns.forEach((col, j) => {
        for (const cell of col) page.columns[j]!.push(cell);
      });
      page.rowCount += part.rowCount;
    }
    return page;
  }
  // No ORDER BY: sorting 1,000 rows here is cheaper than DuckDB's ordered scan.
  // Read column-wise, straight from DuckDB's vectors (readPage). A page inside one
  // slice (nearly all) selects the bare rowid: `rowid + <start>` makes DuckDB 1.5 plan
  // the scan some 2-3 times slower, and one slice's rowids order its rows already.
  const result =
    ranges.length === 1
      ? await readSliceRange(r, ranges[0]!.table, ranges[0]!.from, ranges[0]!.to)
      : await r.kept.conn.run(
          ranges
            .map(({ table, start, from, to }) => `SELECT rowid + ${start}, ${r.pageSelect} FROM ${table} WHERE rowid >= ${from} AND rowid < ${to}`)
            .join('\nUNION ALL\n'),
        );
  const chunks = resultChunks(result);
  // Rows in order (nearly always): the page written as bytes (page-bytes.ts).
  if (rowidsAscending(chunks)) return bytePageOfChunks(result.columnTypes(), chunks, offset, limit, 1);
  const page = pageOfChunks(result.columnTypes(), chunks, offset, limit, 1);
  const rowids: number[] = [];
  for (const chunk of chunks) for (const id of bigintColumn(chunk, 0)) rowids.push(id);
  const order = rowids.map((_, i) => i).sort((a, b) => rowids[a]! - rowids[b]!);
  const columns = emptyColumns(page.columns.length);
  page.columns.forEach((col, j) => {
    for (const i of order) columns[j]!.push(col[i]!);
  });
  return { ...page, columns };
}

/**
 * Rows [from, to) of one slice with their rowids, by a statement prepared once per
 * slice: parsing and planning the page's SELECT anew was about a third of its query
 * (issue 11: the 1,000 × 10 page across processes). A prepared statement holds one set
 * of bound values until its run has started on DuckDB's thread, so the reads of one
 * slice run one after another (concurrent pages of one result are rare).
 */
function readSliceRange(r: Slices, table: string, from: number, to: number): Promise<DuckDBMaterializedResult> {
  const reads = (r.pageReads ??= new Map());
  let read = reads.get(table);
  if (!read) {
    const created: PageRead = {
      statement: r.kept.conn.prepare(`SELECT rowid, ${r.pageSelect} FROM ${table} WHERE rowid >= $1 AND rowid < $2`),
      last: Promise.resolve(),
    };
    // A failed prepare is tried again by the next page rather than kept.
    created.statement.catch(() => reads.get(table) === created && reads.delete(table));
    reads.set(table, (read = created));
  }
  const reading = read;
  const run = reading.last.then(async () => {
    const ps = await reading.statement;
    ps.bindBigInt(1, BigInt(from));
    ps.bindBigInt(2, BigInt(to));
    return ps.run();
  });
  reading.last = run.catch(() => undefined);
  return run;
}

/**
 * The index of the last of `starts` (ascending, from 0) at or before `offset`: the chunk or
 * slice holding row `offset`. A binary search: a result may have many chunks.
 */
function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows [offset, end) of a result kept in memory, with no query. */
function memoryPage({ types, chunks, starts }: MemoryRows, columnCount: number, offset: number, end: number): WirePage {
  if (end <= offset) return emptyPage(offset, columnCount);
  const first = lastStartAtOrBefore(starts, offset);
  return bytePageOfChunks(types, chunks.slice(first), offset, end - offset, 0, offset - starts[first]!);
}

/** Frees a result's prepared page reads once the reads running on them have ended (before its slices are dropped), and its rows kept in memory. */
export async function closePageReads(r: Pick<Slices, 'pageReads' | 'memory'>): Promise<void> {
  if (r.memory) {
    memoryInUse -= r.memory.bytes;
    r.memory = undefined;
  }
  const reads = [...(r.pageReads?.values() ?? [])];
  r.pageReads?.clear();
  for (const read of reads) {
    await read.last;
    (await read.statement.catch(() => null))?.destroySync();
  }
}

/** The whole kept result, as one relation to select from. */
export function relation(r: Pick<Slices, 'slices'>): string {
  return r.slices.length === 1 ? r.slices[0]! : `(${r.slices.map((t) => `SELECT * FROM ${t}`).join('\nUNION ALL\n')}) AS result`;
}

/** The part of each slice that rows [offset, end) of the result lie in, as slice rowids. */
export function sliceRanges(
  sliceStarts: readonly number[],
  slices: readonly string[],
  offset: number,
  end: number,
): { table: string; start: number; from: number; to: number }[] {
  // The slice holding offset (a 10M-row result has ~20 slices).
  const lo = lastStartAtOrBefore(sliceStarts, offset);
  const out: { table: string; start: number; from: number; to: number }[] = [];
  for (let i = lo; i < slices.length && sliceStarts[i]! < end; i++) {
    const start = sliceStarts[i]!;
    const sliceEnd = sliceStarts[i + 1] ?? end;
    out.push({ table: slices[i]!, start, from: Math.max(offset, start) - start, to: Math.min(end, sliceEnd) - start });
  }
  return out;
}

/**
 * Scalars whose DuckDB text form IS their wire form and that wire-encode.ts has no
 * tight loop for are cast to VARCHAR by DuckDB (vectorised, in C++) instead of being
 * built as JavaScript value objects and stringified one by one. The integers up to
 * 64 bits, DECIMAL, DATE, TIMESTAMP and TIMESTAMPTZ are read straight from their
 * vectors (cheaper than DuckDB's cast: a DECIMAL cast made a page's scan some 1 ms
 * slower per column); DOUBLE/FLOAT (DuckDB writes 'nan', we write 'NaN'), BLOB (hex
 * on the wire) and nested types go through wire-encode.ts too.
 */
const CAST_IN_SQL = new Set<DuckDBTypeId>([
  DuckDBTypeId.HUGEINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.TIME,
  DuckDBTypeId.TIME_NS, DuckDBTypeId.TIME_TZ, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.INTERVAL, DuckDBTypeId.UUID, DuckDBTypeId.ENUM, DuckDBTypeId.BIT,
]);

function pageSelect(names: readonly string[], types: readonly DuckDBType[]): string {
  return names.map((n, i) => (CAST_IN_SQL.has(types[i]!.typeId) ? `CAST(${quoteIdent(n)} AS VARCHAR)` : quoteIdent(n))).join(', ') || '*';
}
