// Profile settings from the shell: rename, password, storage, backups, activity, and deleting the profile.
import type { Result } from '../../../shared/errors.js';
import type { SessionInfo } from '../../../shared/profiles.js';
import { useProfileChanges, useProfileDetails } from '../../bridge/useProfileSettings.js';
import { Banner } from '../../components/Banner.js';
import { Dialog } from '../../components/Dialog.js';
import { ActivityLog } from './ActivityLog.js';
import { BackupsSection } from './BackupsSection.js';
import { DeleteProfileForm, type DeleteConfirmation } from './DeleteProfileForm.js';
import { PasswordForm } from './PasswordForm.js';
import { RenameForm } from './RenameForm.js';
import { StorageUsage } from './StorageUsage.js';

interface ProfileSettingsDialogProps {
  session: SessionInfo;
  onSession: (session: SessionInfo) => void;
  onDelete: (input: { profileId: string } & DeleteConfirmation) => Promise<Result<null>>;
  onClose: () => void;
}

export function ProfileSettingsDialog({ session, onSession, onDelete, onClose }: ProfileSettingsDialogProps) {
  const details = useProfileDetails(session.name);
  const { rename, changePassword } = useProfileChanges(onSession);
  const profileId = details.status === 'ready' ? details.profile.id : null;

  return (
    <Dialog title="Profile settings" onClose={onClose} testId="profile-settings" width={520}>
      <RenameForm name={session.name} onRename={rename} />
      <PasswordForm hasPassword={session.hasPassword} onChange={changePassword} />
      {details.status === 'error' ? (
        <Banner tone="danger" icon="alert" title="Profile details could not be loaded">
          {details.error.message}
        </Banner>
      ) : (
        <StorageUsage />
      )}
      <BackupsSection name={session.name} />
      <ActivityLog />
      <DeleteProfileForm
        key={session.name}
        name={session.name}
        hasPassword={session.hasPassword}
        onDelete={profileId ? (confirmation) => onDelete({ profileId, ...confirmation }) : null}
      />
    </Dialog>
  );
}
