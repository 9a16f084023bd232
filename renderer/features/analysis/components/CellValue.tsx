// One value as the wire format says to show it: exact digits, DuckDB's own text for
// dates and intervals, hex for BLOBs, and NULL drawn apart from the empty string.
// Numbers may be shown grouped or rounded (see number-format.ts); the hover title
// always holds the exact value.
import { formatNumberText, type NumberFormat } from '../../../../shared/analysis/number-format.js';
import { formatCell, isNumericType, type WireCell, type WireType } from '../../../../shared/wire.js';
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
 * The thousands separators are drawn by CSS (a ::before on each group), not written
 * into the text: the digits people select, search or read back stay the exact value.
 */
function Grouped({ text }: { text: string }) {
  const parts = text.split(',');
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts[0]}
      {parts.slice(1).map((p, i) => (
        <span key={i} className={styles.group}>
          {p}
        </span>
      ))}
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
    const shown = numberFormat ? formatNumberText(type, text, numberFormat) : text;
    return (
      <span title={text}>
        <Grouped text={shown} />
      </span>
    );
  }
  return <>{text}</>;
}
