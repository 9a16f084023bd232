// Starting widths of grid columns from the header and a sample of values, so most
// columns need no resizing; people can still drag any edge.
import { formatCell, isNumericType, type WireColumn, type WirePage } from '../../../../shared/wire.js';

const MONO_CHAR = 7.8;
/** A header name is semibold 13 px sans: measured where a canvas is, else about 9 px a character (DejaVu Sans). */
const HEADER_FONT = '600 13px';
const HEADER_CHAR = 9;
/** Beside the name: the cell's padding, the sort and filter buttons and the resize handle. */
const HEADER_EXTRA = 78;
const MIN = 72;
const MAX = 380;
const WIDE_NUMBERS = new Set(['BIGINT', 'HUGEINT', 'UBIGINT', 'UHUGEINT', 'BIGNUM', 'DECIMAL', 'DOUBLE']);

export function initialWidths(columns: WireColumn[], sample: WirePage, timeZone: string): number[] {
  return columns.map((col, j) => {
    let longest = 0;
    const cells = sample.columns[j] ?? [];
    const numeric = isNumericType(col.type);
    for (let i = 0; i < Math.min(cells.length, 60); i++) {
      const cell = cells[i] ?? null;
      const text = cell === null ? 'NULL' : formatCell(col.type, cell, { timeZone, blobPreviewBytes: 24 });
      const len = text.length + (numeric ? groupSeparators(text) : 0);
      if (len > longest) longest = len;
    }
    // Room for the sort and filter buttons beside the name and the type.
    const header = Math.max(headerTextWidth(col.name), col.type.sql.length * 6.6) + HEADER_EXTRA;
    // The sample is the first rows only: integers further down may be much wider.
    const floor = WIDE_NUMBERS.has(col.type.id) ? 120 : MIN;
    // Room for the grouping separators the grid draws (number-format.ts): a sampled number
    // is never cut short at first sight. One further down may still be; it shows its
    // leading digits and an ellipsis, and every digit on hover and in the inspector.
    return Math.round(Math.min(MAX, Math.max(floor, header, longest * MONO_CHAR + 24)));
  });
}

let measureHeader: ((text: string) => number) | null | undefined;

/** How wide a column's name is drawn in its header (estimated where there is no canvas: unit tests). */
function headerTextWidth(name: string): number {
  if (measureHeader === undefined) {
    const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) context.font = `${HEADER_FONT} ${getComputedStyle(document.body).fontFamily}`;
    measureHeader = context ? (text) => context.measureText(text).width : null;
  }
  return measureHeader ? Math.ceil(measureHeader(name)) : name.length * HEADER_CHAR;
}

/** How many grouping separators a number's whole part gets: one per three digits, none under five (number-format.ts). */
function groupSeparators(text: string): number {
  const digits = /^[-+]?(\d+)/.exec(text)?.[1]?.length ?? 0;
  return digits > 4 ? Math.floor((digits - 1) / 3) : 0;
}

export const gutterWidth = (totalRows: number) => Math.max(48, String(totalRows).length * MONO_CHAR + 22);
