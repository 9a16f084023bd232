// Where rows go in a grid taller than any browser can draw. Chromium caps an element
// near 33.5 M px and Firefox near 17.9 M px, yet ten million 28 px rows need 280 M px.
// So the scrollable height is capped (MAX_SCROLL_PX) and the scroll position maps to a
// row index proportionally: the thumb still reaches every row, and rows are laid out
// relative to the viewport, never at their "true" pixel offset.

export const ROW_HEIGHT = 28;
/** Rows with wrapped text show up to three lines. */
export const WRAPPED_ROW_HEIGHT = 64;
export const HEADER_HEIGHT = 44;
export const MAX_SCROLL_PX = 4_000_000;

export interface Geometry {
  /** Height of the scrollable content. */
  scrollHeight: number;
  /** Rows that fit below the header (fractional). */
  bodyRows: number;
  /** Largest first-row index: the last row then sits on the bottom edge. */
  maxTop: number;
  /** Scroll pixels available (scrollHeight − viewport). */
  scrollRange: number;
  /** True when one scroll pixel is more than one pixel of rows. */
  scaled: boolean;
  rowHeight: number;
}

export function geometry(totalRows: number, viewportHeight: number, rowHeight = ROW_HEIGHT): Geometry {
  const natural = HEADER_HEIGHT + totalRows * rowHeight;
  const scrollHeight = Math.min(natural, MAX_SCROLL_PX);
  const bodyRows = Math.max(1, (viewportHeight - HEADER_HEIGHT) / rowHeight);
  const maxTop = Math.max(0, totalRows - bodyRows);
  return {
    scrollHeight,
    bodyRows,
    maxTop,
    scrollRange: Math.max(0, scrollHeight - viewportHeight),
    scaled: natural > MAX_SCROLL_PX,
    rowHeight,
  };
}

export const topRowFromScroll = (g: Geometry, scrollTop: number) =>
  g.scrollRange > 0 ? Math.min(g.maxTop, Math.max(0, (scrollTop / g.scrollRange) * g.maxTop)) : 0;

export const scrollFromTopRow = (g: Geometry, topRow: number) => (g.maxTop > 0 ? (topRow / g.maxTop) * g.scrollRange : 0);

export const clampTop = (g: Geometry, topRow: number) => Math.min(g.maxTop, Math.max(0, topRow));

/** The first-row index that brings `row` fully into view, moving as little as possible. */
export function revealRow(g: Geometry, topRow: number, row: number): number {
  if (row < topRow) return clampTop(g, row);
  if (row + 1 > topRow + g.bodyRows) return clampTop(g, row + 1 - g.bodyRows);
  return topRow;
}
