// One value as the wire format says to show it: exact digits, DuckDB's own text for
// dates and intervals, hex for BLOBs, and NULL drawn apart from the empty string.
import { formatCell, isNumericType, type WireCell, type WireType } from '../../../../shared/wire.js';
import styles from './CellValue.module.css';

interface CellValueProps {
  type: WireType;
  cell: WireCell;
  timeZone: string;
}

const NESTED = new Set(['LIST', 'ARRAY', 'STRUCT', 'MAP', 'UNION']);
export const isNestedType = (type: WireType) => NESTED.has(type.id);

export function CellValue({ type, cell, timeZone }: CellValueProps) {
  if (cell === null) return <span className={styles.null}>NULL</span>;
  if (cell === '' && (type.id === 'VARCHAR' || type.id === 'ENUM')) {
    return <span className={styles.empty} title="Empty text" aria-label="empty text" />;
  }
  const text = formatCell(type, cell, { timeZone, blobPreviewBytes: 24 });
  if (type.id === 'BOOLEAN') return <span className={cell ? styles.true : styles.false}>{text}</span>;
  if (isNestedType(type)) return <span className={styles.nested}>{text}</span>;
  if (type.id === 'BLOB') return <span className={styles.blob}>{text}</span>;
  // Its own box, so the grid can fit it to the cell (see ResultGrid.module.css); hovering shows every digit.
  if (isNumericType(type)) return <span title={text}>{text}</span>;
  return <>{text}</>;
}
