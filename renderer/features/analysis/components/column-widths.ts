// Starting widths of grid columns from the header and a sample of values, so most
// columns need no resizing; people can still drag any edge.
import { formatCell, type WireColumn, type WirePage } from '../../../../shared/wire.js';

const MONO_CHAR = 7.8;
const SANS_CHAR = 7.4;
const MIN = 72;
const MAX = 380;
const WIDE_NUMBERS = new Set(['BIGINT', 'HUGEINT', 'UBIGINT', 'UHUGEINT', 'BIGNUM', 'DECIMAL', 'DOUBLE']);

export function initialWidths(columns: WireColumn[], sample: WirePage, timeZone: string): number[] {
  return columns.map((col, j) => {
    let longest = 0;
    const cells = sample.columns[j] ?? [];
    for (let i = 0; i < Math.min(cells.length, 60); i++) {
      const cell = cells[i] ?? null;
      const len = cell === null ? 4 : formatCell(col.type, cell, { timeZone, blobPreviewBytes: 24 }).length;
      if (len > longest) longest = len;
    }
    // Room for the sort and filter buttons beside the name and the type.
    const header = Math.max(col.name.length * SANS_CHAR, col.type.sql.length * 6.6) + 62;
    // The sample is the first rows only: integers further down may be much wider.
    const floor = WIDE_NUMBERS.has(col.type.id) ? 120 : MIN;
    // Not widened for thousands separators: wider starting columns push later ones
    // out of the drawn range; a number that does not fit still shows its leading digits.
    return Math.round(Math.min(MAX, Math.max(floor, header, longest * MONO_CHAR + 24)));
  });
}

export const gutterWidth = (totalRows: number) => Math.max(48, String(totalRows).length * MONO_CHAR + 22);
