// Display text for sizes, counts and durations around the data (never for the data
// itself: cells are shown exactly as the wire format says, see CellValue), in the
// viewer's locale and clock (renderer/format/locale.ts).
import { DEFAULT_NUMBER_FORMAT, formatNumberText } from '../../../shared/analysis/number-format.js';
import { isNumericType, type WireType } from '../../../shared/wire.js';
import { currentLocale, dateFormat } from '../../format/locale.js';

const counts = new Map<string, Intl.NumberFormat>();

/**
 * A count, row number or other figure in the viewer's locale. Exact at any size: a bigint
 * is formatted as is, and a number keeps every fraction digit it has (Intl's default would
 * round to three), so only grouping and the decimal sign change.
 */
export function formatCount(n: number | bigint): string {
  const { locale } = currentLocale();
  let f = counts.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
    counts.set(locale, f);
  }
  return f.format(n);
}

const EXACT: WireType = { id: 'DOUBLE', sql: 'DOUBLE' };

/**
 * An exact number's text (a cell's, a chart's exact sum) in the viewer's locale: its
 * grouping and decimal separators change, never its digits. Other types' text is unchanged.
 */
export const formatExact = (text: string, type: WireType = EXACT): string =>
  isNumericType(type) ? formatNumberText(type, text, DEFAULT_NUMBER_FORMAT, currentLocale().locale) : text;

/** "1,234" as the viewer's locale groups it: the label of the grid's grouped-numbers toggle. */
export const groupingSample = (): string => new Intl.NumberFormat(currentLocale().locale, { useGrouping: 'always' }).format(1234);

/** A figure with a fixed number of decimals (percentages, sizes) in the viewer's locale. */
export const formatFixed = (n: number, decimals: number): string =>
  new Intl.NumberFormat(currentLocale().locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);

const PLURALS: Record<string, string> = { row: 'rows', column: 'columns', statement: 'statements', table: 'tables', query: 'queries' };

/** "1 row", "2 rows", "1,024 columns": a count with its noun agreeing. */
export function countOf(n: number, noun: keyof typeof PLURALS | string): string {
  return `${formatCount(n)} ${n === 1 ? noun : (PLURALS[noun] ?? `${noun}s`)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? formatFixed(value, 1) : formatCount(Math.round(value))} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1) return '<1 ms';
  if (ms < 999.5) return `${formatCount(Math.round(ms))} ms`;
  if (ms < 60_000) return `${formatFixed(ms / 1000, ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A time of day (to the second) in the viewer's locale and 12/24-hour clock, with the date when not today. */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  const time = dateFormat({ hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
  return sameDay ? time : `${dateFormat({ month: 'short', day: 'numeric' }).format(d)} ${time}`;
}

/** 0-based character offset → 1-based line and column, for "line 3, column 14". */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
