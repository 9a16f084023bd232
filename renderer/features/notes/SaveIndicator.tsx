// Says where the typed text is: only here, on its way, or safely in the profile.
import type { AppError } from '../../../shared/errors.js';
import type { SaveStatus } from './useNoteEditor.js';
import { Icon } from '../../components/Icon.js';
import { Spinner } from '../../components/Spinner.js';
import styles from './SaveIndicator.module.css';

export function SaveIndicator({ status, error }: { status: SaveStatus; error: AppError | null }) {
  return (
    <span className={`${styles.state} ${styles[status]}`} role="status" aria-live="polite" data-testid="note-save-state" data-state={status}>
      {status === 'saving' && (
        <>
          <Spinner size={10} /> Saving…
        </>
      )}
      {status === 'saved' && (
        <>
          <Icon name="check" size={12} /> Saved
        </>
      )}
      {status === 'unsaved' && <>Edited</>}
      {status === 'conflict' && (
        <>
          <Icon name="alert" size={12} /> Conflict
        </>
      )}
      {status === 'error' && (
        <>
          <Icon name="alert" size={12} /> Not saved{error ? `: ${error.message}` : ''}
        </>
      )}
    </span>
  );
}
