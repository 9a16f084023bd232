// What a chart draws, computed from result rows and the person's choices. Pure, so it
// is quick to test and the canvas code only paints.
import { formatCell, type WireColumn, type WirePage } from '../../../../shared/wire.js';
import { axisKind, toNumber, type AxisKind } from './chart-values.js';

export type ChartKind = 'bar' | 'line' | 'scatter' | 'histogram';

export interface ChartSpec {
  kind: ChartKind;
  x: number;
  /** Column index, or -1 for "count of rows" (bar). */
  y: number;
}

export interface BarModel {
  kind: 'bar';
  labels: string[];
  values: number[];
  /** Categories left out (only the largest are drawn). */
  omitted: number;
  yLabel: string;
}

export interface XYModel {
  kind: 'line' | 'scatter';
  xs: Float64Array;
  ys: Float64Array;
  xKind: AxisKind;
  skipped: number;
}

export interface HistogramModel {
  kind: 'histogram';
  edges: number[];
  counts: number[];
  xKind: AxisKind;
  skipped: number;
}

export type ChartModel = BarModel | XYModel | HistogramModel;

const MAX_BARS = 40;
const BINS = 40;

export function buildModel(spec: ChartSpec, columns: WireColumn[], rows: WirePage, timeZone: string): ChartModel | null {
  const xCol = columns[spec.x];
  if (!xCol) return null;
  const yCol = spec.y >= 0 ? columns[spec.y] : undefined;
  const n = rows.rowCount;
  const xCells = rows.columns[spec.x] ?? [];
  const yCells = (yCol && rows.columns[spec.y]) || [];

  if (spec.kind === 'bar') {
    const sums = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = formatCell(xCol.type, xCells[i] ?? null, { timeZone });
      const add = yCol ? toNumber(yCol.type, yCells[i] ?? null) : 1;
      if (add === null) continue;
      sums.set(key, (sums.get(key) ?? 0) + add);
    }
    const sorted = [...sums].sort((a, b) => b[1] - a[1]);
    const shown = sorted.slice(0, MAX_BARS);
    return {
      kind: 'bar',
      labels: shown.map(([k]) => k),
      values: shown.map(([, v]) => v),
      omitted: sorted.length - shown.length,
      yLabel: yCol ? `sum of ${yCol.name}` : 'rows',
    };
  }

  if (spec.kind === 'histogram') {
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
    if (!values.length) return { kind: 'histogram', edges: [], counts: [], xKind: axisKind(xCol.type), skipped };
    if (min === max) max = min + 1;
    const width = (max - min) / BINS;
    const counts = new Array<number>(BINS).fill(0);
    for (const v of values) counts[Math.min(BINS - 1, Math.floor((v - min) / width))]!++;
    const edges = Array.from({ length: BINS + 1 }, (_, i) => min + i * width);
    return { kind: 'histogram', edges, counts, xKind: axisKind(xCol.type), skipped };
  }

  if (!yCol) return null;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
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
    kept++;
  }
  let outX = xs.subarray(0, kept);
  let outY = ys.subarray(0, kept);
  if (spec.kind === 'line') {
    // A line reads left to right; sort by x unless the rows already are.
    let sorted = true;
    for (let i = 1; i < kept && sorted; i++) if (outX[i]! < outX[i - 1]!) sorted = false;
    if (!sorted) {
      const order = Array.from({ length: kept }, (_, i) => i).sort((a, b) => outX[a]! - outX[b]!);
      outX = Float64Array.from(order, (i) => xs[i]!);
      outY = Float64Array.from(order, (i) => ys[i]!);
    }
  }
  return { kind: spec.kind, xs: outX, ys: outY, xKind: axisKind(xCol.type), skipped };
}
