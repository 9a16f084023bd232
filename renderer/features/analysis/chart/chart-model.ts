// What a chart draws, computed from result rows and the person's choices. Pure, so it
// is quick to test and the canvas code only paints. Every model keeps what a tooltip
// needs to show exact values: bar sums of integer and DECIMAL columns are added up
// exactly (see exact-sum.ts), and points remember the row they came from.
import { exactSum } from '../../../../shared/analysis/exact-sum.js';
import { formatCell, type WireColumn, type WirePage } from '../../../../shared/wire.js';
import { axisKind, toNumber, type AxisKind } from './chart-values.js';

export type ChartKind = 'bar' | 'line' | 'scatter' | 'histogram';
export type BarOrder = 'value' | 'category';

export interface ChartSpec {
  kind: ChartKind;
  x: number;
  /** Column index, or -1 for "count of rows" (bar). */
  y: number;
  /** Bars: largest first, or in the categories' own order. */
  order: BarOrder;
  /** Histogram: how many equal-width bins. */
  bins: number;
}

export interface AxisTitles {
  xTitle: string;
  yTitle: string;
}

export interface BarModel extends AxisTitles {
  kind: 'bar';
  labels: string[];
  values: number[];
  /** Each bar's value exactly, as text. */
  exact: string[];
  /** Rows behind each bar. */
  rowCounts: number[];
  /** Categories left out (only the largest are drawn). */
  omitted: number;
}

export interface XYModel extends AxisTitles {
  kind: 'line' | 'scatter';
  xs: Float64Array;
  ys: Float64Array;
  /** The row each point came from, for exact values in the tooltip. */
  rows: Int32Array;
  xKind: AxisKind;
  skipped: number;
}

export interface HistogramModel extends AxisTitles {
  kind: 'histogram';
  edges: number[];
  counts: number[];
  xKind: AxisKind;
  skipped: number;
}

export type ChartModel = BarModel | XYModel | HistogramModel;

export const MAX_BARS = 40;
export const DEFAULT_BINS = 20;
export const MIN_BINS = 2;
export const MAX_BINS = 200;

function compareCategories(a: string, b: string, kind: AxisKind, aNum: number | null, bNum: number | null): number {
  if (a === 'NULL' || b === 'NULL') return a === b ? 0 : a === 'NULL' ? 1 : -1;
  if (kind !== 'category' && aNum !== null && bNum !== null) return aNum - bNum;
  return a.localeCompare(b, undefined, { numeric: true });
}

export function buildModel(spec: ChartSpec, columns: WireColumn[], rows: WirePage, timeZone: string): ChartModel | null {
  const xCol = columns[spec.x];
  if (!xCol) return null;
  const yCol = spec.y >= 0 ? columns[spec.y] : undefined;
  const n = rows.rowCount;
  const xCells = rows.columns[spec.x] ?? [];
  const yCells = (yCol && rows.columns[spec.y]) || [];

  if (spec.kind === 'bar') {
    const groups = new Map<string, { sum: number; cells: (string | null)[]; count: number; key: number | null }>();
    for (let i = 0; i < n; i++) {
      const cell = xCells[i] ?? null;
      const label = formatCell(xCol.type, cell, { timeZone });
      const add = yCol ? toNumber(yCol.type, yCells[i] ?? null) : 1;
      if (add === null) continue;
      let g = groups.get(label);
      if (!g) {
        g = { sum: 0, cells: [], count: 0, key: toNumber(xCol.type, cell) };
        groups.set(label, g);
      }
      g.sum += add;
      g.count++;
      if (yCol) g.cells.push(yCells[i] as string | null);
    }
    const byValue = [...groups].sort((a, b) => b[1].sum - a[1].sum);
    const shown = byValue.slice(0, MAX_BARS);
    const kind = axisKind(xCol.type);
    if (spec.order === 'category') shown.sort((a, b) => compareCategories(a[0], b[0], kind, a[1].key, b[1].key));
    return {
      kind: 'bar',
      labels: shown.map(([k]) => k),
      values: shown.map(([, g]) => g.sum),
      exact: shown.map(([, g]) => (yCol ? exactSum(yCol.type, g.cells) : String(g.count))),
      rowCounts: shown.map(([, g]) => g.count),
      omitted: byValue.length - shown.length,
      xTitle: xCol.name,
      yTitle: yCol ? `sum of ${yCol.name}` : 'count of rows',
    };
  }

  if (spec.kind === 'histogram') {
    const bins = Math.min(MAX_BINS, Math.max(MIN_BINS, Math.round(spec.bins)));
    const values: number[] = [];
    let skipped = 0;
    for (let i = 0; i < n; i++) {
      const v = toNumber(xCol.type, xCells[i] ?? null);
      if (v === null) skipped++;
      else values.push(v);
    }
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const titles = { xTitle: xCol.name, yTitle: 'count of rows' };
    if (!values.length) return { kind: 'histogram', edges: [], counts: [], xKind: axisKind(xCol.type), skipped, ...titles };
    if (min === max) max = min + 1;
    const width = (max - min) / bins;
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))]!++;
    const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
    return { kind: 'histogram', edges, counts, xKind: axisKind(xCol.type), skipped, ...titles };
  }

  if (!yCol) return null;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const from = new Int32Array(n);
  let kept = 0;
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    const x = toNumber(xCol.type, xCells[i] ?? null);
    const y = toNumber(yCol.type, yCells[i] ?? null);
    if (x === null || y === null) {
      skipped++;
      continue;
    }
    xs[kept] = x;
    ys[kept] = y;
    from[kept] = i;
    kept++;
  }
  let outX = xs.subarray(0, kept);
  let outY = ys.subarray(0, kept);
  let outRows = from.subarray(0, kept);
  if (spec.kind === 'line') {
    // A line reads left to right; sort by x unless the rows already are.
    let sorted = true;
    for (let i = 1; i < kept && sorted; i++) if (outX[i]! < outX[i - 1]!) sorted = false;
    if (!sorted) {
      const order = Array.from({ length: kept }, (_, i) => i).sort((a, b) => outX[a]! - outX[b]!);
      outX = Float64Array.from(order, (i) => xs[i]!);
      outY = Float64Array.from(order, (i) => ys[i]!);
      outRows = Int32Array.from(order, (i) => from[i]!);
    }
  }
  return { kind: spec.kind, xs: outX, ys: outY, rows: outRows, xKind: axisKind(xCol.type), skipped, xTitle: xCol.name, yTitle: yCol.name };
}
