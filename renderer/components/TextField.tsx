import { useId, useState, type InputHTMLAttributes, type KeyboardEvent, type Ref } from 'react';
import { ErrorMessage } from './ErrorMessage.js';
import { Icon } from './Icon.js';
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

/**
 * A labelled input. A password field gets a show/hide toggle and warns while Caps Lock
 * is on (read from the key events the field receives, which is all a page can know).
 */
export function TextField({ label, hideLabel = false, hint, error, testId, ref, type, onKeyDown, onKeyUp, onBlur, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const capsId = `${id}-caps`;
  const password = type === 'password';
  const [revealed, setRevealed] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const showCaps = password && capsLock;
  const describedBy = [error ? errorId : hint ? hintId : null, showCaps ? capsId : null].filter(Boolean).join(' ') || undefined;
  const readCaps = (event: KeyboardEvent<HTMLInputElement>) => {
    if (password && typeof event.getModifierState === 'function') setCapsLock(event.getModifierState('CapsLock'));
  };

  const field = (
    <input
      {...input}
      type={password && revealed ? 'text' : type}
      ref={ref}
      id={id}
      className={`${styles.input} ${password ? styles.withToggle : ''}`}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      data-testid={testId}
      onKeyDown={(event) => {
        readCaps(event);
        onKeyDown?.(event);
      }}
      onKeyUp={(event) => {
        readCaps(event);
        onKeyUp?.(event);
      }}
      onBlur={(event) => {
        setCapsLock(false);
        onBlur?.(event);
      }}
    />
  );

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : styles.label}>
        {label}
      </label>
      {password ? (
        <div className={styles.control}>
          {field}
          <button
            type="button"
            className={styles.toggle}
            onClick={() => setRevealed((r) => !r)}
            aria-label={revealed ? 'Hide password' : 'Show password'}
            aria-pressed={revealed}
            aria-controls={id}
            title={revealed ? 'Hide password' : 'Show password'}
            disabled={input.disabled}
            data-testid={testId ? `${testId}-reveal` : undefined}
          >
            <Icon name={revealed ? 'eye-off' : 'eye'} size={16} />
          </button>
        </div>
      ) : (
        field
      )}
      {showCaps && (
        <span id={capsId} className={styles.caps} role="status" data-testid={testId ? `${testId}-caps` : undefined}>
          <Icon name="alert" size={12} />
          Caps Lock is on
        </span>
      )}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : hint && <span id={hintId} className={styles.hint}>{hint}</span>}
    </div>
  );
}
