// The last line between the data folder's absolute path and whatever user SQL gets
// back. The statement policy refuses every function known to report a path
// (statement-policy.ts) and checks stored objects before they run (stored-objects.ts);
// this catches what both might miss (a function a later DuckDB adds, a value someone
// stored who already knew the path): every string in a result page, a column profile
// or an error message shows `<profile>` or `<data>` where the path was.
import path from 'node:path';
import type { WireCell, WirePage } from '../../../shared/wire.js';
import { cellsOfColumn, encodedForm, type EncodedPage } from '../storage/page-transfer.js';

interface Hidden {
  path: string;
  placeholder: string;
  /** The path as UTF-8, to look for in a page's byte columns. */
  bytes: Buffer;
}

const cache = new Map<string, Hidden[]>();

/**
 * What to hide for a profile at `profileDir` (a real path): the profile's folder, and
 * the data folder holding it when the layout is `<data>/profiles/<id>` (a store opened
 * elsewhere, e.g. a restore being verified in a temporary folder, hides its own folder).
 * Longest first, so the profile's folder reads `<profile>`, not `<data>/profiles/…`.
 */
function hidden(profileDir: string): Hidden[] {
  let h = cache.get(profileDir);
  if (!h) {
    const parent = path.dirname(profileDir);
    h = [{ path: profileDir, placeholder: '<profile>', bytes: Buffer.from(profileDir) }];
    if (path.basename(parent) === 'profiles' && path.dirname(parent) !== path.parse(parent).root) {
      const data = path.dirname(parent);
      h.push({ path: data, placeholder: '<data>', bytes: Buffer.from(data) });
    }
    cache.set(profileDir, h);
  }
  return h;
}

export function scrubText(text: string, profileDir: string): string {
  return scrubHidden(text, hidden(profileDir));
}

function scrubHidden(text: string, h: readonly Hidden[]): string {
  // Most cells are far shorter than any path to hide (`<data>` is the shorter one, listed last).
  if (text.length < h[h.length - 1]!.path.length) return text;
  let out = text;
  for (const { path: p, placeholder } of h) if (out.includes(p)) out = out.split(p).join(placeholder);
  return out;
}

export function scrubCell(cell: WireCell, profileDir: string): WireCell {
  if (typeof cell === 'string') return scrubText(cell, profileDir);
  if (Array.isArray(cell)) return cell.map((c) => scrubCell(c, profileDir));
  return cell;
}

/** The page with every string scrubbed, in place (pages are built fresh for each answer). */
export function scrubPage(page: WirePage, profileDir: string): WirePage {
  // Looked up once a page, not once a cell (10,000 of them in a 1,000 × 10 page).
  const h = hidden(profileDir);
  const encoded = encodedForm(page);
  if (encoded) scrubEncoded(encoded, h, profileDir);
  else for (const column of page.columns) scrubColumn(column, h, profileDir);
  return page;
}

/**
 * A page still in bytes (page-bytes.ts): a byte column is ASCII text, so a path occurs
 * in one of its cells only if its UTF-8 bytes occur in the column's bytes (a hit may
 * also span two cells); only such a column is made of cells, and scrubbed as cells.
 */
function scrubEncoded(page: EncodedPage, h: readonly Hidden[], profileDir: string): void {
  const bytes = Buffer.from(page.bytes.buffer, page.bytes.byteOffset, page.bytes.byteLength);
  page.columns.forEach((column, j) => {
    if (Array.isArray(column)) return scrubColumn(column, h, profileDir);
    const text = bytes.subarray(column.at, column.end);
    if (!h.some((hidden) => text.includes(hidden.bytes))) return;
    const cells = cellsOfColumn(page, j);
    scrubColumn(cells, h, profileDir);
    page.columns[j] = cells;
  });
}

function scrubColumn(column: WireCell[], h: readonly Hidden[], profileDir: string): void {
  const shortest = h[h.length - 1]!.path.length;
  for (let i = 0; i < column.length; i++) {
    const cell = column[i]!;
    if (typeof cell === 'string') {
      if (cell.length >= shortest) column[i] = scrubHidden(cell, h);
    } else if (cell !== null && typeof cell !== 'boolean') column[i] = scrubCell(cell, profileDir);
  }
}
