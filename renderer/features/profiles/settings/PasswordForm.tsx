// Sets, changes or removes the password of the window's profile.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { Result } from '../../../../shared/errors.js';
import { PASSWORD_MAX, PASSWORD_MIN, type SessionInfo } from '../../../../shared/profiles/profiles.js';
import { useBridgeCall } from '../../../bridge/useBridgeCall.js';
import { Button } from '../../../components/Button.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { Icon } from '../../../components/Icon.js';
import { TextField } from '../../../components/TextField.js';
import styles from './ProfileSettings.module.css';

interface PasswordFormProps {
  hasPassword: boolean;
  onChange: (currentPassword: string | undefined, newPassword: string | undefined) => Promise<Result<SessionInfo>>;
}

type Done = 'changed' | 'set' | 'removed';
const DONE_TEXT: Record<Done, string> = {
  changed: 'Password changed.',
  set: 'Password set. You will need it to open this profile.',
  removed: 'Password removed. This profile now opens without one.',
};

export function PasswordForm({ hasPassword, onChange }: PasswordFormProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldError, setFieldError] = useState<{ next?: string; confirm?: string; current?: string }>({});
  const [done, setDone] = useState<Done | null>(null);
  const call = useBridgeCall(onChange);

  const clear = () => {
    setFieldError({});
    setDone(null);
    call.reset();
  };

  /** Ties a password field to its state: it shows its own error, and typing clears the outcome. */
  const passwordField = (key: 'current' | 'next' | 'confirm', value: string, set: (value: string) => void) => ({
    type: 'password',
    value,
    maxLength: PASSWORD_MAX,
    error: fieldError[key] ?? null,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      set(event.target.value);
      clear();
    },
  });

  const finish = (result: Result<SessionInfo>, what: Done) => {
    if (!result.ok) return;
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(what);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof fieldError = {};
    if (hasPassword && !current) errors.current = 'Enter the current password';
    if (next.length < PASSWORD_MIN) errors.next = `Password is at least ${PASSWORD_MIN} characters`;
    else if (next !== confirm) errors.confirm = 'Passwords do not match';
    setFieldError(errors);
    if (Object.keys(errors).length > 0) return;
    finish(await call.run(hasPassword ? current : undefined, next), hasPassword ? 'changed' : 'set');
  };

  const remove = async () => {
    if (!current) {
      setFieldError({ current: 'Enter the current password to remove it' });
      return;
    }
    setFieldError({});
    finish(await call.run(current, undefined), 'removed');
  };

  return (
    <form className={styles.section} onSubmit={(event) => void submit(event)} data-testid="password-form" noValidate>
      <h3 className={styles.heading}>Password</h3>
      <p className={styles.text}>
        {hasPassword
          ? 'This profile is protected with a password. Enclave cannot recover a forgotten one.'
          : 'This profile opens without a password. Set one to keep others who use this computer out.'}
      </p>
      {hasPassword && (
        <TextField
          label="Current password"
          autoComplete="current-password"
          {...passwordField('current', current, setCurrent)}
          testId="current-password"
        />
      )}
      <TextField
        label={hasPassword ? 'New password' : 'Password'}
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters`}
        {...passwordField('next', next, setNext)}
        testId="new-password"
      />
      <TextField
        label={hasPassword ? 'Confirm new password' : 'Confirm password'}
        autoComplete="new-password"
        {...passwordField('confirm', confirm, setConfirm)}
        testId="confirm-password"
      />
      {call.error && <ErrorMessage>{call.error.message}</ErrorMessage>}
      {done && (
        <p className={styles.notice} role="status" data-testid="password-notice">
          <Icon name="check" size={14} className={styles.noticeIcon} />
          {DONE_TEXT[done]}
        </p>
      )}
      <div className={styles.actions}>
        <Button type="submit" pending={call.pending} data-testid="password-submit">
          {hasPassword ? 'Change password' : 'Set password'}
        </Button>
        {hasPassword && (
          <Button variant="ghost" disabled={call.pending} onClick={() => void remove()} data-testid="password-remove">
            Remove password
          </Button>
        )}
      </div>
    </form>
  );
}
