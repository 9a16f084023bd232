// Naming a saved query (saving a tab's SQL under a new name, or renaming one), and
// deleting one after a confirmation that names it.
import type { Result } from '../../../../shared/errors.js';
import { SAVED_QUERY_NAME_MAX } from '../../../../shared/analysis/query-workspace.js';
import styles from './Dialog.module.css';
import { ConfirmDialog, NameDialog } from './FormDialogs.js';

export function SavedQueryNameDialog({ title, initial, action, onSubmit, onClose }: {
  title: string;
  initial: string;
  /** The submit button's label ("Save", "Rename"). */
  action: string;
  onSubmit: (name: string) => Promise<Result<unknown>>;
  onClose: () => void;
}) {
  return (
    <NameDialog
      title={title}
      testId="saved-query-dialog"
      label="Name"
      initial={initial}
      action={action}
      inputTestId="saved-query-name"
      submitTestId="saved-query-submit"
      maxLength={SAVED_QUERY_NAME_MAX}
      describeError={(error, name) => (error.code === 'ALREADY_EXISTS' ? `A saved query is already named “${name}”: choose another name.` : error.message)}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
}

export function DeleteSavedQueryDialog({ name, onDelete, onClose }: { name: string; onDelete: () => Promise<Result<unknown>>; onClose: () => void }) {
  return (
    <ConfirmDialog
      title={`Delete the saved query “${name}”?`}
      testId="delete-saved-query-dialog"
      action="Delete"
      submitTestId="delete-saved-query-submit"
      onConfirm={onDelete}
      onClose={onClose}
    >
      <p className={styles.warning}>Its name and SQL are removed from this profile. Tabs showing it keep their text.</p>
    </ConfirmDialog>
  );
}
