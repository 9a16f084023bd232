// The danger zone: deleting the profile asks for its password, or its name typed out.
import { useState, type FormEvent } from 'react';
import type { Result } from '../../../../shared/errors.js';
import { PASSWORD_MAX, PROFILE_NAME_MAX } from '../../../../shared/profiles/profiles.js';
import { useBridgeCall } from '../../../bridge/useBridgeCall.js';
import { Button } from '../../../components/Button.js';
import { TextField } from '../../../components/TextField.js';
import styles from './ProfileSettings.module.css';

export interface DeleteConfirmation {
  password?: string;
  confirmName?: string;
}

interface DeleteProfileFormProps {
  name: string;
  hasPassword: boolean;
  /** Null while the profile's id is still being looked up. */
  onDelete: ((confirmation: DeleteConfirmation) => Promise<Result<null>>) | null;
}

export function DeleteProfileForm({ name, hasPassword, onDelete }: DeleteProfileFormProps) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const call = useBridgeCall(async (confirmation: DeleteConfirmation) =>
    onDelete ? onDelete(confirmation) : { ok: false as const, error: { code: 'INTERNAL' as const, message: 'Not ready yet.' } },
  );
  const ready = hasPassword ? value.length > 0 : value === name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    await call.run(hasPassword ? { password: value } : { confirmName: value });
  };

  return (
    <section className={`${styles.section} ${styles.danger}`} data-testid="delete-profile-section">
      <h3 className={styles.dangerHeading}>Delete profile</h3>
      <p className={styles.text}>
        All of {name}'s tasks, notes, events and tables are removed from this computer. This cannot be undone.
      </p>
      {!open ? (
        <Button className={styles.dangerButton} onClick={() => setOpen(true)} data-testid="delete-profile-open">
          Delete profile…
        </Button>
      ) : (
        <form className={styles.section} onSubmit={(event) => void submit(event)} noValidate>
          {hasPassword ? (
            <TextField
              label={`Password for ${name}`}
              type="password"
              autoComplete="current-password"
              autoFocus
              value={value}
              maxLength={PASSWORD_MAX}
              onChange={(event) => {
                setValue(event.target.value);
                call.reset();
              }}
              error={call.error?.message ?? null}
              testId="delete-password"
            />
          ) : (
            <TextField
              label={`Type “${name}” to confirm`}
              value={value}
              maxLength={PROFILE_NAME_MAX * 4}
              autoFocus
              onChange={(event) => {
                setValue(event.target.value);
                call.reset();
              }}
              error={call.error?.message ?? null}
              testId="delete-confirm-name"
            />
          )}
          <div className={styles.actions}>
            <Button
              type="submit"
              className={styles.dangerButton}
              pending={call.pending}
              disabled={!ready || !onDelete}
              data-testid="delete-profile-submit"
            >
              Delete {name}
            </Button>
            <Button
              variant="ghost"
              disabled={call.pending}
              onClick={() => {
                setOpen(false);
                setValue('');
                call.reset();
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
