// What the profile settings dialog reads and changes about the window's own profile.
import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import type { ProfileSummary, SessionInfo } from '../../../shared/profiles/profiles.js';
import { callBridge } from '../../bridge/bridge.js';

export type ProfileDetails =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; profile: ProfileSummary };

/**
 * SessionInfo carries no id, so the profile is found in the list by name — names are
 * unique (ignoring case), and the window's session name is the one main just gave us.
 */
async function fetchDetails(name: string): Promise<ProfileDetails> {
  const list = await callBridge((api) => api.listProfiles());
  if (!list.ok) return { status: 'error', error: list.error };
  const profile = list.value.find((p) => p.name === name);
  if (!profile) return { status: 'error', error: { code: 'NOT_FOUND', message: 'This profile could not be found.' } };
  return { status: 'ready', profile };
}

export function useProfileDetails(name: string): ProfileDetails {
  const [state, setState] = useState<ProfileDetails>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void fetchDetails(name).then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, [name]);
  return state;
}

export function useProfileChanges(onSession: (session: SessionInfo) => void) {
  const rename = useCallback(
    async (name: string): Promise<Result<SessionInfo>> => {
      const result = await callBridge((api) => api.renameProfile({ name }));
      if (result.ok) onSession(result.value);
      return result;
    },
    [onSession],
  );

  const changePassword = useCallback(
    async (currentPassword: string | undefined, newPassword: string | undefined): Promise<Result<SessionInfo>> => {
      const input = {
        ...(currentPassword !== undefined && { currentPassword }),
        ...(newPassword !== undefined && { newPassword }),
      };
      const result = await callBridge((api) => api.changePassword(input));
      if (result.ok) onSession(result.value);
      return result;
    },
    [onSession],
  );

  return { rename, changePassword };
}
