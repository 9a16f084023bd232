// Rename a table, or drop it after a confirmation that says what is lost (its rows and
// columns; there is no undo for a dropped table).
import { useEffect, useRef, useState } from 'react';
import type { TableInfo } from '../../../../shared/analysis/analytics.js';
import type { AppError, Result } from '../../../../shared/errors.js';
import { Button } from '../../../components/Button.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { countOf } from '../display-format.js';
import { DialogFrame } from './DialogFrame.js';
import styles from './Dialog.module.css';

const what = (t: TableInfo) => (t.kind === 'view' ? 'view' : 'table');

export function RenameTableDialog({ table, taken, onRename, onClose }: {
  table: TableInfo;
  taken: readonly string[];
  onRename: (to: string) => Promise<Result<null>>;
  onClose: () => void;
}) {
  const [name, setName] = useState(table.name);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const to = name.trim();
  const clash = to.toLowerCase() !== table.name.toLowerCase() && taken.some((t) => t.toLowerCase() === to.toLowerCase());
  const submit = async () => {
    if (!to || clash || to === table.name) return;
    setPending(true);
    const done = await onRename(to);
    setPending(false);
    if (done.ok) onClose();
    else setError(done.error);
  };
  return (
    <DialogFrame title={`Rename ${what(table)} ${table.name}`} testId="rename-table-dialog" onClose={onClose} onSubmit={() => void submit()}>
      <label className={styles.field}>
        <span className={styles.legend}>New name</span>
        <input ref={inputRef} className={styles.input} value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} data-testid="rename-table-name" />
      </label>
      {clash && <ErrorMessage>A table named {to} exists.</ErrorMessage>}
      {error && <ErrorMessage>{error.message}</ErrorMessage>}
      <div className={styles.actions}>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" pending={pending} disabled={!to || clash || to === table.name} data-testid="rename-table-submit">
          Rename
        </Button>
      </div>
    </DialogFrame>
  );
}

export function DropTableDialog({ table, onDrop, onClose }: { table: TableInfo; onDrop: () => Promise<Result<null>>; onClose: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async () => {
    setPending(true);
    const done = await onDrop();
    setPending(false);
    if (done.ok) onClose();
    else setError(done.error);
  };
  const lost =
    table.kind === 'view'
      ? 'The view’s definition is removed; the tables it reads stay.'
      : `${table.rowCount !== null ? countOf(table.rowCount, 'row') : 'Its rows'} and ${countOf(table.columns.length, 'column')} will be deleted from this profile. This cannot be undone: export the table first to keep a copy.`;
  return (
    <DialogFrame title={`Drop ${what(table)} ${table.name}?`} testId="drop-table-dialog" onClose={onClose} onSubmit={() => void submit()}>
      <p className={styles.warning} data-testid="drop-table-lost">
        {lost}
      </p>
      {error && <ErrorMessage>{error.message}</ErrorMessage>}
      <div className={styles.actions}>
        <Button variant="ghost" onClick={onClose} autoFocus>
          Keep it
        </Button>
        <Button variant="primary" type="submit" pending={pending} data-testid="drop-table-submit">
          Drop {table.name}
        </Button>
      </div>
    </DialogFrame>
  );
}
