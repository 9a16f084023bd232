// The profile list shown by the picker, plus creating a new profile.
import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../shared/errors.js';
import type { ProfileColor, ProfileSummary } from '../../shared/profiles.js';
import { callBridge } from './bridge.js';

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
  const [state, setState] = useState<ProfilesState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void fetchProfiles().then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const reload = useCallback(async () => {
    setState({ status: 'loading' });
    setState(await fetchProfiles());
  }, []);

  const create = useCallback(async (input: NewProfile): Promise<Result<ProfileSummary>> => {
    const result = await callBridge((api) => api.createProfile(input));
    if (result.ok) {
      const created = result.value;
      setState((prev) =>
        prev.status === 'ready' ? { status: 'ready', profiles: [...prev.profiles, created] } : prev,
      );
    }
    return result;
  }, []);

  /** Asks main for an archive (native open dialog); null when cancelled. */
  const chooseArchive = useCallback(() => callBridge((api) => api.chooseArchiveFile()), []);

  /** A new profile from an archive (the token chooseArchive answered): main checks the whole archive before creating anything. */
  const restore = useCallback(async (file: string, input: NewProfile): Promise<Result<ProfileSummary>> => {
    const result = await callBridge((api) => api.restoreProfile({ file, ...input }));
    if (result.ok) {
      const restored = result.value;
      setState((prev) => (prev.status === 'ready' ? { status: 'ready', profiles: [...prev.profiles, restored] } : prev));
    }
    return result;
  }, []);

  return { state, reload, create, chooseArchive, restore };
}
