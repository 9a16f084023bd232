// Removing a saved source (its password leaves the keychain; imported tables stay but
// can no longer be refreshed) and giving a network source a new password.
import { useId, useState, type FormEvent } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import { SOURCE_PASSWORD_MAX, type SourceInfo, type SourcedTable } from '../../../shared/sources/sources.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/TextField.js';
import { sourceErrorTitle } from './source-errors.js';
import styles from './Sources.module.css';

export function RemoveSourceDialog({ source, sourced, onRemove, onClose }: { source: SourceInfo; sourced: SourcedTable[]; onRemove: () => Promise<Result<null>>; onClose: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const remove = async () => {
    setPending(true);
    const r = await onRemove();
    setPending(false);
    if (!r.ok && r.error.code !== 'NOT_FOUND') setError(r.error);
  };
  return (
    <Dialog
      title={`Remove ${source.name}?`}
      onClose={onClose}
      testId="remove-source-dialog"
      footer={
        <>
          <Button onClick={onClose}>Keep it</Button>
          <Button variant="primary" onClick={() => void remove()} pending={pending} data-testid="remove-source-confirm">
            Remove
          </Button>
        </>
      }
    >
      <p className={styles.dialogText}>
        Enclave forgets this database{source.hasPassword ? ' and removes its password from the keychain' : ''}. The database itself is not touched.
      </p>
      {sourced.length > 0 && (
        <p className={styles.dialogText}>
          {sourced.length === 1 ? 'The table' : `The ${sourced.length} tables`} imported from it ({sourced.map((t) => t.table).join(', ')}) stay, but can no longer be refreshed.
        </p>
      )}
      {error && <ErrorMessage>{error.message}</ErrorMessage>}
    </Dialog>
  );
}

export function ChangePasswordDialog({
  source,
  onSave,
  onSaved,
  onClose,
}: {
  source: SourceInfo;
  onSave: (password: string) => Promise<Result<SourceInfo>>;
  onSaved: () => void;
  onClose: () => void;
}) {
  const formId = useId();
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setPending(true);
    const r = await onSave(password);
    setPending(false);
    if (r.ok) onSaved();
    else setError(r.error);
  };
  return (
    <Dialog
      title={`Password for ${source.name}`}
      onClose={onClose}
      testId="source-password-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} pending={pending} data-testid="source-password-save">
            Save password
          </Button>
        </>
      }
    >
      <form id={formId} className={styles.form} onSubmit={(e) => void submit(e)}>
        <p className={styles.dialogText}>
          For <code>{source.url}</code>. It replaces the one in the keychain; leave it empty for a server that asks for none.
        </p>
        <TextField label="Password" type="password" autoComplete="off" autoFocus value={password} maxLength={SOURCE_PASSWORD_MAX} onChange={(e) => setPassword(e.target.value)} testId="source-password" />
        {error && (
          <ErrorMessage>
            {sourceErrorTitle(error)}: {error.message}
          </ErrorMessage>
        )}
      </form>
    </Dialog>
  );
}
