// The two small forms the analysis space asks in a dialog: a name (save or rename a
// query, rename a table) and a confirmation of a loss (delete a saved query, drop a
// table). Each submits once, shows the core's error in place and closes on success.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppError, Result } from '../../../../shared/errors.js';
import { Button } from '../../../components/Button.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import styles from './Dialog.module.css';
import { DialogFrame } from './DialogFrame.js';

/** Runs a dialog's action once at a time; closes on success, keeps the error otherwise. */
function useDialogAction<A extends unknown[]>(action: (...args: A) => Promise<Result<unknown>>, onClose: () => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = async (...args: A) => {
    if (pending) return;
    setPending(true);
    const done = await action(...args);
    setPending(false);
    if (done.ok) onClose();
    else setError(done.error);
  };
  return { pending, error, setError, run };
}

interface NameDialogProps {
  title: string;
  testId: string;
  label: string;
  initial: string;
  /** The submit button's label ("Save", "Rename"). */
  action: string;
  inputTestId: string;
  submitTestId: string;
  maxLength?: number;
  spellCheck?: boolean;
  /** Why a name cannot be taken, said under the field (null: it can). */
  problem?: (name: string) => string | null;
  /** Submitting the initial name unchanged is refused (nothing to do). */
  requireChange?: boolean;
  /** The core's refusal in words (default: its message). */
  describeError?: (error: AppError, name: string) => string;
  onSubmit: (name: string) => Promise<Result<unknown>>;
  onClose: () => void;
}

export function NameDialog(props: NameDialogProps) {
  const { title, testId, label, initial, action, inputTestId, submitTestId, maxLength, spellCheck, problem, requireChange, describeError, onSubmit, onClose } = props;
  const [name, setName] = useState(initial);
  const { pending, error, setError, run } = useDialogAction(onSubmit, onClose);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const trimmed = name.trim();
  const refusal = trimmed ? (problem?.(trimmed) ?? null) : null;
  const blocked = !trimmed || refusal !== null || (requireChange === true && trimmed === initial);
  return (
    <DialogFrame title={title} testId={testId} onClose={onClose} onSubmit={() => void (blocked ? undefined : run(trimmed))}>
      <label className={styles.field}>
        <span className={styles.legend}>{label}</span>
        <input
          ref={inputRef}
          className={styles.input}
          value={name}
          maxLength={maxLength}
          spellCheck={spellCheck}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          data-testid={inputTestId}
        />
      </label>
      {refusal && <ErrorMessage>{refusal}</ErrorMessage>}
      {error && <ErrorMessage>{describeError ? describeError(error, trimmed) : error.message}</ErrorMessage>}
      <div className={styles.actions}>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" pending={pending} disabled={blocked} data-testid={submitTestId}>
          {action}
        </Button>
      </div>
    </DialogFrame>
  );
}

interface ConfirmDialogProps {
  title: string;
  testId: string;
  /** What is lost, said before the buttons. */
  children: ReactNode;
  action: ReactNode;
  submitTestId: string;
  onConfirm: () => Promise<Result<unknown>>;
  onClose: () => void;
}

export function ConfirmDialog({ title, testId, children, action, submitTestId, onConfirm, onClose }: ConfirmDialogProps) {
  const { pending, error, run } = useDialogAction(onConfirm, onClose);
  return (
    <DialogFrame title={title} testId={testId} onClose={onClose} onSubmit={() => void run()}>
      {children}
      {error && <ErrorMessage>{error.message}</ErrorMessage>}
      <div className={styles.actions}>
        <Button variant="ghost" onClick={onClose} autoFocus>
          Keep it
        </Button>
        <Button variant="primary" type="submit" pending={pending} data-testid={submitTestId}>
          {action}
        </Button>
      </div>
    </DialogFrame>
  );
}
