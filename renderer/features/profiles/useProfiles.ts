// The profile list shown by the picker, plus creating a new profile.
import { useCallback } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import type { ProfileColor, ProfileSummary } from '../../../shared/profiles/profiles.js';
import { callBridge } from '../../bridge/bridge.js';
import { useFetchedState } from '../../bridge/useFetchedState.js';

export type ProfilesState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; profiles: ProfileSummary[] };

export interface NewProfile {
  name: string;
  password?: string;
  color: ProfileColor;
}

async function fetchProfiles(): Promise<ProfilesState> {
  const result = await callBridge((api) => api.listProfiles());
  return result.ok ? { status: 'ready', profiles: result.value } : { status: 'error', error: result.error };
}

export function useProfiles() {
  const { state, setState, reload: readAgain } = useFetchedState<ProfilesState>(fetchProfiles, { status: 'loading' });

  // The picker shows "Loading" again while it reads (a reload follows a change made elsewhere).
  const reload = useCallback(async () => {
    setState({ status: 'loading' });
    await readAgain();
  }, [setState, readAgain]);

  const create = useCallback(async (input: NewProfile): Promise<Result<ProfileSummary>> => {
    const result = await callBridge((api) => api.createProfile(input));
    if (result.ok) {
      const created = result.value;
      setState((prev) =>
        prev.status === 'ready' ? { status: 'ready', profiles: [...prev.profiles, created] } : prev,
      );
    }
    return result;
  }, [setState]);

  /** Asks main for an archive (native open dialog); null when cancelled. */
  const chooseArchive = useCallback(() => callBridge((api) => api.chooseArchiveFile()), []);
  /** What the chosen archive holds, from its manifest (the token stays usable for the restore). */
  const readArchive = useCallback((file: string) => callBridge((api) => api.readArchiveManifest({ file })), []);

  /** A new profile from an archive (the token chooseArchive answered): main checks the whole archive before creating anything. */
  const restore = useCallback(async (file: string, input: NewProfile): Promise<Result<ProfileSummary>> => {
    const result = await callBridge((api) => api.restoreProfile({ file, ...input }));
    if (result.ok) {
      const restored = result.value;
      setState((prev) => (prev.status === 'ready' ? { status: 'ready', profiles: [...prev.profiles, restored] } : prev));
    }
    return result;
  }, [setState]);

  /** Deletes a profile from the picker (its password, or its name typed out); the list drops it. */
  const remove = useCallback(async (profileId: string, confirmation: { password?: string; confirmName?: string }): Promise<Result<null>> => {
    const result = await callBridge((api) => api.deleteProfile({ profileId, ...confirmation }));
    if (result.ok) setState((prev) => (prev.status === 'ready' ? { status: 'ready', profiles: prev.profiles.filter((p) => p.id !== profileId) } : prev));
    return result;
  }, [setState]);

  /** Another window on the picker with this profile chosen. */
  const openWindow = useCallback((profileId: string) => callBridge((api) => api.openProfileWindow({ profileId })), []);

  return { state, reload, create, chooseArchive, readArchive, restore, remove, openWindow };
}
