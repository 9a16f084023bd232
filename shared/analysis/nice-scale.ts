// Axis scales a person can read: ticks at 1, 2, 2.5 or 5 times a power of ten, and a
// domain widened to whole ticks so the top (and bottom) of the axis carry a label.

export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/** The round step that gives about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  return (STEPS.map((m) => m * mag).find((s) => s >= raw * (1 - 1e-12)) ?? raw * 10);
}

/** Cleans float noise from a tick: 0.30000000000000004 → 0.3. */
const tidy = (v: number) => (v === 0 ? 0 : Number(v.toPrecision(12)));

/**
 * A scale over [min, max] widened outwards to whole steps, with about `count` ticks;
 * the first tick is the domain's bottom and the last its top.
 */
export function niceScale(min: number, max: number, count: number): NiceScale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, step: 1, ticks: [0, 1] };
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    // One value: an axis from zero to it (or to 1 for zero).
    if (min > 0) min = 0;
    else if (max < 0) max = 0;
    else max = 1;
  }
  const step = niceStep(max - min, count);
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  const n = Math.round((hi - lo) / step);
  for (let i = 0; i <= n; i++) ticks.push(tidy(lo + i * step));
  return { min: tidy(lo), max: tidy(hi), step, ticks };
}

/** Ticks inside [min, max] without widening it (for x axes that span the data exactly). */
export function ticksWithin(min: number, max: number, count: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const step = niceStep(max - min, count);
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) ticks.push(tidy(v));
  return ticks;
}
