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
import type { WireCell, WirePage } from '../../../shared/wire.js';

interface CompactColumn {
  text: string;
  lengths: Int8Array | Int16Array | Int32Array;
}

interface CompactPage {
  offset: number;
  rowCount: number;
  compact: (CompactColumn | WireCell[])[];
}

const NULL = -1;
const TRUE = -2;
const FALSE = -3;

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
  return { text, lengths: longest <= 127 ? new Int8Array(lengths) : longest <= 32767 ? new Int16Array(lengths) : lengths };
}

/** A cloned column copied by push: a structured clone hands arrays back holey (see packPage). */
function packed(cells: readonly WireCell[]): WireCell[] {
  const out: WireCell[] = [];
  for (let i = 0; i < cells.length; i++) out.push(cells[i] ?? null);
  return out;
}

function decodeColumn(c: CompactColumn | WireCell[]): WireCell[] {
  if (Array.isArray(c)) return packed(c);
  const { text, lengths } = c;
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

const decodePage = ({ offset, rowCount, compact }: CompactPage): WirePage => ({ offset, rowCount, columns: compact.map(decodeColumn) });

/** Where a reply carries a page: the value itself (fetchRows) or its `firstPage` / `page`. */
const PAGE_KEYS = ['firstPage', 'page'] as const;

/** In the host: the reply value with its result page, if any, in the compact form. */
export function encodeReplyValue(value: unknown): unknown {
  if (isPage(value)) return encodePage(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  for (const key of PAGE_KEYS) {
    const page = (value as Record<string, unknown>)[key];
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
