// The exact sum of a column's values for a chart tooltip: integers of any width and
// DECIMALs are added as scaled BigInts from their wire digits (a double sum of BIGINTs
// or DECIMAL(38,2) rounds), floating-point columns as doubles.
import type { WireCell, WireType } from '../wire.js';

const INTEGER = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT', 'BIGNUM']);
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** '12.5' at scale 2 → 1250n; null when the text is not a plain decimal. */
function scaled(text: string, scale: number): bigint | null {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(scale, '0');
  if (frac.length > scale) return null;
  const v = BigInt(m[2]! + frac);
  return m[1] ? -v : v;
}

function unscaled(v: bigint, scale: number): string {
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${int}${scale ? `.${frac}` : ''}`;
}

/** The sum of the non-NULL values as text; '0' for none. */
export function exactSum(type: WireType, cells: readonly WireCell[]): string {
  const scale = type.id === 'DECIMAL' ? type.scale : INTEGER.has(type.id) ? 0 : -1;
  if (scale >= 0) {
    let sum = 0n;
    let exact = true;
    for (const c of cells) {
      if (typeof c !== 'string') continue;
      const v = scaled(c, scale);
      if (v === null) {
        exact = false;
        break;
      }
      sum += v;
    }
    if (exact) return unscaled(sum, scale);
  }
  let sum = 0;
  for (const c of cells) if (typeof c === 'string' || typeof c === 'boolean') sum += Number(c);
  return String(sum);
}
