// Turning wire cells into numbers a chart can place. Charting is the one place where
// exactness yields to position: a DECIMAL or HUGEINT becomes the nearest double here,
// while the grid keeps every digit.
import { isNumericType, type WireCell, type WireType } from '../../../../shared/wire.js';
import { currentLocale } from '../../../format/locale.js';

export type AxisKind = 'number' | 'time' | 'category';

export function axisKind(type: WireType): AxisKind {
  if (isNumericType(type)) return 'number';
  if (type.id === 'DATE' || type.id.startsWith('TIMESTAMP')) return 'time';
  return 'category';
}

/** Milliseconds since the epoch for DATE/TIMESTAMP*, the number for numeric types; null otherwise. */
export function toNumber(type: WireType, cell: WireCell): number | null {
  if (cell === null || typeof cell !== 'string') return typeof cell === 'boolean' ? Number(cell) : null;
  if (isNumericType(type)) {
    const n = Number(cell);
    return Number.isFinite(n) ? n : null;
  }
  if (type.id === 'DATE') {
    const t = Date.parse(`${cell}T00:00:00Z`);
    return Number.isNaN(t) ? null : t;
  }
  if (type.id.startsWith('TIMESTAMP')) {
    const iso = cell.replace(' ', 'T').replace(/\+00$/, '');
    const t = Date.parse(`${iso}Z`);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

export function formatTick(value: number, kind: AxisKind, span: number): string {
  if (kind === 'time') {
    const iso = new Date(value).toISOString();
    if (span > 2 * 365 * 86_400_000) return iso.slice(0, 7);
    if (span > 2 * 86_400_000) return iso.slice(0, 10);
    return iso.slice(11, 16);
  }
  const abs = Math.abs(value);
  const { locale } = currentLocale();
  if (abs >= 1e9 || (abs > 0 && abs < 1e-3)) return new Intl.NumberFormat(locale, { notation: 'scientific', maximumFractionDigits: 1 }).format(value);
  if (abs >= 1e6) return `${significant(locale, value / 1e6, 3)}M`;
  if (abs >= 1e4) return `${significant(locale, value / 1e3, 3)}k`;
  return significant(locale, value, 6);
}

/** A tick label in the viewer's locale (its decimal sign), to `digits` significant digits. */
const significant = (locale: string, value: number, digits: number) =>
  new Intl.NumberFormat(locale, { maximumSignificantDigits: digits, useGrouping: 'min2' }).format(value);
