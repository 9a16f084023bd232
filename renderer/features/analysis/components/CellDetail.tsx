// The full value of one cell: nested LIST/STRUCT/MAP values unfolded as a tree, long
// text and BLOBs shown whole.
import { useState } from 'react';
import type { WireCell, WireColumn, WireType } from '../../../../shared/wire.js';
import { formatCell } from '../../../../shared/wire.js';
import { Button } from '../../../components/Button.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { formatCount } from '../display-format.js';
import { CellValue } from './CellValue.js';
import styles from './CellDetail.module.css';

const MAX_ITEMS = 500;

function ValueTree({ type, cell, timeZone }: { type: WireType; cell: WireCell; timeZone: string }) {
  if (cell === null || !Array.isArray(cell)) {
    return (
      <span className={styles.scalar}>
        {type.id === 'BLOB' && typeof cell === 'string' ? (
          formatCell(type, cell, { blobPreviewBytes: 4096 })
        ) : (
          <CellValue type={type} cell={cell} timeZone={timeZone} />
        )}
      </span>
    );
  }
  switch (type.id) {
    case 'LIST':
    case 'ARRAY':
      return (
        <ol className={styles.list} start={0}>
          {cell.slice(0, MAX_ITEMS).map((item, i) => (
            <li key={i}>
              <span className={styles.key}>[{i + 1}]</span>
              <ValueTree type={type.child} cell={item} timeZone={timeZone} />
            </li>
          ))}
          {cell.length > MAX_ITEMS && <li className={styles.more}>… {cell.length - MAX_ITEMS} more items</li>}
        </ol>
      );
    case 'STRUCT':
      return (
        <ul className={styles.list}>
          {type.fields.map((field, i) => (
            <li key={field.name}>
              <span className={styles.key}>{field.name}</span>
              <ValueTree type={field.type} cell={cell[i] ?? null} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      );
    case 'MAP':
      return (
        <ul className={styles.list}>
          {(cell as WireCell[][]).slice(0, MAX_ITEMS).map(([k, v], i) => (
            <li key={i}>
              <span className={styles.key}>{formatCell(type.key, k ?? null, { timeZone })} →</span>
              <ValueTree type={type.value} cell={v ?? null} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      );
    case 'UNION': {
      const [tag, value] = cell as [string, WireCell];
      const member = type.members.find((m) => m.name === tag);
      return (
        <ul className={styles.list}>
          <li>
            <span className={styles.key}>{tag}</span>
            {member ? <ValueTree type={member.type} cell={value} timeZone={timeZone} /> : String(value)}
          </li>
        </ul>
      );
    }
    default:
      return <span className={styles.scalar}>{JSON.stringify(cell)}</span>;
  }
}

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; reason: string };

/** Copies the value and says how it went: a refused clipboard must not look like a copy. */
function CopyValueButton({ text }: { text: string }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const copy = async () => {
    try {
      // Absent outside a secure context; main grants the write permission to our page only.
      if (!navigator.clipboard) throw new Error('the clipboard is not available here');
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
    } catch (e) {
      setState({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <>
      <Button size="small" onClick={() => void copy()}>
        Copy value
      </Button>
      {state.kind === 'copied' && (
        <span className={styles.copied} role="status" data-testid="cell-copied">
          Copied
        </span>
      )}
      {state.kind === 'failed' && <ErrorMessage>Could not copy the value: {state.reason}</ErrorMessage>}
    </>
  );
}

interface CellDetailProps {
  column: WireColumn;
  row: number;
  cell: WireCell | undefined;
  timeZone: string;
  onClose: () => void;
}

export function CellDetail({ column, row, cell, timeZone, onClose }: CellDetailProps) {
  const text = cell === undefined ? '' : formatCell(column.type, cell, { timeZone, blobPreviewBytes: 1 << 20 });
  return (
    <aside className={styles.panel} aria-label="Cell value" data-testid="cell-detail">
      <header className={styles.head}>
        <div>
          <div className={styles.title}>{column.name}</div>
          <div className={styles.meta}>
            {column.type.sql} · row {formatCount(row + 1)}
          </div>
        </div>
        <Button size="small" variant="ghost" onClick={onClose} aria-label="Close cell value">
          ✕
        </Button>
      </header>
      <div className={styles.body}>
        {cell === undefined ? (
          <span className={styles.meta}>Loading…</span>
        ) : (
          <ValueTree type={column.type} cell={cell} timeZone={timeZone} />
        )}
      </div>
      {cell !== undefined && cell !== null && (
        <footer className={styles.foot}>
          {/* Keyed by cell: another cell starts without the last one's outcome. */}
          <CopyValueButton key={`${row}:${column.name}`} text={text} />
        </footer>
      )}
    </aside>
  );
}
