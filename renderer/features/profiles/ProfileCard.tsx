// One profile in the picker: opens straight away, or reveals a password field.
import { useId, useState } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import type { ProfileSummary, SessionInfo } from '../../../shared/profiles/profiles.js';
import { useBridgeCall } from '../../bridge/useBridgeCall.js';
import { relativeTime } from '../../format/relative-time.js';
import { Avatar } from '../../components/Avatar.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { ProfileTileMenu, type TileAction } from './ProfileTileMenu.js';
import { RemoveProfileForm } from './RemoveProfileForm.js';
import styles from './ProfileCard.module.css';
import { Spinner } from '../../components/Spinner.js';
import { UnlockForm } from './UnlockForm.js';

interface ProfileCardProps {
  profile: ProfileSummary;
  expanded: boolean;
  onExpand: (expanded: boolean) => void;
  onUnlock: (profileId: string, password?: string) => Promise<Result<SessionInfo>>;
  onError: (error: AppError) => void;
  /** Open this profile in a new window (absent where windows cannot be opened). */
  onOpenWindow?: () => void;
  /** Unlock, then go straight to Settings. */
  onSettings: () => void;
  onRemove: (confirmation: { password?: string; confirmName?: string }) => Promise<Result<null>>;
}

const isBlocked = (profile: ProfileSummary) =>
  profile.unlockBlockedUntil !== null && Date.parse(profile.unlockBlockedUntil) > Date.now();

export function ProfileCard({ profile, expanded, onExpand, onUnlock, onError, onOpenWindow, onSettings, onRemove }: ProfileCardProps) {
  const [removing, setRemoving] = useState(false);
  const metaId = useId();
  const { run, pending, error } = useBridgeCall(onUnlock);
  // The picker's banner already explains a keychain failure; repeating it here is noise.
  const cardError = error && error.code !== 'KEYCHAIN_UNAVAILABLE' ? error : null;

  const open = async () => {
    if (profile.hasPassword) {
      onExpand(!expanded);
      return;
    }
    const result = await run(profile.id);
    if (!result.ok) onError(result.error);
  };

  const actions: TileAction[] = [
    ...(onOpenWindow ? [{ id: 'window', label: 'Open in new window', icon: 'window' as const, run: onOpenWindow }] : []),
    { id: 'settings', label: 'Settings…', icon: 'settings', run: onSettings },
    {
      id: 'remove',
      label: 'Remove…',
      icon: 'trash',
      danger: true,
      run: () => {
        onExpand(false);
        setRemoving(true);
      },
    },
  ];

  const lastOpened = profile.lastOpenedAt ? `Opened ${relativeTime(profile.lastOpenedAt)}` : 'Never opened';
  const blocked = isBlocked(profile);

  return (
    <div
      className={`${styles.card} ${expanded ? styles.expanded : ''}`}
      data-testid="profile-card"
      data-profile-name={profile.name}
    >
      <ProfileTileMenu profileName={profile.name} actions={actions} />
      <button
        type="button"
        className={styles.open}
        onClick={open}
        disabled={pending}
        aria-label={profile.name}
        aria-describedby={metaId}
        aria-expanded={profile.hasPassword ? expanded : undefined}
      >
        <Avatar
          name={profile.name}
          color={profile.color}
          size="lg"
          badge={profile.hasPassword ? <Icon name="lock" size={13} /> : undefined}
        />
        <span className={styles.name}>{profile.name}</span>
        <span id={metaId} className={`${styles.meta} ${blocked ? styles.warn : ''}`}>
          {pending ? (
            <>
              <Spinner size={12} /> Opening…
            </>
          ) : (
            <>
              {profile.hasPassword && <span className="sr-only">Password protected. </span>}
              {blocked ? 'Too many attempts' : lastOpened}
            </>
          )}
        </span>
      </button>
      {(expanded || cardError || removing) && (
        <div className={styles.footer}>
          {removing && <RemoveProfileForm profile={profile} onRemove={onRemove} onCancel={() => setRemoving(false)} />}
          {expanded && !removing && (
            <UnlockForm profile={profile} onUnlock={onUnlock} onCancel={() => onExpand(false)} onError={onError} />
          )}
          {!expanded && !removing && cardError && <ErrorMessage>{cardError.message}</ErrorMessage>}
        </div>
      )}
    </div>
  );
}
