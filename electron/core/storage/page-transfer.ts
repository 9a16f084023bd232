// Result pages across the host process boundary in a compact form. A 1,000 × 10 page
// is 10,000 small strings, and V8's structured clone writes and reads each one as an
// object of its own (most of a page's cost across processes, issue 11). A column of
// scalars travels instead as ONE string of its cells end to end and a typed array of
// their lengths (-1 NULL, -2 true, -3 false; bytes when every cell is shorter than 128):
// a few large copies. Main rebuilds the
// column with slices, as packed arrays. Nested columns (LIST, STRUCT, …) travel as
// they are and are copied into packed arrays on arrival, so every page main receives
// is packed already (the router does not pack a fetchRows page a second time). The
// host encodes replies, main decodes them; nothing else ever sees the compact form.
//
// A fetchRows page goes further (page-bytes.ts): the host writes its scalar columns'
// text straight from DuckDB's vectors into ONE byte array (ASCII, so a byte is a UTF-16
// unit), never making a string a cell; such a column travels as its byte range and
// lengths. Inside the host that page is a WirePage whose `columns` are decoded only if
// someone reads them (then the cells, not the bytes, are what is sent).
import type { WireCell, WirePage } from '../../../shared/wire.js';

type Lengths = Int8Array | Int16Array | Int32Array;

interface CompactColumn {
  text: string;
  lengths: Lengths;
}

/** A scalar column as bytes [at, end) of its page's `bytes` (ASCII text of its cells end to end) and lengths. */
export interface ByteColumn {
  at: number;
  end: number;
  lengths: Lengths;
}

interface CompactPage {
  offset: number;
  rowCount: number;
  compact: (CompactColumn | ByteColumn | WireCell[])[];
  /** The byte columns' text (only when some column is a ByteColumn). */
  bytes?: Uint8Array;
}

/** A page as the host builds it from vectors: byte columns, or cells (packed) where a column is not plain ASCII scalars. */
export interface EncodedPage {
  offset: number;
  rowCount: number;
  bytes: Uint8Array;
  columns: (ByteColumn | WireCell[])[];
}

/** A cell's length, or what the cell is when it is no text. */
export const NULL = -1;
export const TRUE = -2;
export const FALSE = -3;

/** Lengths in the narrowest array that holds them, `longest` being the largest. */
export const narrowLengths = (lengths: Int32Array, longest: number): Lengths =>
  longest <= 127 ? new Int8Array(lengths) : longest <= 32767 ? new Int16Array(lengths) : lengths;

function encodeColumn(cells: readonly WireCell[]): CompactColumn | WireCell[] {
  const lengths = new Int32Array(cells.length);
  let text = '';
  let longest = 0;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v === 'string') {
      lengths[i] = v.length;
      if (v.length > longest) longest = v.length;
      text += v;
    } else if (v === null || v === undefined) lengths[i] = NULL;
    else if (v === true) lengths[i] = TRUE;
    else if (v === false) lengths[i] = FALSE;
    else return cells as WireCell[];
  }
  // The lengths in the narrowest array that holds them: most cells are short, and a
  // byte a cell instead of four is a quarter less to copy across (issue 11).
  return { text, lengths: narrowLengths(lengths, longest) };
}

/** A cloned column copied by push: a structured clone hands arrays back holey (see packPage). */
function packed(cells: readonly WireCell[]): WireCell[] {
  const out: WireCell[] = [];
  for (let i = 0; i < cells.length; i++) out.push(cells[i] ?? null);
  return out;
}

/** Bytes [at, end) as a string, one UTF-16 unit a byte. */
const latin1 = (bytes: Uint8Array, at: number, end: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + at, end - at).toString('latin1');

function decodeColumn(c: CompactColumn | ByteColumn | WireCell[], bytes?: Uint8Array): WireCell[] {
  if (Array.isArray(c)) return packed(c);
  if ('at' in c) return cellsOf(bytes ? latin1(bytes, c.at, c.end) : '', c.lengths);
  return cellsOf(c.text, c.lengths);
}

function cellsOf(text: string, lengths: Lengths): WireCell[] {
  const out: WireCell[] = [];
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const n = lengths[i]!;
    if (n >= 0) {
      out.push(text.slice(at, at + n));
      at += n;
    } else out.push(n === NULL ? null : n === TRUE);
  }
  return out;
}

/** Exactly a WirePage (offset, rowCount and columns of cells, nothing else), so nothing another reply carries is dropped. */
const isPage = (v: unknown): v is WirePage => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = v as WirePage;
  return (
    Object.keys(p).length === 3 &&
    typeof p.offset === 'number' &&
    typeof p.rowCount === 'number' &&
    Array.isArray(p.columns) &&
    p.columns.every((c) => Array.isArray(c))
  );
};

const isCompact = (v: unknown): v is CompactPage => typeof v === 'object' && v !== null && Array.isArray((v as CompactPage).compact);

const encodePage = ({ offset, rowCount, columns }: WirePage): CompactPage => ({ offset, rowCount, compact: columns.map(encodeColumn) });

const decodePage = ({ offset, rowCount, compact, bytes }: CompactPage): WirePage => ({
  offset,
  rowCount,
  columns: compact.map((c) => decodeColumn(c, bytes)),
});

/** What an EncodedPage sends: its byte columns as they are, its cell columns compacted. */
const sendEncoded = ({ offset, rowCount, bytes, columns }: EncodedPage): CompactPage => ({
  offset,
  rowCount,
  bytes,
  compact: columns.map((c) => (Array.isArray(c) ? encodeColumn(c) : { at: c.at, end: c.end, lengths: c.lengths })),
});

/** Column j of an encoded page as cells (a byte column decoded, a cell column as it is). */
export const cellsOfColumn = (e: EncodedPage, j: number): WireCell[] => {
  const c = e.columns[j]!;
  return Array.isArray(c) ? c : decodeColumn(c, e.bytes);
};

const ENCODED = Symbol('encoded page');

/**
 * An EncodedPage as a WirePage for the host's own code: its `columns` are decoded on
 * first read, and from then on the page is sent as those cells (whoever read them may
 * change them), never as the bytes.
 */
export function lazyPage(e: EncodedPage): WirePage {
  let columns: WireCell[][] | null = null;
  const page = { offset: e.offset, rowCount: e.rowCount } as WirePage & { [ENCODED]?: EncodedPage };
  Object.defineProperty(page, ENCODED, { value: e, writable: true });
  Object.defineProperty(page, 'columns', {
    enumerable: true,
    get() {
      page[ENCODED] = undefined;
      return (columns ??= e.columns.map((c) => decodeColumn(c, e.bytes)));
    },
    set(v: WireCell[][]) {
      page[ENCODED] = undefined;
      columns = v;
    },
  });
  return page;
}

/** The page's encoded form while its cells have never been read (see lazyPage), else null. */
export const encodedForm = (v: unknown): EncodedPage | null =>
  (typeof v === 'object' && v !== null && (v as { [ENCODED]?: EncodedPage })[ENCODED]) || null;

/** Where a reply carries a page: the value itself (fetchRows) or its `firstPage` / `page`. */
const PAGE_KEYS = ['firstPage', 'page'] as const;

/** In the host: the reply value with its result page, if any, in the compact form. */
export function encodeReplyValue(value: unknown): unknown {
  const encoded = encodedForm(value);
  if (encoded) return sendEncoded(encoded);
  if (isPage(value)) return encodePage(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  for (const key of PAGE_KEYS) {
    const page = (value as Record<string, unknown>)[key];
    const inner = encodedForm(page);
    if (inner) return { ...value, [key]: sendEncoded(inner) };
    if (isPage(page)) return { ...value, [key]: encodePage(page) };
  }
  return value;
}

/** In main: the reply value as the handler returned it. */
export function decodeReplyValue(value: unknown): unknown {
  if (isCompact(value)) return decodePage(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  for (const key of PAGE_KEYS) {
    const page = (value as Record<string, unknown>)[key];
    if (isCompact(page)) return { ...value, [key]: decodePage(page) };
  }
  return value;
}
