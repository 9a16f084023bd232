// How the grid shows numbers: as DuckDB wrote them ("raw"), or with the viewer's locale's
// grouping and decimal separators and, for fractional types, a fixed number of decimals. All of it is done on the digit
// text, never through a JS number: a BIGINT, HUGEINT or DECIMAL(38,x) keeps every digit,
// and rounding to fixed decimals is exact decimal rounding (half away from zero) of the
// value on the wire — for DOUBLE, its shortest round-trip text.
import { isNumericType, type WireType } from '../wire.js';

export interface NumberFormat {
  /** raw: the wire text as is. grouped: thousands separators. */
  mode: 'raw' | 'grouped';
  /** Fixed decimals for DECIMAL, FLOAT and DOUBLE; null keeps the value's own digits. */
  decimals: number | null;
}

export const RAW_NUMBERS: NumberFormat = { mode: 'raw', decimals: null };
export const DEFAULT_NUMBER_FORMAT: NumberFormat = { mode: 'grouped', decimals: null };

const FRACTIONAL = new Set(['DECIMAL', 'FLOAT', 'DOUBLE']);
const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** '1.5e-7' → { int: '0', frac: '00000015' }: scientific text written out in full. */
function plainDigits(int: string, frac: string, exponent: number): { int: string; frac: string } {
  let digits = int + frac;
  let point = int.length + exponent;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  return { int: intPart, frac: digits.slice(point) };
}

/** Rounds the decimal digits to `decimals` places, half away from zero, on the text. */
function roundDigits(int: string, frac: string, decimals: number): { int: string; frac: string } {
  if (frac.length <= decimals) return { int, frac: frac.padEnd(decimals, '0') };
  const kept = int + frac.slice(0, decimals);
  if (frac.charCodeAt(decimals) < 53 /* '5' */) return { int, frac: frac.slice(0, decimals) };
  // Add one to the last kept digit, carrying left.
  const chars = kept.split('');
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === '9') {
      chars[i] = '0';
      i--;
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      break;
    }
  }
  const all = (i < 0 ? '1' : '') + chars.join('');
  const intLen = all.length - decimals;
  return { int: all.slice(0, intLen), frac: all.slice(intLen) };
}

/** How a locale writes a number's separators (its digits stay ASCII: see `numberParts`). */
export interface NumberSeparators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, NumberSeparators>();
const groupingCache = new Map<string, Intl.NumberFormat>();

/**
 * Latin digits whatever the locale's own numbering system: a cell shows the value's exact
 * digits, which people copy, search and compare with other tools; only the separators and
 * where the groups fall (1,23,456 in en-IN) follow the locale.
 */
function groupingFormat(locale: string): Intl.NumberFormat {
  let f = groupingCache.get(locale);
  if (!f) {
    // min2: a four-digit number stays ungrouped in every locale (2024 reads as a year, not 2,024).
    f = new Intl.NumberFormat(locale, { numberingSystem: 'latn', useGrouping: 'min2' });
    groupingCache.set(locale, f);
  }
  return f;
}

export function numberSeparators(locale: string): NumberSeparators {
  let s = separatorCache.get(locale);
  if (!s) {
    const parts = new Intl.NumberFormat(locale, { numberingSystem: 'latn', useGrouping: 'always' }).formatToParts(1234567.5);
    s = { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
    separatorCache.set(locale, s);
  }
  return s;
}

/**
 * A number's display pieces: the integer digits split into the locale's groups, and the
 * fraction and exponent digits. Groups come from Intl formatting the integer as a BigInt,
 * which is exact at any length (a HUGEINT or DECIMAL(38,x) never goes through a double).
 */
export interface NumberParts {
  sign: string;
  groups: string[];
  frac: string;
  /** `e-7` of scientific text kept as is, else ''. */
  exponent: string;
}

/**
 * The pieces a numeric cell shows under `format` in `locale`, or null for anything that is
 * not a plain decimal number (NaN, Infinity) or when raw values were asked for: the wire
 * text is shown unchanged then.
 */
export function numberParts(type: WireType, text: string, format: NumberFormat, locale: string): NumberParts | null {
  if (format.mode === 'raw') return null;
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const sign = m[1] === '-' ? '-' : '';
  let int = m[2]!;
  let frac = m[3] ?? '';
  let exponent = '';
  const fractional = FRACTIONAL.has(type.id);
  if (m[4] !== undefined) {
    if (fractional && format.decimals !== null) ({ int, frac } = plainDigits(int, frac, Number(m[4])));
    // Scientific text (tiny or huge doubles) reads better kept as is unless fixed decimals were asked for.
    else exponent = text.slice(text.search(/[eE]/));
  }
  if (fractional && format.decimals !== null) ({ int, frac } = roundDigits(int, frac, format.decimals));
  const groups = groupingFormat(locale)
    .formatToParts(BigInt(int))
    .filter((p) => p.type === 'integer')
    .map((p) => p.value);
  return { sign, groups, frac, exponent };
}

/** The text a numeric cell shows under `format` in `locale`, separators written out. */
export function formatNumberText(type: WireType, text: string, format: NumberFormat, locale = 'en-US'): string {
  const parts = numberParts(type, text, format, locale);
  if (!parts) return text;
  const { group, decimal } = numberSeparators(locale);
  return parts.sign + parts.groups.join(group) + (parts.frac ? decimal + parts.frac : '') + parts.exponent;
}

/** Whether the grid formats this type's cells (the integer and fractional number types). */
export const formatsNumbers = (type: WireType) => isNumericType(type);
