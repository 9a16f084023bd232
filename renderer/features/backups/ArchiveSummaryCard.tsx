// What a chosen archive holds, read from its manifest: shown before the restore form asks
// for a name and password, so the person knows they picked the right file.
import type { ArchiveSummary } from '../../../shared/backups/backups.js';
import { byteSize } from '../../format/byte-size.js';
import { dateFormat, formatNumber } from '../../format/locale.js';
import styles from './ArchiveSummaryCard.module.css';
import { Icon } from '../../components/Icon.js';

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export function ArchiveSummaryCard({ summary }: { summary: ArchiveSummary }) {
  const c = summary.counts;
  return (
    <section className={styles.card} aria-label="What the archive holds" data-testid="archive-summary">
      <span className={styles.icon}>
        <Icon name="archive" size={20} />
      </span>
      <div className={styles.body}>
        <strong className={styles.name} data-testid="archive-summary-name">
          {summary.profileName}
        </strong>
        <span className={styles.meta}>
          Archived {dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(summary.createdAt))} ·{' '}
          {byteSize(summary.bytes)}
        </span>
        <span className={styles.counts} data-testid="archive-summary-counts">
          {plural(c.tasks, 'task', 'tasks')} · {plural(c.notes, 'note', 'notes')} · {plural(c.events, 'event', 'events')} ·{' '}
          {plural(c.tables, 'table', 'tables')}
        </span>
      </div>
    </section>
  );
}
