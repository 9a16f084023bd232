// Renames the window's profile; a clash with another profile shows on the field.
import { useState, type FormEvent } from 'react';
import type { Result } from '../../../../shared/errors.js';
import { PROFILE_NAME_MAX, type SessionInfo } from '../../../../shared/profiles/profiles.js';
import { useBridgeCall } from '../../../bridge/useBridgeCall.js';
import { Button } from '../../../components/Button.js';
import { TextField } from '../../../components/TextField.js';
import styles from './ProfileSettings.module.css';

interface RenameFormProps {
  name: string;
  onRename: (name: string) => Promise<Result<SessionInfo>>;
}

export function RenameForm({ name, onRename }: RenameFormProps) {
  const [draft, setDraft] = useState(name);
  const [localError, setLocalError] = useState<string | null>(null);
  const call = useBridgeCall(onRename);
  const trimmed = draft.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed) {
      setLocalError('Name is required');
      return;
    }
    setLocalError(null);
    const result = await call.run(trimmed);
    if (result.ok) setDraft(result.value.name);
  };

  return (
    <form className={styles.section} onSubmit={(event) => void submit(event)} data-testid="rename-form">
      <h3 className={styles.heading}>Name</h3>
      <div className={styles.row}>
        <div className={styles.grow}>
          <TextField
            label="Profile name"
            value={draft}
            maxLength={PROFILE_NAME_MAX}
            onChange={(event) => {
              setDraft(event.target.value);
              setLocalError(null);
              call.reset();
            }}
            error={localError ?? call.error?.message ?? null}
            testId="rename-input"
          />
        </div>
        <Button
          type="submit"
          className={styles.rowButton}
          pending={call.pending}
          disabled={trimmed === name}
          data-testid="rename-submit"
        >
          Save
        </Button>
      </div>
    </form>
  );
}
