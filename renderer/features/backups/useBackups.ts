// Backups and archives of the window's own profile, for the settings dialog.
import { useCallback } from 'react';
import type { ArchiveOutcome, BackupInfo } from '../../../shared/backups/backups.js';
import type { AppError, Result } from '../../../shared/errors.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { NewProfile } from '../profiles/useProfiles.js';
import { callBridge } from '../../bridge/bridge.js';
import { useFetchedState } from '../../bridge/useFetchedState.js';

export type BackupsState = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; backups: BackupInfo[] };

async function fetchBackups(): Promise<BackupsState> {
  const result = await callBridge((api) => api.listBackups());
  return result.ok ? { status: 'ready', backups: result.value } : { status: 'error', error: result.error };
}

export function useBackups() {
  const { state, reload } = useFetchedState<BackupsState>(fetchBackups, { status: 'loading' });

  const backupNow = useCallback(async (): Promise<Result<BackupInfo>> => {
    const result = await callBridge((api) => api.backupNow());
    if (result.ok) await reload();
    return result;
  }, [reload]);

  /** Asks main for a file to save to (native dialog), then writes the archive there; null when cancelled. */
  const exportProfile = useCallback(async (suggestedName: string): Promise<Result<(ArchiveOutcome & { name: string }) | null>> => {
    const chosen = await callBridge((api) => api.chooseArchivePath({ suggestedName }));
    if (!chosen.ok || chosen.value === null) return chosen.ok ? { ok: true, value: null } : chosen;
    const { token, name } = chosen.value;
    const result = await callBridge((api) => api.exportProfile({ file: token }));
    return result.ok ? { ok: true, value: { ...result.value, name } } : result;
  }, []);

  const restoreBackup = useCallback(
    (backupId: string, input: NewProfile): Promise<Result<ProfileSummary>> => callBridge((api) => api.restoreBackup({ backupId, ...input })),
    [],
  );

  return { state, backupNow, exportProfile, restoreBackup };
}
