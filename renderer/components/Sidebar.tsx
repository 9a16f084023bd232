// The shell's left column: who is signed in, where to go, and how to leave.
import type { SessionInfo } from '../../shared/profiles/profiles.js';
import { SECTIONS, type SectionId } from '../sections.js';
import { Avatar } from './Avatar.js';
import { Button } from './Button.js';
import { Icon, type IconName } from './Icon.js';
import styles from './Sidebar.module.css';

interface SidebarProps {
  session: SessionInfo;
  current: SectionId | null;
  onNavigate: (section: SectionId) => void;
  onSwitch: () => void;
  onLock: () => void;
  onOpenSettings: () => void;
  /** Which exit is in flight, if any. */
  leaving: Exit | null;
}

type Exit = 'user' | 'switch';

interface ExitButtonProps {
  exit: Exit;
  icon: IconName;
  label: string;
  leaving: Exit | null;
  onClick: () => void;
  testId: string;
}

/** A way out of the profile: it spins while it is the exit in flight, and waits while another is. */
function ExitButton({ exit, icon, label, leaving, onClick, testId }: ExitButtonProps) {
  return (
    <Button variant="ghost" fullWidth className={styles.footerButton} onClick={onClick} pending={leaving === exit} disabled={leaving !== null} data-testid={testId}>
      {leaving !== exit && <Icon name={icon} size={16} />}
      {label}
    </Button>
  );
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
        <ExitButton exit="switch" icon="switch" label="Switch profile" leaving={leaving} onClick={onSwitch} testId="switch-profile-button" />
        <ExitButton exit="user" icon="lock" label="Lock" leaving={leaving} onClick={onLock} testId="lock-button" />
      </div>
    </aside>
  );
}
