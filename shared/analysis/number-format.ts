// How the grid shows numbers: as DuckDB wrote them ("raw"), or with thousands separators
// and, for fractional types, a fixed number of decimals. All of it is done on the digit
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

/** Digits with a separator every three from the right: '1234567' → '1,234,567'. */
export function groupDigits(digits: string, separator = ','): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

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

/**
 * The text a numeric cell shows under `format`. Anything that is not a plain decimal
 * number (NaN, Infinity, a type the grid does not format) is returned unchanged.
 */
export function formatNumberText(type: WireType, text: string, format: NumberFormat): string {
  if (format.mode === 'raw') return text;
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return text;
  const sign = m[1] === '-' ? '-' : '';
  let int = m[2]!;
  let frac = m[3] ?? '';
  const exponent = m[4] ? Number(m[4]) : 0;
  const fractional = FRACTIONAL.has(type.id);
  if (exponent !== 0) {
    // Scientific text (tiny or huge doubles) reads better kept as is unless fixed decimals were asked for.
    if (!fractional || format.decimals === null) return text;
    ({ int, frac } = plainDigits(int, frac, exponent));
  }
  if (fractional && format.decimals !== null) ({ int, frac } = roundDigits(int, frac, format.decimals));
  // Four-digit numbers stay ungrouped (2024 reads as a year, not 2,024), as style guides advise.
  return sign + (int.length > 4 ? groupDigits(int) : int) + (frac ? `.${frac}` : '');
}

/** Whether the grid formats this type's cells (the integer and fractional number types). */
export const formatsNumbers = (type: WireType) => isNumericType(type);
