// Rename a table, or drop it after a confirmation that says what is lost (its rows and
// columns; there is no undo for a dropped table).
import type { TableInfo } from '../../../../shared/analysis/analytics.js';
import type { Result } from '../../../../shared/errors.js';
import { countOf } from '../display-format.js';
import styles from './Dialog.module.css';
import { ConfirmDialog, NameDialog } from './FormDialogs.js';

const what = (t: TableInfo) => (t.kind === 'view' ? 'view' : 'table');

export function RenameTableDialog({ table, taken, onRename, onClose }: {
  table: TableInfo;
  taken: readonly string[];
  onRename: (to: string) => Promise<Result<null>>;
  onClose: () => void;
}) {
  const clash = (to: string) =>
    to.toLowerCase() !== table.name.toLowerCase() && taken.some((t) => t.toLowerCase() === to.toLowerCase()) ? `A table named ${to} exists.` : null;
  return (
    <NameDialog
      title={`Rename ${what(table)} ${table.name}`}
      testId="rename-table-dialog"
      label="New name"
      initial={table.name}
      action="Rename"
      inputTestId="rename-table-name"
      submitTestId="rename-table-submit"
      spellCheck={false}
      problem={clash}
      requireChange
      onSubmit={onRename}
      onClose={onClose}
    />
  );
}

export function DropTableDialog({ table, onDrop, onClose }: { table: TableInfo; onDrop: () => Promise<Result<null>>; onClose: () => void }) {
  const lost =
    table.kind === 'view'
      ? 'The view’s definition is removed; the tables it reads stay.'
      : `${table.rowCount !== null ? countOf(table.rowCount, 'row') : 'Its rows'} and ${countOf(table.columns.length, 'column')} will be deleted from this profile. This cannot be undone: export the table first to keep a copy.`;
  return (
    <ConfirmDialog title={`Drop ${what(table)} ${table.name}?`} testId="drop-table-dialog" action={`Drop ${table.name}`} submitTestId="drop-table-submit" onConfirm={onDrop} onClose={onClose}>
      <p className={styles.warning} data-testid="drop-table-lost">
        {lost}
      </p>
    </ConfirmDialog>
  );
}
