// Inline password entry on a protected profile's card, with throttle countdown.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import type { ProfileSummary, SessionInfo } from '../../../shared/profiles/profiles.js';
import { useBridgeCall } from '../../bridge/useBridgeCall.js';
import { useCountdown } from '../../hooks/useCountdown.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/TextField.js';
import styles from './UnlockForm.module.css';

interface UnlockFormProps {
  profile: ProfileSummary;
  onUnlock: (profileId: string, password?: string) => Promise<Result<SessionInfo>>;
  onCancel: () => void;
  onError: (error: AppError) => void;
}

/** Used when main throttles us without saying for how long. */
const FALLBACK_THROTTLE_SECONDS = 30;

const blockedUntilOf = (profile: ProfileSummary) => {
  const until = profile.unlockBlockedUntil ? Date.parse(profile.unlockBlockedUntil) : NaN;
  return Number.isNaN(until) ? null : until;
};

export function UnlockForm({ profile, onUnlock, onCancel, onError }: UnlockFormProps) {
  const [password, setPassword] = useState('');
  const [blockedUntil, setBlockedUntil] = useState<number | null>(() => blockedUntilOf(profile));
  const waitSeconds = useCountdown(blockedUntil);
  const throttled = waitSeconds > 0;
  const { run, pending, error, reset } = useBridgeCall(onUnlock);
  const inputRef = useRef<HTMLInputElement>(null);

  // Hand focus back to the field the moment another attempt is allowed.
  useEffect(() => {
    if (!throttled) inputRef.current?.focus();
  }, [throttled]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || throttled) return;
    const result = await run(profile.id, password);
    if (result.ok) return;
    onError(result.error);
    // A wrong password that starts a throttle (AUTH_FAILED) carries the wait too.
    if (result.error.code === 'THROTTLED' || result.error.retryAfterSeconds) {
      setBlockedUntil(Date.now() + (result.error.retryAfterSeconds ?? FALLBACK_THROTTLE_SECONDS) * 1000);
      setPassword('');
    } else {
      inputRef.current?.select();
    }
  };

  // The throttle message replaces the server's wording so it can count down live;
  // keychain failures are explained by the picker's banner.
  const message = throttled
    ? `${error?.code === 'AUTH_FAILED' ? 'Wrong password. ' : ''}Too many attempts — try again in ${waitSeconds} s`
    : error && error.code !== 'THROTTLED' && error.code !== 'KEYCHAIN_UNAVAILABLE'
      ? error.message
      : null;

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <TextField
          ref={inputRef}
          label={`Password for ${profile.name}`}
          hideLabel
          type="password"
          placeholder="Password"
          autoComplete="current-password"
          value={password}
          disabled={throttled}
          onChange={(event) => {
            setPassword(event.target.value);
            if (error) reset();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onCancel();
          }}
        testId="unlock-password"
      />
      <Button
        type="submit"
        variant="primary"
        fullWidth
        pending={pending}
        disabled={throttled || password.length === 0}
        data-testid="unlock-submit"
      >
        Unlock
      </Button>
      {message && <ErrorMessage>{message}</ErrorMessage>}
    </form>
  );
}
