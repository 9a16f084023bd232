// Settings as a page of the shell (not a dialog): sections for General, Security, Storage &
// backups, Activity and the Danger zone, with a contents list to jump between them. The
// page scrolls as one, so nothing is cut off and no list scrolls inside another.
import type { Result } from '../../../../shared/errors.js';
import type { SessionInfo } from '../../../../shared/profiles/profiles.js';
import { useProfileChanges, useProfileDetails } from '../useProfileSettings.js';
import { Banner } from '../../../components/Banner.js';
import { Button } from '../../../components/Button.js';
import { Icon } from '../../../components/Icon.js';
import { AiSettingsForm } from '../../ai/AiSettingsForm.js';
import { ActivityLog } from '../../activity/ActivityLog.js';
import { AppearanceForm } from './AppearanceForm.js';
import { BackupsSection } from '../../backups/BackupsSection.js';
import { DeleteProfileForm, type DeleteConfirmation } from './DeleteProfileForm.js';
import { PasswordForm } from './PasswordForm.js';
import { RenameForm } from './RenameForm.js';
import styles from './SettingsPage.module.css';
import { StorageUsage } from './StorageUsage.js';

interface SettingsPageProps {
  session: SessionInfo;
  onSession: (session: SessionInfo) => void;
  onDelete: (input: { profileId: string } & DeleteConfirmation) => Promise<Result<null>>;
  onClose: () => void;
}

const SECTIONS = [
  { id: 'settings-general', label: 'General' },
  { id: 'settings-security', label: 'Security' },
  { id: 'settings-storage', label: 'Storage & backups' },
  { id: 'settings-ai', label: 'Ask in plain language' },
  { id: 'settings-activity', label: 'Activity' },
  { id: 'settings-danger', label: 'Danger zone' },
] as const;

export function SettingsPage({ session, onSession, onDelete, onClose }: SettingsPageProps) {
  const details = useProfileDetails(session.name);
  const { rename, changePassword } = useProfileChanges(onSession);
  const profileId = details.status === 'ready' ? details.profile.id : null;

  const jump = (id: string) => {
    const target = document.getElementById(id);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  };

  return (
    <div className={styles.page} data-testid="profile-settings">
      <div className={styles.top}>
        <h1 className={styles.title}>Settings</h1>
        <Button variant="ghost" size="small" onClick={onClose} aria-label="Close" data-testid="settings-close">
          <Icon name="close" size={14} />
          Close
        </Button>
      </div>
      <div className={styles.layout}>
        <nav className={styles.contents} aria-label="Settings sections">
          {SECTIONS.map((s) => (
            <button key={s.id} type="button" className={styles.contentsLink} onClick={() => jump(s.id)}>
              {s.label}
            </button>
          ))}
        </nav>
        <div className={styles.sections}>
          <section className={styles.card} id="settings-general" tabIndex={-1} aria-labelledby="settings-general-title">
            <h2 id="settings-general-title" className={styles.cardTitle}>
              General
            </h2>
            <RenameForm name={session.name} onRename={rename} />
            <AppearanceForm />
          </section>
          <section className={styles.card} id="settings-security" tabIndex={-1} aria-labelledby="settings-security-title">
            <h2 id="settings-security-title" className={styles.cardTitle}>
              Security
            </h2>
            <PasswordForm hasPassword={session.hasPassword} onChange={changePassword} />
          </section>
          <section className={styles.card} id="settings-storage" tabIndex={-1} aria-labelledby="settings-storage-title">
            <h2 id="settings-storage-title" className={styles.cardTitle}>
              Storage & backups
            </h2>
            {details.status === 'error' ? (
              <Banner tone="danger" icon="alert" title="Profile details could not be loaded">
                {details.error.message}
              </Banner>
            ) : (
              <StorageUsage />
            )}
            <BackupsSection name={session.name} />
          </section>
          <section className={styles.card} id="settings-ai" tabIndex={-1} aria-labelledby="settings-ai-title">
            <h2 id="settings-ai-title" className={styles.cardTitle}>
              Ask in plain language
            </h2>
            <AiSettingsForm />
          </section>
          <section className={styles.card} id="settings-activity" tabIndex={-1} aria-labelledby="settings-activity-title">
            <h2 id="settings-activity-title" className={styles.cardTitle}>
              Activity
            </h2>
            <ActivityLog />
          </section>
          <section className={`${styles.card} ${styles.danger}`} id="settings-danger" tabIndex={-1} aria-labelledby="settings-danger-title">
            <h2 id="settings-danger-title" className={styles.cardTitle}>
              Danger zone
            </h2>
            <DeleteProfileForm
              key={session.name}
              name={session.name}
              hasPassword={session.hasPassword}
              onDelete={profileId ? (confirmation) => onDelete({ profileId, ...confirmation }) : null}
            />
          </section>
        </div>
      </div>
    </div>
  );
}
