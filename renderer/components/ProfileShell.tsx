// Everything a person sees once their profile is unlocked.
import { useRef, useState } from 'react';
import type { Result } from '../../shared/errors.js';
import type { SessionInfo } from '../../shared/profiles/profiles.js';
import type { ItemKind, SearchHit } from '../../shared/search/search.js';
import { useMenuCommand } from '../bridge/useMenuCommand.js';
import { AnalysisSection, type MenuRequest } from '../features/analysis/AnalysisSection.js';
import { EventsView } from '../features/events/EventsView.js';
import { NotesView } from '../features/notes/NotesView.js';
import type { DeleteConfirmation } from '../features/profiles/settings/DeleteProfileForm.js';
import { SettingsPage } from '../features/profiles/settings/SettingsPage.js';
import { SearchButton } from '../features/search/SearchButton.js';
import { SearchPalette } from '../features/search/SearchPalette.js';
import type { SearchTarget } from '../features/search/search-target.js';
import { useSearchShortcut } from '../features/search/useSearchShortcut.js';
import { TasksView } from '../features/tasks/TasksView.js';
import { TrashView } from '../features/trash/TrashView.js';
import { SECTIONS, type SectionId } from '../sections.js';
import { HomeView } from '../features/home/HomeView.js';
import { Icon } from './Icon.js';
import styles from './ProfileShell.module.css';
import { Sidebar } from './Sidebar.js';

const SECTION_OF: Record<ItemKind, SectionId> = { task: 'tasks', note: 'notes', event: 'events' };

interface ProfileShellProps {
  session: SessionInfo;
  /** Open on Settings instead of Home (a picker tile's "Settings…"). */
  startInSettings?: boolean;
  onLock: (reason: 'user' | 'switch') => Promise<void>;
  onSessionChange: (session: SessionInfo) => void;
  onDelete: (input: { profileId: string } & DeleteConfirmation) => Promise<Result<null>>;
}

export function ProfileShell({ session, startInSettings = false, onLock, onSessionChange, onDelete }: ProfileShellProps) {
  const [settingsOpen, setSettingsOpen] = useState(startInSettings);
  const [current, setCurrent] = useState<SectionId>('home');
  const [leaving, setLeaving] = useState<'user' | 'switch' | null>(null);
  const [searching, setSearching] = useState(false);
  const [target, setTarget] = useState<SearchTarget | null>(null);
  // File › Import… / Export… from the application menu, numbered so a repeat counts.
  const [menuRequest, setMenuRequest] = useState<MenuRequest | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const section = SECTIONS.find((s) => s.id === current) ?? SECTIONS[0]!;
  useSearchShortcut(() => setSearching(true));
  useMenuCommand((command) => {
    setCurrent('analysis');
    setMenuRequest((previous) => ({ command, serial: (previous?.serial ?? 0) + 1 }));
  });

  const leave = async (reason: 'user' | 'switch') => {
    setLeaving(reason);
    await onLock(reason);
  };

  const navigate = (id: SectionId) => {
    setSettingsOpen(false);
    setCurrent(id);
    setTarget(null);
    mainRef.current?.scrollTo({ top: 0 });
  };

  const openItem = (kind: ItemKind, id: string) => {
    setSearching(false);
    navigate(SECTION_OF[kind]);
    setTarget({ kind, id });
  };
  const openHit = (hit: SearchHit) => openItem(hit.kind, hit.id);
  const focusFor = (kind: ItemKind) => (target?.kind === kind ? target : null);

  return (
    <div className={styles.shell} data-testid="profile-shell">
      <Sidebar
        session={session}
        current={settingsOpen ? null : current}
        onNavigate={navigate}
        onSwitch={() => void leave('switch')}
        onLock={() => void leave('user')}
        onOpenSettings={() => {
          setSettingsOpen(true);
          mainRef.current?.scrollTo({ top: 0 });
        }}
        leaving={leaving}
      />
      <main ref={mainRef} className={styles.main} aria-label={settingsOpen ? 'Settings' : section.label}>
        <header className={styles.header}>
          <span className={styles.headerTitle}>
            <Icon name={settingsOpen ? 'settings' : section.icon} size={16} className={styles.headerIcon} />
            {settingsOpen ? 'Settings' : section.label}
          </span>
          <span className={styles.headerSearch}>
            <SearchButton onOpen={() => setSearching(true)} />
          </span>
        </header>
        <div className={styles.content}>
          {settingsOpen ? (
            <SettingsPage session={session} onSession={onSessionChange} onDelete={onDelete} onClose={() => setSettingsOpen(false)} />
          ) : section.id === 'home' ? (
            <HomeView session={session} onNavigate={navigate} onOpen={openItem} />
          ) : section.id === 'tasks' ? (
            <TasksView focus={focusFor('task')} />
          ) : section.id === 'notes' ? (
            <NotesView focus={focusFor('note')} />
          ) : section.id === 'events' ? (
            <EventsView focus={focusFor('event')} />
          ) : section.id === 'trash' ? (
            <TrashView />
          ) : (
            <AnalysisSection request={menuRequest} />
          )}
        </div>
      </main>
      {searching && <SearchPalette onPick={openHit} onClose={() => setSearching(false)} />}
    </div>
  );
}
