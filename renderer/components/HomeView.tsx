// The shell's landing view: real counts from this profile's databases.
import type { SessionInfo } from '../../shared/profiles.js';
import { useProfileOverview } from '../bridge/useProfileOverview.js';
import { SECTIONS, type SectionId } from '../sections.js';
import { Banner } from './Banner.js';
import { Button } from './Button.js';
import styles from './HomeView.module.css';
import { Icon, type IconName } from './Icon.js';

const STATS: { key: 'tasks' | 'notes' | 'events' | 'tables'; label: string; icon: IconName }[] = [
  { key: 'tasks', label: 'Tasks', icon: 'tasks' },
  { key: 'notes', label: 'Notes', icon: 'notes' },
  { key: 'events', label: 'Events', icon: 'events' },
  { key: 'tables', label: 'Analytics tables', icon: 'analysis' },
];

interface HomeViewProps {
  session: SessionInfo;
  onNavigate: (section: SectionId) => void;
}

export function HomeView({ session, onNavigate }: HomeViewProps) {
  const overview = useProfileOverview();

  return (
    <div className={styles.home}>
      <div className={styles.greeting}>
        <h1 className={styles.title}>Welcome, {session.name}</h1>
        <p className={styles.subtitle}>Here is what this profile holds, read from its own databases on this computer.</p>
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
                {overview.status === 'ready' ? (
                  overview.overview.counts[stat.key].toLocaleString()
                ) : (
                  <span className={styles.skeletonValue} />
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}

      <section className={styles.card} aria-labelledby="home-next">
        <h2 id="home-next" className={styles.cardTitle}>
          Where to start
        </h2>
        <p className={styles.cardText}>
          Add what you need to do in Tasks, write things down in Notes and keep your calendar in Events. Press{' '}
          <kbd className={styles.kbd}>Ctrl K</kbd> anywhere to search all three. Everything is stored only in this
          profile's databases on this computer, and the numbers above come straight from them.
        </p>
        <div className={styles.links}>
          {SECTIONS.filter((s) => s.id !== 'home' && s.id !== 'trash').map((section) => (
            <Button key={section.id} size="small" onClick={() => onNavigate(section.id)}>
              <Icon name={section.icon} size={14} />
              {section.label}
            </Button>
          ))}
        </div>
        {overview.status === 'ready' && (
          <p className={styles.schema}>
            SQLite schema v{overview.overview.schema.sqlite} · DuckDB schema v{overview.overview.schema.duckdb}
          </p>
        )}
      </section>
    </div>
  );
}
