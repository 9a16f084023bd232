// The last line between the data folder's absolute path and whatever user SQL gets
// back. The statement policy refuses every function known to report a path
// (statement-policy.ts) and checks stored objects before they run (stored-objects.ts);
// this catches what both might miss (a function a later DuckDB adds, a value someone
// stored who already knew the path): every string in a result page, a column profile
// or an error message shows `<profile>` or `<data>` where the path was.
import path from 'node:path';
import type { WireCell, WirePage } from '../../../shared/wire.js';

interface Hidden {
  path: string;
  placeholder: string;
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
    h = [{ path: profileDir, placeholder: '<profile>' }];
    if (path.basename(parent) === 'profiles' && path.dirname(parent) !== path.parse(parent).root) {
      h.push({ path: path.dirname(parent), placeholder: '<data>' });
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
  const shortest = h[h.length - 1]!.path.length;
  for (const column of page.columns) {
    for (let i = 0; i < column.length; i++) {
      const cell = column[i]!;
      if (typeof cell === 'string') {
        if (cell.length >= shortest) column[i] = scrubHidden(cell, h);
      } else if (cell !== null && typeof cell !== 'boolean') column[i] = scrubCell(cell, profileDir);
    }
  }
  return page;
}
