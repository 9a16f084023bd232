// Tells the picker's visitor why the previous profile closed.
import type { LockNotice } from './useSession.js';
import { Banner } from '../../components/Banner.js';

const EXPLANATION: Record<LockNotice['reason'], (name: string) => string> = {
  user: (name) => `${name} is locked. Choose a profile to continue.`,
  switch: (name) => `${name} is locked. Choose a profile to continue.`,
  idle: (name) => `${name} was locked after a period of inactivity.`,
  system: (name) => `${name} was locked when your computer locked or went to sleep.`,
  quit: (name) => `${name} was locked because Enclave is closing.`,
  deleted: (name) => `${name} was deleted.`,
};

export function LockedNotice({ notice, onDismiss }: { notice: LockNotice; onDismiss: () => void }) {
  return (
    <Banner
      tone="info"
      icon={notice.reason === 'deleted' ? 'trash' : 'lock'}
      title={notice.reason === 'deleted' ? 'Profile deleted' : 'Locked'}
      onDismiss={onDismiss}
      testId="locked-notice"
    >
      {EXPLANATION[notice.reason](notice.profileName)}
    </Banner>
  );
}
