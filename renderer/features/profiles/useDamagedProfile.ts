// A profile that failed to open with PROFILE_DAMAGED: what is damaged, its backups,
// and the two ways back (restore a backup, or move the damaged files aside).
import { useCallback, useEffect, useState } from 'react';
import type { DamageReport } from '../../../shared/backups/backups.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { callBridge } from '../../bridge/bridge.js';

export type DamageState = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; report: DamageReport };

export type Recovery = { kind: 'backup'; backupId: string } | { kind: 'empty' };

export function useDamagedProfile(profileId: string, password: string | undefined) {
  const [state, setState] = useState<DamageState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void callBridge((api) => api.inspectDamagedProfile(password === undefined ? { profileId } : { profileId, password })).then((result) => {
      if (!cancelled) setState(result.ok ? { status: 'ready', report: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [profileId, password]);

  const recover = useCallback(
    (recovery: Recovery): Promise<Result<null>> =>
      callBridge((api) => api.recoverDamagedProfile(password === undefined ? { profileId, recovery } : { profileId, password, recovery })),
    [profileId, password],
  );

  return { state, recover };
}
