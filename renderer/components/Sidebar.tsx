// The shell's left column: who is signed in, where to go, and how to leave.
import type { SessionInfo } from '../../shared/profiles/profiles.js';
import { SECTIONS, type SectionId } from '../sections.js';
import { Avatar } from './Avatar.js';
import { Button } from './Button.js';
import { Icon } from './Icon.js';
import styles from './Sidebar.module.css';

interface SidebarProps {
  session: SessionInfo;
  current: SectionId | null;
  onNavigate: (section: SectionId) => void;
  onSwitch: () => void;
  onLock: () => void;
  onOpenSettings: () => void;
  /** Which exit is in flight, if any. */
  leaving: 'user' | 'switch' | null;
}

export function Sidebar({ session, current, onNavigate, onSwitch, onLock, onOpenSettings, leaving }: SidebarProps) {
  return (
    <aside className={styles.sidebar}>
      <div className={styles.profile}>
        <Avatar name={session.name} color={session.color} size="md" />
        <div className={styles.profileText}>
          <span className={styles.profileName} data-testid="shell-profile-name">
            {session.name}
          </span>
          <span className={styles.profileMeta}>
            {session.hasPassword && <Icon name="lock" size={11} />}
            {session.hasPassword ? 'Password protected' : 'No password'}
          </span>
          <button
            type="button"
            className={styles.settingsLink}
            onClick={onOpenSettings}
            disabled={leaving !== null}
            data-testid="profile-settings-button"
          >
            Profile settings
          </button>
        </div>
      </div>

      <nav className={styles.nav} aria-label="Sections">
        <ul className={styles.navList}>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <button
                type="button"
                className={styles.navItem}
                aria-current={current === section.id ? 'page' : undefined}
                onClick={() => onNavigate(section.id)}
                data-testid={`nav-${section.id}`}
              >
                <Icon name={section.icon} size={16} className={styles.navIcon} />
                {section.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>

      <div className={styles.footer}>
        <Button
          variant="ghost"
          fullWidth
          className={styles.footerButton}
          onClick={onSwitch}
          pending={leaving === 'switch'}
          disabled={leaving !== null}
          data-testid="switch-profile-button"
        >
          {leaving !== 'switch' && <Icon name="switch" size={16} />}
          Switch profile
        </Button>
        <Button
          variant="ghost"
          fullWidth
          className={styles.footerButton}
          onClick={onLock}
          pending={leaving === 'user'}
          disabled={leaving !== null}
          data-testid="lock-button"
        >
          {leaving !== 'user' && <Icon name="lock" size={16} />}
          Lock
        </Button>
      </div>
    </aside>
  );
}
