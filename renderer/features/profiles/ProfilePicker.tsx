// The window's start screen when no profile is bound: choose, unlock or create one.
import { useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import { PROFILE_COLORS, type ProfileColor, type ProfileSummary, type SessionInfo } from '../../../shared/profiles/profiles.js';
import type { LockNotice } from './useSession.js';
import { useProfiles } from './useProfiles.js';
import type { ArchiveSummary } from '../../../shared/backups/backups.js';
import { AddProfileTile } from './AddProfileTile.js';
import { ArchiveSummaryCard } from '../backups/ArchiveSummaryCard.js';
import { Banner } from '../../components/Banner.js';
import { BrandMark } from '../../components/BrandMark.js';
import { Button } from '../../components/Button.js';
import { CreateProfileForm } from './CreateProfileForm.js';
import { DamagedProfilePanel } from './DamagedProfilePanel.js';
import { Icon } from '../../components/Icon.js';
import { KeychainBanner } from './KeychainBanner.js';
import { LockedNotice } from './LockedNotice.js';
import { ProfileCard } from './ProfileCard.js';
import styles from './ProfilePicker.module.css';

interface ProfilePickerProps {
  onUnlock: (profileId: string, password?: string) => Promise<Result<SessionInfo>>;
  /** The next unlock of this profile opens on Settings (a tile's "Settings…"). */
  onSettingsIntent: (profileId: string) => void;
  lockNotice: LockNotice | null;
  onDismissNotice: () => void;
}

/** The first colour nobody uses yet, so new avatars are easy to tell apart. */
function suggestColor(profiles: ProfileSummary[]): ProfileColor {
  const used = new Set(profiles.map((p) => p.color));
  return PROFILE_COLORS.find((c) => !used.has(c)) ?? PROFILE_COLORS[profiles.length % PROFILE_COLORS.length]!;
}

/**
 * The profile a window was opened for (`#profile=<id>`, see electron/core/window-opener.ts),
 * read once when the window loads; the fragment is dropped so a reload starts afresh.
 */
let hintedProfileId: string | null = (() => {
  const id = /^#profile=([0-9a-f-]{36})$/.exec(window.location.hash)?.[1] ?? null;
  if (id) window.history.replaceState(null, '', window.location.pathname);
  return id;
})();

/** The archived profile's name, or "<name> (restored)" when a profile has it already (names are unique ignoring case). */
function freeName(name: string, profiles: ProfileSummary[]): string {
  const taken = (n: string) => profiles.some((p) => p.name.toLowerCase() === n.toLowerCase());
  if (!taken(name)) return name;
  for (let i = 1; i < 100; i++) {
    const candidate = i === 1 ? `${name} (restored)` : `${name} (restored ${i})`;
    if (!taken(candidate)) return candidate;
  }
  return '';
}

export function ProfilePicker({ onUnlock: unlockProfile, onSettingsIntent, lockNotice, onDismissNotice }: ProfilePickerProps) {
  const { state, reload, create, chooseArchive, readArchive, restore, remove, openWindow } = useProfiles();
  const [restoring, setRestoring] = useState<{ token: string; summary: ArchiveSummary } | null>(null);
  const [damaged, setDamaged] = useState<{ profile: ProfileSummary; password: string | undefined; message: string } | null>(null);
  const [archiveError, setArchiveError] = useState<AppError | null>(null);

  // A damaged profile does not open: the picker then offers its recoveries instead.
  const onUnlock = async (profileId: string, password?: string): Promise<Result<SessionInfo>> => {
    const result = await unlockProfile(profileId, password);
    const profile = state.status === 'ready' ? state.profiles.find((p) => p.id === profileId) : undefined;
    if (!result.ok && result.error.code === 'PROFILE_DAMAGED' && profile) {
      setDamaged({ profile, password, message: result.error.message });
    }
    return result;
  };

  const chooseRestore = async () => {
    setArchiveError(null);
    const chosen = await chooseArchive();
    if (!chosen.ok) {
      setArchiveError(chosen.error);
      return;
    }
    if (!chosen.value) return;
    // The manifest first: the person sees what the archive holds before naming the new profile.
    const summary = await readArchive(chosen.value.token);
    if (!summary.ok) setArchiveError(summary.error);
    else {
      setCreating(false);
      setRestoring({ token: chosen.value.token, summary: summary.value });
    }
  };
  const [creating, setCreating] = useState(false);
  const [expandedId, setExpandedId] = useState<string | null>(() => hintedProfileId);
  const [keychainError, setKeychainError] = useState<AppError | null>(null);
  const [openError, setOpenError] = useState<AppError | null>(null);

  // A banner belongs to the screen it was raised on ("Bob is locked" to the list of
  // profiles): going to another screen (add, restore, recovery) dismisses it for good.
  const screen =
    state.status !== 'ready' ? state.status : damaged ? 'damaged' : restoring ? 'restore' : state.profiles.length === 0 ? 'welcome' : creating ? 'create' : 'choose';
  const shownOn = useRef(screen);
  useEffect(() => {
    if (shownOn.current === screen) return;
    const first = shownOn.current === 'loading';
    shownOn.current = screen;
    // The list appearing after loading is the same screen the notice was raised for.
    if (first) return;
    setKeychainError(null);
    setOpenError(null);
    setArchiveError(null);
    if (lockNotice) onDismissNotice();
  }, [screen, lockNotice, onDismissNotice]);

  // A window opened by a tile's "Open in new window" chooses that profile once the list is
  // in: its card opens on the password, or a profile without one opens at once.
  useEffect(() => {
    if (!hintedProfileId || state.status !== 'ready') return;
    const profile = state.profiles.find((p) => p.id === hintedProfileId);
    hintedProfileId = null;
    if (profile && !profile.hasPassword) void unlockProfile(profile.id);
  }, [state, unlockProfile]);

  const noteError = (error: AppError) => {
    if (error.code === 'KEYCHAIN_UNAVAILABLE') setKeychainError(error);
  };

  // Like a browser, a newly created profile opens straight away.
  const openCreated = async (profile: ProfileSummary, password: string | undefined) => {
    setCreating(false);
    setRestoring(null);
    const result = await onUnlock(profile.id, password);
    if (!result.ok) {
      noteError(result.error);
      if (result.error.code !== 'KEYCHAIN_UNAVAILABLE') setOpenError(result.error);
    }
  };

  const banners = (
    <>
      {keychainError && <KeychainBanner error={keychainError} onDismiss={() => setKeychainError(null)} />}
      {openError && (
        <Banner tone="danger" icon="alert" title="The new profile was created but could not be opened" onDismiss={() => setOpenError(null)}>
          {openError.message}
        </Banner>
      )}
      {lockNotice && <LockedNotice notice={lockNotice} onDismiss={onDismissNotice} />}
      {archiveError && (
        <Banner tone="danger" icon="alert" title="The archive could not be chosen" onDismiss={() => setArchiveError(null)}>
          {archiveError.message}
        </Banner>
      )}
    </>
  );
  const hasBanners = Boolean(keychainError || openError || lockNotice || archiveError);
  const restoreButton = (
    <Button className={styles.back} onClick={() => void chooseRestore()} data-testid="restore-archive">
      <Icon name="archive" size={16} />
      Restore from archive…
    </Button>
  );

  let content;
  if (state.status === 'loading') {
    content = (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>Who's using Enclave?</h1>
          <p className={styles.subtitle}>Choose your profile. Each one keeps its data to itself.</p>
        </div>
        <div className={styles.grid} aria-busy="true" aria-label="Loading profiles">
          <div className={styles.skeleton} />
          <div className={styles.skeleton} />
          <div className={styles.skeleton} />
        </div>
      </>
    );
  } else if (state.status === 'error') {
    content = (
      <div className={styles.banners}>
        <Banner tone="danger" icon="alert" title="Profiles could not be loaded">
          {state.error.message}
        </Banner>
        <Button className={styles.back} onClick={() => void reload()}>
          Try again
        </Button>
      </div>
    );
  } else if (damaged) {
    content = (
      <DamagedProfilePanel
        profile={damaged.profile}
        password={damaged.password}
        message={damaged.message}
        onCancel={() => setDamaged(null)}
        onRecovered={async () => {
          // The panel stays (busy) until the repaired profile has opened; success unmounts the picker.
          const result = await onUnlock(damaged.profile.id, damaged.password);
          if (!result.ok && result.error.code !== 'PROFILE_DAMAGED') {
            setDamaged(null);
            noteError(result.error);
            if (result.error.code !== 'KEYCHAIN_UNAVAILABLE') setOpenError(result.error);
          }
        }}
      />
    );
  } else if (restoring) {
    content = (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>Restore a profile</h1>
          <p className={styles.subtitle}>
            Its data becomes a new profile with the name and password you choose. Every byte is checked before anything is
            created.
          </p>
        </div>
        <ArchiveSummaryCard summary={restoring.summary} />
        <div className={styles.panel}>
          <CreateProfileForm
            // A new archive is a new form: nothing typed for the last one (or its error) stays.
            key={restoring.token}
            initialColor={suggestColor(state.profiles)}
            initialName={freeName(restoring.summary.profileName, state.profiles)}
            onCreate={(input) => restore(restoring.token, input)}
            onCreated={openCreated}
            onError={noteError}
            onCancel={() => setRestoring(null)}
            submitLabel="Restore profile"
          />
        </div>
      </>
    );
  } else if (state.profiles.length === 0) {
    content = (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>Welcome to Enclave</h1>
          <p className={styles.subtitle}>
            Create a profile to get started. Everything you add stays in that profile's own databases, apart from
            everyone else who uses this computer.
          </p>
        </div>
        <div className={styles.panel}>
          <CreateProfileForm initialColor={PROFILE_COLORS[0]} onCreate={create} onCreated={openCreated} onError={noteError} />
        </div>
        {restoreButton}
      </>
    );
  } else if (creating) {
    content = (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>Add a profile</h1>
          <p className={styles.subtitle}>Each profile gets its own databases, apart from everyone else's.</p>
        </div>
        <div className={styles.panel}>
          <CreateProfileForm
            initialColor={suggestColor(state.profiles)}
            onCreate={create}
            onCreated={openCreated}
            onError={noteError}
            onCancel={() => setCreating(false)}
          />
        </div>
      </>
    );
  } else {
    content = (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>Who's using Enclave?</h1>
          <p className={styles.subtitle}>Choose your profile. Each one keeps its data to itself.</p>
        </div>
        <ul className={styles.grid} aria-label="Profiles">
          {state.profiles.map((profile) => (
            <li key={profile.id}>
              <ProfileCard
                profile={profile}
                expanded={expandedId === profile.id}
                onExpand={(expand) => setExpandedId(expand ? profile.id : null)}
                onUnlock={onUnlock}
                onError={noteError}
                onSettings={() => {
                  onSettingsIntent(profile.id);
                  if (profile.hasPassword) setExpandedId(profile.id);
                  else void onUnlock(profile.id).then((r) => (r.ok ? undefined : noteError(r.error)));
                }}
                onRemove={(confirmation) => remove(profile.id, confirmation)}
                onOpenWindow={() => void openWindow(profile.id)}
              />
            </li>
          ))}
          <li>
            <AddProfileTile
              onClick={() => {
                setExpandedId(null);
                setCreating(true);
              }}
            />
          </li>
        </ul>
        {restoreButton}
      </>
    );
  }

  return (
    <div className={styles.page} data-testid="profile-picker">
      <header className={styles.topbar}>
        <BrandMark />
      </header>
      <main className={styles.main}>
        {hasBanners && <div className={styles.banners}>{banners}</div>}
        {content}
      </main>
      <footer className={styles.footnote}>
        <Icon name="lock" size={12} />
        Profiles are stored on this computer only.
      </footer>
    </div>
  );
}
