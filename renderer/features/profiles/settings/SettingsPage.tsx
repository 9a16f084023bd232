// Settings as a page of the shell (not a dialog): sections for General, Security, Storage &
// backups, Activity and the Danger zone, with a contents list to jump between them. The
// page scrolls as one, so nothing is cut off and no list scrolls inside another.
import type { ReactNode } from 'react';
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

type SectionId = (typeof SECTIONS)[number]['id'];

/** One section of the page, titled as the contents list names it; the list jumps to (and focuses) it. */
function SettingsCard({ id, danger = false, children }: { id: SectionId; danger?: boolean; children: ReactNode }) {
  const label = SECTIONS.find((s) => s.id === id)?.label;
  return (
    <section className={danger ? `${styles.card} ${styles.danger}` : styles.card} id={id} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.cardTitle}>
        {label}
      </h2>
      {children}
    </section>
  );
}

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
          <SettingsCard id="settings-general">
            <RenameForm name={session.name} onRename={rename} />
            <AppearanceForm />
          </SettingsCard>
          <SettingsCard id="settings-security">
            <PasswordForm hasPassword={session.hasPassword} onChange={changePassword} />
          </SettingsCard>
          <SettingsCard id="settings-storage">
            {details.status === 'error' ? (
              <Banner tone="danger" icon="alert" title="Profile details could not be loaded">
                {details.error.message}
              </Banner>
            ) : (
              <StorageUsage />
            )}
            <BackupsSection name={session.name} />
          </SettingsCard>
          <SettingsCard id="settings-ai">
            <AiSettingsForm />
          </SettingsCard>
          <SettingsCard id="settings-activity">
            <ActivityLog />
          </SettingsCard>
          <SettingsCard id="settings-danger" danger>
            <DeleteProfileForm
              key={session.name}
              name={session.name}
              hasPassword={session.hasPassword}
              onDelete={profileId ? (confirmation) => onDelete({ profileId, ...confirmation }) : null}
            />
          </SettingsCard>
        </div>
      </div>
    </div>
  );
}
