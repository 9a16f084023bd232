// What is under the pointer on a chart, as the lines of its tooltip: the category and
// its exact sum, the bin and its count, or the nearest point's exact x and y (read
// back from the row it came from, not from the double used to place it).
import { formatCell, type WireColumn, type WirePage } from '../../../../shared/wire.js';
import { plotFrame, scalesOf } from './chart-draw.js';
import type { ChartModel } from './chart-model.js';
import { formatCount, formatExact } from '../display-format.js';

const NEAR_PX = 14;

const edgeText = (v: number, time: boolean) => (time ? new Date(v).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '') : formatExact(String(Number(v.toPrecision(10)))));

export function hitTest(
  model: ChartModel,
  width: number,
  height: number,
  px: number,
  py: number,
  source: { columns: WireColumn[]; rows: WirePage; x: number; y: number; timeZone: string },
): string[] | null {
  const f = plotFrame(width, height);
  if (px < f.left || px > f.left + f.width || py < f.top - NEAR_PX || py > f.top + f.height) return null;
  if (model.kind === 'bar') {
    const i = Math.floor(((px - f.left) / f.width) * model.values.length);
    if (i < 0 || i >= model.values.length) return null;
    const rows = model.rowCounts[i]!;
    return [`${model.xTitle}: ${model.labels[i]}`, `${model.yTitle}: ${formatExact(model.exact[i]!)}`, `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`];
  }
  if (model.kind === 'histogram') {
    const i = Math.floor(((px - f.left) / f.width) * model.counts.length);
    if (i < 0 || i >= model.counts.length) return null;
    const time = model.xKind === 'time';
    const last = i === model.counts.length - 1;
    return [
      `${model.xTitle}: ${edgeText(model.edges[i]!, time)} to ${last ? '' : 'under '}${edgeText(model.edges[i + 1]!, time)}`,
      `${model.yTitle}: ${formatCount(model.counts[i]!)}`,
    ];
  }
  const s = scalesOf(model, f);
  const sx = f.width / (s.xMax - s.xMin);
  const sy = f.height / (s.yMax - s.yMin);
  let best = -1;
  let bestD = NEAR_PX * NEAR_PX;
  for (let i = 0; i < model.xs.length; i++) {
    const dx = f.left + (model.xs[i]! - s.xMin) * sx - px;
    const dy = f.top + f.height - (model.ys[i]! - s.yMin) * sy - py;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  if (best < 0) return null;
  const row = model.rows[best]!;
  const text = (col: number) => {
    const c = source.columns[col];
    return c ? formatExact(formatCell(c.type, source.rows.columns[col]?.[row] ?? null, { timeZone: source.timeZone }), c.type) : '';
  };
  return [`${model.xTitle}: ${text(source.x)}`, `${model.yTitle}: ${text(source.y)}`, `row ${formatCount(row + 1)}`];
}
