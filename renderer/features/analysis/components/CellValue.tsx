// One value as the wire format says to show it: exact digits, DuckDB's own text for
// dates and intervals, hex for BLOBs, and NULL drawn apart from the empty string.
// Numbers may be shown grouped or rounded (see number-format.ts); the hover title
// always holds the exact value.
import { numberParts, numberSeparators, type NumberFormat, type NumberParts } from '../../../../shared/analysis/number-format.js';
import { formatCell, isNumericType, type WireCell, type WireType } from '../../../../shared/wire.js';
import { currentLocale } from '../../../format/locale.js';
import styles from './CellValue.module.css';

interface CellValueProps {
  type: WireType;
  cell: WireCell;
  timeZone: string;
  numberFormat?: NumberFormat;
}

const NESTED = new Set(['LIST', 'ARRAY', 'STRUCT', 'MAP', 'UNION']);
export const isNestedType = (type: WireType) => NESTED.has(type.id);

/**
 * The grouping separators are drawn by CSS (a ::before on each group, the locale's
 * character in data-sep), not written into the text: the digits people select, search or
 * read back stay the value's digits. The decimal separator is the locale's, written.
 */
function Grouped({ parts, locale }: { parts: NumberParts; locale: string }) {
  const { group, decimal } = numberSeparators(locale);
  return (
    <>
      {parts.sign}
      {parts.groups[0]}
      {parts.groups.slice(1).map((g, i) => (
        <span key={i} className={styles.group} data-sep={group}>
          {g}
        </span>
      ))}
      {parts.frac && `${decimal}${parts.frac}`}
      {parts.exponent}
    </>
  );
}

export function CellValue({ type, cell, timeZone, numberFormat }: CellValueProps) {
  if (cell === null) return <span className={styles.null}>NULL</span>;
  if (cell === '' && (type.id === 'VARCHAR' || type.id === 'ENUM')) {
    return <span className={styles.empty} title="Empty text" aria-label="empty text" />;
  }
  const text = formatCell(type, cell, { timeZone, blobPreviewBytes: 24 });
  if (type.id === 'BOOLEAN') return <span className={cell ? styles.true : styles.false}>{text}</span>;
  if (isNestedType(type)) return <span className={styles.nested}>{text}</span>;
  if (type.id === 'BLOB') return <span className={styles.blob}>{text}</span>;
  // Its own box, so the grid can fit it to the cell (see ResultGrid.module.css); hovering shows every digit.
  if (isNumericType(type)) {
    const locale = currentLocale().locale;
    const parts = numberFormat ? numberParts(type, text, numberFormat, locale) : null;
    return <span title={text}>{parts ? <Grouped parts={parts} locale={locale} /> : text}</span>;
  }
  return <>{text}</>;
}
