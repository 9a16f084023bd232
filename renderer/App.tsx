// Top level: the picker while no profile is bound to this window, the shell after.
import { useSession } from './bridge/useSession.js';
import { LoadingScreen } from './components/LoadingScreen.js';
import { ProfilePicker } from './components/ProfilePicker.js';
import { ProfileShell } from './components/ProfileShell.js';
import { ProfileStopped } from './components/ProfileStopped.js';

export function App() {
  const { state, unlock, lock, reopen, dismissNotice, updateSession, deleteCurrent } = useSession();

  switch (state.status) {
    case 'loading':
      return <LoadingScreen />;
    case 'locked':
      return <ProfilePicker onUnlock={unlock} lockNotice={state.lastLock} onDismissNotice={dismissNotice} />;
    case 'unlocked':
      return (
        <ProfileShell session={state.session} onLock={lock} onSessionChange={updateSession} onDelete={deleteCurrent} />
      );
    case 'stopped':
      return <ProfileStopped name={state.session.name} message={state.message} onReopen={reopen} onLock={() => void lock('user')} />;
  }
}
