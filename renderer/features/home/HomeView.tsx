// The shell's landing view: what is due today and pinned, and live counts. A profile with
// nothing in it yet gets the getting-started panel instead of an empty Today.
import type { ItemKind } from '../../../shared/search/search.js';
import type { SessionInfo } from '../../../shared/profiles/profiles.js';
import { useProfileOverview } from './useProfileOverview.js';
import { useToday } from './useToday.js';
import { formatNumber } from '../../format/locale.js';
import { SECTIONS, type SectionId } from '../../sections.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import styles from './HomeView.module.css';
import { Icon, type IconName } from '../../components/Icon.js';
import { TodayPanel } from './TodayPanel.js';

const STATS: { key: 'tasks' | 'notes' | 'events' | 'tables'; label: string; icon: IconName; section: SectionId }[] = [
  { key: 'tasks', label: 'Tasks', icon: 'tasks', section: 'tasks' },
  { key: 'notes', label: 'Notes', icon: 'notes', section: 'notes' },
  { key: 'events', label: 'Events', icon: 'events', section: 'events' },
  { key: 'tables', label: 'Analytics tables', icon: 'analysis', section: 'analysis' },
];

interface HomeViewProps {
  session: SessionInfo;
  onNavigate: (section: SectionId) => void;
  onOpen: (kind: ItemKind, id: string) => void;
}

export function HomeView({ session, onNavigate, onOpen }: HomeViewProps) {
  const overview = useProfileOverview();
  const today = useToday();
  const counts = overview.status === 'ready' ? overview.value.counts : null;
  const empty = counts !== null && counts.tasks + counts.notes + counts.events + counts.tables === 0;

  return (
    <div className={styles.home}>
      <div className={styles.greeting}>
        <h1 className={styles.title}>Welcome, {session.name}</h1>
      </div>

      {overview.status === 'error' ? (
        <Banner tone="danger" icon="alert" title="This profile's databases could not be read">
          {overview.error.message}
        </Banner>
      ) : (
        <dl className={styles.stats} data-testid="profile-overview" aria-busy={overview.status === 'loading'}>
          {STATS.map((stat) => (
            <div key={stat.key} className={styles.stat} data-testid={`overview-${stat.key}`}>
              <dt className={styles.statLabel}>
                <Icon name={stat.icon} size={14} />
                {stat.label}
              </dt>
              <dd className={styles.statValue}>
                {counts ? (
                  <button type="button" className={styles.statLink} onClick={() => onNavigate(stat.section)} aria-label={`${stat.label}: ${formatNumber(counts[stat.key])}`}>
                    {formatNumber(counts[stat.key])}
                  </button>
                ) : (
                  <span className={styles.skeletonValue} />
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}

      {empty ? (
        <section className={styles.card} aria-labelledby="home-next" data-testid="home-getting-started">
          <h2 id="home-next" className={styles.cardTitle}>
            Where to start
          </h2>
          <p className={styles.cardText}>
            Add what you need to do in Tasks, write things down in Notes and keep your calendar in Events. Press{' '}
            <kbd className={styles.kbd}>Ctrl K</kbd> anywhere to search all three. Everything is stored only in this
            profile, on this computer.
          </p>
          <div className={styles.links}>
            {SECTIONS.filter((s) => s.id !== 'home' && s.id !== 'trash').map((section) => (
              <Button key={section.id} size="small" onClick={() => onNavigate(section.id)}>
                <Icon name={section.icon} size={14} />
                {section.label}
              </Button>
            ))}
          </div>
        </section>
      ) : counts !== null ? (
        <TodayPanel state={today} onNavigate={onNavigate} onOpen={onOpen} />
      ) : null}
    </div>
  );
}
