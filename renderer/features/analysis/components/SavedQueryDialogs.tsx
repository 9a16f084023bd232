// Naming a saved query (saving a tab's SQL under a new name, or renaming one), and
// deleting one after a confirmation that names it.
import { useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../../shared/errors.js';
import { SAVED_QUERY_NAME_MAX } from '../../../../shared/analysis/query-workspace.js';
import { Button } from '../../../components/Button.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import styles from './Dialog.module.css';
import { DialogFrame } from './DialogFrame.js';

export function SavedQueryNameDialog({ title, initial, action, onSubmit, onClose }: {
  title: string;
  initial: string;
  /** The submit button's label ("Save", "Rename"). */
  action: string;
  onSubmit: (name: string) => Promise<Result<unknown>>;
  onClose: () => void;
}) {
  const [name, setName] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const trimmed = name.trim();
  const submit = async () => {
    if (!trimmed || pending) return;
    setPending(true);
    const done = await onSubmit(trimmed);
    setPending(false);
    if (done.ok) onClose();
    else setError(done.error);
  };
  return (
    <DialogFrame title={title} testId="saved-query-dialog" onClose={onClose} onSubmit={() => void submit()}>
      <label className={styles.field}>
        <span className={styles.legend}>Name</span>
        <input
          ref={inputRef}
          className={styles.input}
          value={name}
          maxLength={SAVED_QUERY_NAME_MAX}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          data-testid="saved-query-name"
        />
      </label>
      {error && <ErrorMessage>{error.code === 'ALREADY_EXISTS' ? `A saved query is already named “${trimmed}”: choose another name.` : error.message}</ErrorMessage>}
      <div className={styles.actions}>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" pending={pending} disabled={!trimmed} data-testid="saved-query-submit">
          {action}
        </Button>
      </div>
    </DialogFrame>
  );
}

export function DeleteSavedQueryDialog({ name, onDelete, onClose }: { name: string; onDelete: () => Promise<Result<unknown>>; onClose: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async () => {
    setPending(true);
    const done = await onDelete();
    setPending(false);
    if (done.ok) onClose();
    else setError(done.error);
  };
  return (
    <DialogFrame title={`Delete the saved query “${name}”?`} testId="delete-saved-query-dialog" onClose={onClose} onSubmit={() => void submit()}>
      <p className={styles.warning}>Its name and SQL are removed from this profile. Tabs showing it keep their text.</p>
      {error && <ErrorMessage>{error.message}</ErrorMessage>}
      <div className={styles.actions}>
        <Button variant="ghost" onClick={onClose} autoFocus>
          Keep it
        </Button>
        <Button variant="primary" type="submit" pending={pending} data-testid="delete-saved-query-submit">
          Delete
        </Button>
      </div>
    </DialogFrame>
  );
}
