// Shown by the picker when a profile's databases are damaged: what is wrong, and the
// two ways back. Both keep the damaged file (renamed aside in the profile's folder).
import { useState } from 'react';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { useBridgeCall } from '../../bridge/useBridgeCall.js';
import { useDamagedProfile, type Recovery } from './useDamagedProfile.js';
import { byteSize } from '../../format/byte-size.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import styles from './DamagedProfilePanel.module.css';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { dateFormat } from '../../format/locale.js';

interface DamagedProfilePanelProps {
  profile: ProfileSummary;
  password: string | undefined;
  message: string;
  /** The profile was repaired: open it. */
  onRecovered: () => Promise<void>;
  onCancel: () => void;
}

const when = { format: (d: Date) =>dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(d) };

export function DamagedProfilePanel({ profile, password, message, onRecovered, onCancel }: DamagedProfilePanelProps) {
  const { state, recover } = useDamagedProfile(profile.id, password);
  const call = useBridgeCall(recover);
  const [chosen, setChosen] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const busy = call.pending || opening;

  const run = async (recovery: Recovery) => {
    setChosen(recovery.kind === 'backup' ? recovery.backupId : 'empty');
    const result = await call.run(recovery);
    if (!result.ok) return;
    setOpening(true);
    await onRecovered();
    setOpening(false);
  };

  return (
    <div className={styles.panel} data-testid="damaged-profile">
      <Banner tone="danger" icon="alert" title={`${profile.name}'s data is damaged`}>
        {message}
      </Banner>
      {state.status === 'loading' && <p className={styles.text}>Checking the profile's files…</p>}
      {state.status === 'error' && <ErrorMessage>{state.error.message}</ErrorMessage>}
      {state.status === 'ready' && (
        <>
          <ul className={styles.files} aria-label="Damaged files">
            {state.report.damaged.map((d) => (
              <li key={d.file}>
                <strong>{d.file === 'data.sqlite' ? 'Tasks, notes and events' : 'Analysis tables'}</strong> ({d.file}): {d.reason}
              </li>
            ))}
          </ul>
          <h2 className={styles.heading}>Restore from a backup</h2>
          {state.report.backups.length === 0 ? (
            <p className={styles.text}>This profile has no automatic backups.</p>
          ) : (
            <ul className={styles.backups} aria-label="Backups" data-testid="damaged-backups">
              {state.report.backups.map((b) => (
                <li key={b.id} className={styles.backup}>
                  <span className={styles.grow}>{when.format(new Date(b.createdAt))}</span>
                  <span className={styles.size}>{byteSize(b.bytes)}</span>
                  <Button
                    size="small"
                    onClick={() => void run({ kind: 'backup', backupId: b.id })}
                    pending={busy && chosen === b.id}
                    disabled={busy}
                    data-testid="recover-from-backup"
                  >
                    Restore this backup
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <h2 className={styles.heading}>Or start empty</h2>
          <p className={styles.text}>
            The damaged files are moved aside (kept in the profile's folder) and replaced by empty ones. The rest of the
            profile is kept.
          </p>
          <div className={styles.actions}>
            <Button variant="ghost" onClick={onCancel} disabled={busy}>
              Back
            </Button>
            <Button
              onClick={() => void run({ kind: 'empty' })}
              pending={busy && chosen === 'empty'}
              disabled={busy}
              data-testid="recover-start-empty"
            >
              Move aside and start empty
            </Button>
          </div>
          {call.error && <ErrorMessage>{call.error.message}</ErrorMessage>}
        </>
      )}
    </div>
  );
}
