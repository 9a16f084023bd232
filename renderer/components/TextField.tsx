import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { ErrorMessage } from './ErrorMessage.js';
import styles from './TextField.module.css';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** Keep the label for screen readers but do not draw it. */
  hideLabel?: boolean;
  hint?: string;
  error?: string | null;
  testId?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hideLabel = false, hint, error, testId, ref, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={hideLabel ? styles.visuallyHidden : styles.label}>
        {label}
      </label>
      <input
        {...input}
        ref={ref}
        id={id}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : hint && <span id={hintId} className={styles.hint}>{hint}</span>}
    </div>
  );
}
