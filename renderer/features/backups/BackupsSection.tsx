// Backups of the window's profile: export to an archive anywhere, the automatic
// backups kept on this computer (made daily while the profile is open), and
// restoring any of them as a new profile.
import { useState } from 'react';
import { PROFILE_COLORS } from '../../../shared/profiles/profiles.js';
import { useBackups } from './useBackups.js';
import { useBridgeCall } from '../../bridge/useBridgeCall.js';
import { Button } from '../../components/Button.js';
import { CreateProfileForm } from '../profiles/CreateProfileForm.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { byteSize } from '../../format/byte-size.js';
import styles from '../profiles/settings/ProfileSettings.module.css';
import { dateFormat } from '../../format/locale.js';

const when = { format: (d: Date | number) => dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(d) };

export function BackupsSection({ name }: { name: string }) {
  const { state, backupNow, exportProfile, restoreBackup } = useBackups();
  const exporting = useBridgeCall(exportProfile);
  const backingUp = useBridgeCall(backupNow);
  const [exported, setExported] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const runExport = async () => {
    setExported(null);
    const result = await exporting.run(`${name.replace(/[^\p{L}\p{N} _-]+/gu, '_')}.enclave`);
    if (result.ok && result.value) setExported(`Exported to ${result.value.name} (${byteSize(result.value.bytes)}).`);
  };

  return (
    <section className={styles.section} data-testid="backups-section">
      <h3 className={styles.heading}>Backups</h3>
      <p className={styles.text}>
        An export is one file holding all of this profile's data; restoring it creates a new profile. Automatic backups are
        made every day while the profile is open and kept inside the profile's own folder (the last 7); deleting the
        profile deletes them too.
      </p>
      <div className={styles.actions}>
        <Button onClick={() => void runExport()} pending={exporting.pending} data-testid="export-profile">
          Export…
        </Button>
        <Button onClick={() => void backingUp.run()} pending={backingUp.pending} data-testid="backup-now">
          Back up now
        </Button>
      </div>
      {exported && (
        <p className={styles.text} role="status" data-testid="export-done">
          {exported}
        </p>
      )}
      {(exporting.error ?? backingUp.error) && <ErrorMessage>{(exporting.error ?? backingUp.error)!.message}</ErrorMessage>}
      {restored && (
        <p className={styles.text} role="status" data-testid="restore-done">
          {restored}
        </p>
      )}
      {state.status === 'error' ? (
        <ErrorMessage>{state.error.message}</ErrorMessage>
      ) : state.status === 'loading' ? (
        <p className={styles.text}>Looking for backups…</p>
      ) : state.backups.length === 0 ? (
        <p className={styles.text} data-testid="no-backups">
          No automatic backups yet.
        </p>
      ) : (
        <ul className={styles.backups} aria-label="Automatic backups" data-testid="backup-list">
          {state.backups.map((backup) => (
            <li key={backup.id} className={styles.backup}>
              <div className={styles.backupRow}>
                <span className={styles.backupWhen}>{when.format(new Date(backup.createdAt))}</span>
                <span className={styles.backupSize}>{byteSize(backup.bytes)}</span>
                <Button
                  size="small"
                  variant="ghost"
                  onClick={() => {
                    setRestored(null);
                    setRestoring(restoring === backup.id ? null : backup.id);
                  }}
                  data-testid="restore-backup"
                >
                  Restore as new profile…
                </Button>
              </div>
              {restoring === backup.id && (
                <CreateProfileForm
                  initialColor={PROFILE_COLORS[1]}
                  onCreate={(input) => restoreBackup(backup.id, input)}
                  onCreated={(profile) => {
                    setRestoring(null);
                    setRestored(`Restored as “${profile.name}”. Switch to it from the profile picker.`);
                  }}
                  onError={() => undefined}
                  onCancel={() => setRestoring(null)}
                  submitLabel="Restore profile"
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
