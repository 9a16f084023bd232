// Paints a chart model on a 2D canvas — or on the SVG recorder of chart-svg.ts, which
// speaks the same subset of the canvas API, so "Save as SVG" draws what the screen
// shows. Hand-drawn (no chart library): 100k points are a few thousand path segments
// after per-pixel thinning, well under a frame.
import { niceScale, ticksWithin } from '../../../../shared/analysis/nice-scale.js';
import type { ChartModel } from './chart-model.js';
import { formatTick, type AxisKind } from './chart-values.js';

export interface Palette {
  accent: string;
  text: string;
  muted: string;
  grid: string;
  font: string;
}

export interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The part of CanvasRenderingContext2D the painter uses (the SVG recorder implements it too). */
export type Paintable = Pick<
  CanvasRenderingContext2D,
  | 'clearRect'
  | 'fillRect'
  | 'fillText'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'stroke'
  | 'rect'
  | 'clip'
  | 'save'
  | 'restore'
  | 'translate'
  | 'rotate'
> & {
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  globalAlpha: number;
};

const PAD = { left: 76, right: 20, top: 16, bottom: 58 };

export function plotFrame(width: number, height: number): Frame {
  return {
    left: PAD.left,
    top: PAD.top,
    width: Math.max(10, width - PAD.left - PAD.right),
    height: Math.max(10, height - PAD.top - PAD.bottom),
  };
}

/** Where the plot's value range sits: y domain (widened to whole ticks) and x domain. */
export interface Scales {
  yMin: number;
  yMax: number;
  yTicks: number[];
  xMin: number;
  xMax: number;
}

function extent(values: ArrayLike<number>, includeZero: boolean): [number, number] {
  let min = includeZero ? 0 : Infinity;
  let max = includeZero ? 0 : -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return [0, 1];
  if (min === max) return [min - 1, max + 1];
  return [min, max];
}

const yTickCount = (f: Frame) => Math.max(2, Math.floor(f.height / 48));

/** The scales a model is drawn on (and that hit-testing for tooltips uses). */
export function scalesOf(model: ChartModel, f: Frame): Scales {
  if (model.kind === 'bar') {
    const [lo, hi] = extent(model.values, true);
    const y = niceScale(lo, hi, yTickCount(f));
    return { yMin: y.min, yMax: y.max, yTicks: y.ticks, xMin: 0, xMax: model.values.length };
  }
  if (model.kind === 'histogram') {
    const [, hi] = extent(model.counts, true);
    const y = niceScale(0, hi, yTickCount(f));
    return { yMin: y.min, yMax: y.max, yTicks: y.ticks, xMin: model.edges[0] ?? 0, xMax: model.edges[model.edges.length - 1] ?? 1 };
  }
  const [xMin, xMax] = extent(model.xs, false);
  const [yLo, yHi] = extent(model.ys, false);
  const y = niceScale(yLo, yHi, yTickCount(f));
  return { yMin: y.min, yMax: y.max, yTicks: y.ticks, xMin, xMax };
}

function yAxis(ctx: Paintable, f: Frame, s: Scales, p: Palette) {
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of s.yTicks) {
    const y = f.top + f.height - ((t - s.yMin) / (s.yMax - s.yMin)) * f.height;
    ctx.strokeStyle = p.grid;
    ctx.beginPath();
    ctx.moveTo(f.left, Math.round(y) + 0.5);
    ctx.lineTo(f.left + f.width, Math.round(y) + 0.5);
    ctx.stroke();
    ctx.fillStyle = p.muted;
    ctx.fillText(formatTick(t, 'number', s.yMax - s.yMin), f.left - 8, y);
  }
}

function xAxis(ctx: Paintable, f: Frame, min: number, max: number, kind: AxisKind, p: Palette) {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = p.muted;
  for (const t of ticksWithin(min, max, Math.max(2, Math.floor(f.width / 90)))) {
    const x = f.left + ((t - min) / (max - min)) * f.width;
    ctx.strokeStyle = p.muted;
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, f.top + f.height);
    ctx.lineTo(Math.round(x) + 0.5, f.top + f.height + 4);
    ctx.stroke();
    ctx.fillText(formatTick(t, kind, max - min), x, f.top + f.height + 8);
  }
}

function titles(ctx: Paintable, f: Frame, model: ChartModel, p: Palette) {
  ctx.fillStyle = p.text;
  ctx.font = `600 12px ${p.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(model.xTitle, f.left + f.width / 2, f.top + f.height + PAD.bottom - 6);
  ctx.save();
  ctx.translate(14, f.top + f.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'top';
  ctx.fillText(model.yTitle, 0, 0);
  ctx.restore();
  ctx.font = `11px ${p.font}`;
}

function baseline(ctx: Paintable, f: Frame, p: Palette) {
  ctx.strokeStyle = p.muted;
  ctx.beginPath();
  ctx.moveTo(f.left, f.top + f.height + 0.5);
  ctx.lineTo(f.left + f.width, f.top + f.height + 0.5);
  ctx.stroke();
}

/** '#4f46e5', 'rgb(…)', a name… → [r, g, b], using the canvas's own colour parser. */
function rgb(ctx: CanvasRenderingContext2D, color: string): [number, number, number] {
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  const hex = /^#([0-9a-f]{6})$/i.exec(String(ctx.fillStyle));
  if (!hex) return [79, 70, 229];
  const n = parseInt(hex[1]!, 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

/**
 * Many points: count hits per device pixel and shade by density, written straight
 * into pixels. Far faster than a fillRect per point, and overplotting stays readable.
 */
function densityScatter(ctx: CanvasRenderingContext2D, model: { xs: Float64Array; ys: Float64Array }, f: Frame, bounds: [number, number, number, number], dpr: number, color: string) {
  const [xMin, xMax, yMin, yMax] = bounds;
  const w = Math.max(1, Math.round(f.width * dpr));
  const h = Math.max(1, Math.round(f.height * dpr));
  const counts = new Uint32Array(w * h);
  const sx = (w - 1) / (xMax - xMin);
  const sy = (h - 1) / (yMax - yMin);
  let max = 1;
  for (let i = 0; i < model.xs.length; i++) {
    const px = Math.round((model.xs[i]! - xMin) * sx);
    const py = h - 1 - Math.round((model.ys[i]! - yMin) * sy);
    // A 2×2 device-pixel dot, so single points stay visible on high-DPI screens.
    for (let dy = 0; dy < 2; dy++) {
      for (let dx = 0; dx < 2; dx++) {
        const x = px + dx;
        const y = py + dy;
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const c = ++counts[y * w + x]!;
        if (c > max) max = c;
      }
    }
  }
  const [r, g, b] = rgb(ctx, color);
  const image = new ImageData(w, h);
  const data = image.data;
  const scale = 1 / Math.log2(max + 1);
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (!c) continue;
    data[i * 4] = r;
    data[i * 4 + 1] = g;
    data[i * 4 + 2] = b;
    data[i * 4 + 3] = Math.round(90 + 165 * Math.log2(c + 1) * scale);
  }
  const layer = new OffscreenCanvas(w, h);
  layer.getContext('2d')?.putImageData(image, 0, 0);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layer, Math.round(f.left * dpr), Math.round(f.top * dpr));
  ctx.restore();
}

const isCanvas = (ctx: Paintable): ctx is CanvasRenderingContext2D => 'putImageData' in ctx;

export function paint(ctx: Paintable, model: ChartModel, width: number, height: number, p: Palette, dpr = 1) {
  ctx.clearRect(0, 0, width, height);
  ctx.font = `11px ${p.font}`;
  ctx.lineWidth = 1;
  const f = plotFrame(width, height);
  const s = scalesOf(model, f);
  const yOf = (v: number) => f.top + f.height - ((v - s.yMin) / (s.yMax - s.yMin)) * f.height;

  if (model.kind === 'bar') {
    yAxis(ctx, f, s, p);
    const slot = f.width / Math.max(1, model.values.length);
    const zeroY = yOf(0);
    ctx.fillStyle = p.accent;
    model.values.forEach((v, i) => {
      const y = yOf(v);
      ctx.fillRect(f.left + i * slot + slot * 0.12, Math.min(y, zeroY), Math.max(1, slot * 0.76), Math.abs(zeroY - y));
    });
    ctx.fillStyle = p.muted;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const every = Math.ceil(60 / Math.max(1, slot));
    model.labels.forEach((label, i) => {
      if (i % every) return;
      const text = label.length > 14 ? `${label.slice(0, 13)}…` : label;
      ctx.fillText(text, f.left + i * slot + slot / 2, f.top + f.height + 8);
    });
    baseline(ctx, f, p);
    titles(ctx, f, model, p);
    return;
  }

  if (model.kind === 'histogram') {
    if (!model.counts.length) return;
    yAxis(ctx, f, s, p);
    xAxis(ctx, f, s.xMin, s.xMax, model.xKind, p);
    const w = f.width / model.counts.length;
    ctx.fillStyle = p.accent;
    model.counts.forEach((c, i) => {
      const h = f.top + f.height - yOf(c);
      ctx.fillRect(f.left + i * w + 0.5, f.top + f.height - h, Math.max(1, w - 1), h);
    });
    baseline(ctx, f, p);
    titles(ctx, f, model, p);
    return;
  }

  yAxis(ctx, f, s, p);
  xAxis(ctx, f, s.xMin, s.xMax, model.xKind, p);
  baseline(ctx, f, p);
  titles(ctx, f, model, p);
  const sx = f.width / (s.xMax - s.xMin);
  const sy = f.height / (s.yMax - s.yMin);
  const n = model.xs.length;
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left - 2, f.top - 2, f.width + 4, f.height + 4);
  ctx.clip();
  if (model.kind === 'scatter' && n > 5000 && isCanvas(ctx)) {
    densityScatter(ctx, model, f, [s.xMin, s.xMax, s.yMin, s.yMax], dpr, p.accent);
  } else if (model.kind === 'scatter') {
    ctx.fillStyle = p.accent;
    ctx.globalAlpha = n > 20_000 ? 0.35 : n > 2000 ? 0.6 : 0.9;
    const size = n > 20_000 ? 2 : 3;
    for (let i = 0; i < n; i++) {
      ctx.fillRect(f.left + (model.xs[i]! - s.xMin) * sx - size / 2, f.top + f.height - (model.ys[i]! - s.yMin) * sy - size / 2, size, size);
    }
  } else {
    // Per pixel column keep first, min, max and last: the drawn shape is unchanged.
    ctx.strokeStyle = p.accent;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    let column = -1;
    let lo = 0;
    let hi = 0;
    const flush = () => {
      if (column < 0) return;
      ctx.lineTo(column, lo);
      ctx.lineTo(column, hi);
    };
    for (let i = 0; i < n; i++) {
      const x = f.left + (model.xs[i]! - s.xMin) * sx;
      const y = f.top + f.height - (model.ys[i]! - s.yMin) * sy;
      const px = Math.round(x);
      if (i === 0) {
        ctx.moveTo(x, y);
        column = px;
        lo = hi = y;
      } else if (px === column) {
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      } else {
        flush();
        ctx.lineTo(x, y);
        column = px;
        lo = hi = y;
      }
    }
    flush();
    ctx.stroke();
  }
  ctx.restore();
}
