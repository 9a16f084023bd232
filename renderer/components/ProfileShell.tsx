// Everything a person sees once their profile is unlocked.
import { useRef, useState } from 'react';
import type { SessionInfo } from '../../shared/profiles.js';
import { SECTIONS, type SectionId } from '../sections.js';
import { HomeView } from './HomeView.js';
import { Icon } from './Icon.js';
import styles from './ProfileShell.module.css';
import { SectionPlaceholder } from './SectionPlaceholder.js';
import { Sidebar } from './Sidebar.js';

interface ProfileShellProps {
  session: SessionInfo;
  onLock: (reason: 'user' | 'switch') => Promise<void>;
}

export function ProfileShell({ session, onLock }: ProfileShellProps) {
  const [current, setCurrent] = useState<SectionId>('home');
  const [leaving, setLeaving] = useState<'user' | 'switch' | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const section = SECTIONS.find((s) => s.id === current) ?? SECTIONS[0]!;

  const leave = async (reason: 'user' | 'switch') => {
    setLeaving(reason);
    await onLock(reason);
  };

  const navigate = (id: SectionId) => {
    setCurrent(id);
    mainRef.current?.scrollTo({ top: 0 });
  };

  return (
    <div className={styles.shell} data-testid="profile-shell">
      <Sidebar
        session={session}
        current={current}
        onNavigate={navigate}
        onSwitch={() => void leave('switch')}
        onLock={() => void leave('user')}
        leaving={leaving}
      />
      <main ref={mainRef} className={styles.main} aria-label={section.label}>
        <header className={styles.header}>
          <span className={styles.headerTitle}>
            <Icon name={section.icon} size={16} className={styles.headerIcon} />
            {section.label}
          </span>
        </header>
        <div className={styles.content}>
          {section.id === 'home' ? (
            <HomeView session={session} onNavigate={navigate} />
          ) : (
            <SectionPlaceholder section={section} profileName={session.name} />
          )}
        </div>
      </main>
    </div>
  );
}
