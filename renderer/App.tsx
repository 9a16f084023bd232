// Top level: the picker while no profile is bound to this window, the shell after.
import { useState } from 'react';
import { useSession } from './features/profiles/useSession.js';
import { LoadingScreen } from './components/LoadingScreen.js';
import { ProfilePicker } from './features/profiles/ProfilePicker.js';
import { ProfileShell } from './components/ProfileShell.js';
import { ProfileStopped } from './features/profiles/ProfileStopped.js';

export function App() {
  const { state, unlock, lock, reopen, dismissNotice, updateSession, deleteCurrent } = useSession();
  // A tile's "Settings…": the profile it was asked for opens on Settings; any other unlock does not.
  const [settingsFor, setSettingsFor] = useState<string | null>(null);
  const [startInSettings, setStartInSettings] = useState(false);
  const unlockFromPicker = async (profileId: string, password?: string) => {
    const result = await unlock(profileId, password);
    if (result.ok) {
      setStartInSettings(settingsFor === profileId);
      setSettingsFor(null);
    }
    return result;
  };

  switch (state.status) {
    case 'loading':
      return <LoadingScreen />;
    case 'locked':
      return (
        <ProfilePicker onUnlock={unlockFromPicker} onSettingsIntent={setSettingsFor} lockNotice={state.lastLock} onDismissNotice={dismissNotice} />
      );
    case 'unlocked':
      return (
        <ProfileShell session={state.session} startInSettings={startInSettings} onLock={lock} onSessionChange={updateSession} onDelete={deleteCurrent} />
      );
    case 'stopped':
      return <ProfileStopped name={state.session.name} message={state.message} onReopen={reopen} onLock={() => void lock('user')} />;
  }
}
