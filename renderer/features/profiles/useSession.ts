// Which profile (if any) this window is bound to, and the ways that changes:
// unlocking from the picker, locking from the shell, or main locking us.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/errors.js';
import type { LockReason, SessionInfo } from '../../../shared/profiles/profiles.js';
import { runBeforeLock } from '../../bridge/before-lock.js';
import { callBridge, subscribeBridge } from '../../bridge/bridge.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'locked'; lastLock: LockNotice | null }
  | { status: 'unlocked'; session: SessionInfo }
  /** The profile's process stopped; the window stays bound to it until it reopens or locks. */
  | { status: 'stopped'; session: SessionInfo; message: string };

/** Why the picker is showing, so it can say so. */
export interface LockNotice {
  reason: LockReason;
  profileName: string;
}

export interface Session {
  state: SessionState;
  unlock: (profileId: string, password?: string) => Promise<Result<SessionInfo>>;
  lock: (reason: Extract<LockReason, 'user' | 'switch'>) => Promise<void>;
  dismissNotice: () => void;
  /** The shell renamed the profile or changed its password: show what main now says. */
  updateSession: (session: SessionInfo) => void;
  /** Starts the stopped profile's process again (no password: the window is still bound to it). */
  reopen: () => Promise<Result<null>>;
  /** Deletes the bound profile; on success the window returns to the picker. */
  deleteCurrent: (input: { profileId: string; password?: string; confirmName?: string }) => Promise<Result<null>>;
}

export function useSession(): Session {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // While we lock on purpose, main's echo of the same lock must not overwrite our reason.
  const lockingRef = useRef(false);
  const deletingRef = useRef(false);

  useEffect(() => {
    let cancelled = false;
    void callBridge((api) => api.currentSession()).then((result) => {
      if (cancelled) return;
      setState(
        result.ok && result.value ? { status: 'unlocked', session: result.value } : { status: 'locked', lastLock: null },
      );
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      subscribeBridge((api) =>
        api.onSessionLocked(({ reason }) => {
          // Our own delete shows the picker only once the profile is gone, so its list is fresh.
          if (lockingRef.current || deletingRef.current) return;
          setState((prev) =>
            prev.status === 'unlocked' || prev.status === 'stopped'
              ? { status: 'locked', lastLock: { reason, profileName: prev.session.name } }
              : prev,
          );
        }),
      ),
    [],
  );

  useEffect(
    () =>
      subscribeBridge((api) =>
        api.onProfileStopped(({ message }) =>
          setState((prev) => (prev.status === 'unlocked' ? { status: 'stopped', session: prev.session, message } : prev)),
        ),
      ),
    [],
  );

  // Another window of the same profile reopened it: this one carries on too.
  useEffect(
    () =>
      subscribeBridge((api) =>
        api.onProfileReopened(() =>
          setState((prev) => (prev.status === 'stopped' ? { status: 'unlocked', session: prev.session } : prev)),
        ),
      ),
    [],
  );

  const reopen = useCallback(async () => {
    const result = await callBridge((api) => api.reopenProfile());
    if (result.ok) setState((prev) => (prev.status === 'stopped' ? { status: 'unlocked', session: prev.session } : prev));
    return result;
  }, []);

  const unlock = useCallback(async (profileId: string, password?: string) => {
    const result = await callBridge((api) =>
      api.unlockProfile(password === undefined ? { profileId } : { profileId, password }),
    );
    if (result.ok) setState({ status: 'unlocked', session: result.value });
    return result;
  }, []);

  const lock = useCallback(async (reason: 'user' | 'switch') => {
    lockingRef.current = true;
    try {
      await runBeforeLock();
      // LOCKED means main already dropped us; either way the window is now unbound.
      await callBridge((api) => api.lockSession());
    } finally {
      lockingRef.current = false;
    }
    setState((prev) => ({
      status: 'locked',
      lastLock: prev.status === 'unlocked' || prev.status === 'stopped' ? { reason, profileName: prev.session.name } : null,
    }));
  }, []);

  const dismissNotice = useCallback(() => {
    setState((prev) => (prev.status === 'locked' ? { status: 'locked', lastLock: null } : prev));
  }, []);

  const updateSession = useCallback((session: SessionInfo) => {
    setState((prev) => (prev.status === 'unlocked' ? { status: 'unlocked', session } : prev));
  }, []);

  const deleteCurrent = useCallback(
    async (input: { profileId: string; password?: string; confirmName?: string }) => {
      deletingRef.current = true;
      let result: Result<null>;
      try {
        result = await callBridge((api) => api.deleteProfile(input));
      } finally {
        deletingRef.current = false;
      }
      if (result.ok) {
        setState((prev) => ({
          status: 'locked',
          lastLock: prev.status === 'unlocked' ? { reason: 'deleted', profileName: prev.session.name } : null,
        }));
      } else {
        // Main locks every window only after marking the profile deleted (a start-up
        // finishes removing its files), so a window that got unbound is past the point of return.
        const current = await callBridge((api) => api.currentSession());
        if (current.ok && current.value === null) {
          setState((prev) => ({
            status: 'locked',
            lastLock: prev.status === 'unlocked' ? { reason: 'deleted', profileName: prev.session.name } : null,
          }));
        }
      }
      return result;
    },
    [],
  );

  return { state, unlock, lock, reopen, dismissNotice, updateSession, deleteCurrent };
}
