// What a window shows when its profile's process stopped (a crash, out of memory):
// the other profiles' windows carry on; this one offers to reopen the same profile
// (no password: the window stayed bound to it) or to lock it.
import { useState } from 'react';
import type { Result } from '../../../shared/errors.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import styles from './ProfileStopped.module.css';

interface ProfileStoppedProps {
  name: string;
  message: string;
  onReopen: () => Promise<Result<null>>;
  onLock: () => void;
}

export function ProfileStopped({ name, message, onReopen, onLock }: ProfileStoppedProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reopen = async () => {
    setPending(true);
    setError(null);
    const result = await onReopen();
    setPending(false);
    if (!result.ok) setError(result.error.message);
  };

  return (
    <div className={styles.screen}>
      <div className={styles.panel} data-testid="profile-stopped">
        <Banner tone="danger" icon="alert" title={`${name} stopped`}>
          <p className={styles.text}>
            {message} Other profiles are not affected, and everything {name} saved is kept.
          </p>
          {error && (
            <p className={styles.text} role="alert" data-testid="reopen-error">
              {error}
            </p>
          )}
        </Banner>
        <div className={styles.actions}>
          <Button variant="secondary" onClick={onLock}>
            Lock
          </Button>
          <Button variant="primary" pending={pending} onClick={() => void reopen()} autoFocus>
            Reopen
          </Button>
        </div>
      </div>
    </div>
  );
}
