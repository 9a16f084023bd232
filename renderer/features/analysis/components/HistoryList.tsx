// This profile's past queries: SQL, when, how long, how many rows, how it ended; a
// search over the whole history; each opens into a tab or runs again.
import type { QueryHistoryEntry } from '../../../../shared/analysis/analytics.js';
import { countOf, formatClock, formatDuration } from '../display-format.js';
import { SearchedListSection, type SearchedListProps } from './SearchedListSection.js';
import styles from './Sidebar.module.css';

interface HistoryListProps extends SearchedListProps<QueryHistoryEntry> {
  onOpen: (entry: QueryHistoryEntry) => void;
  onRerun: (entry: QueryHistoryEntry) => void;
}

const STATUS_TEXT = { ok: 'Succeeded', error: 'Failed', cancelled: 'Cancelled' } as const;

export function HistoryList({ onOpen, onRerun, ...list }: HistoryListProps) {
  return (
    <SearchedListSection
      {...list}
      noun="history"
      searchTestId="history-search"
      empty={{ title: 'No queries yet', text: 'Every query you run in this profile is kept here, with its timing and outcome.' }}
      noMatch={(words) => ({ title: 'No query matches', text: `Past queries holding every word of “${words}” would show here.`, testId: 'history-no-match' })}
    >
      {(entries) => (
        <ul className={styles.list} data-testid="history-list">
          {entries.map((e) => (
            <li key={e.id} className={styles.historyItem}>
              <button type="button" className={styles.historyButton} onClick={() => onOpen(e)} title="Open in a tab" data-testid="history-entry">
                <span className={styles.historySql}>{e.sql}</span>
                <span className={styles.historyMeta}>
                  <span className={`${styles.dot} ${styles[e.status]}`} aria-label={STATUS_TEXT[e.status]} role="img" />
                  {formatClock(e.startedAt)} · {formatDuration(e.durationMs)}
                  {e.rowCount !== null && ` · ${countOf(e.rowCount, 'row')}`}
                </span>
                {e.error && <span className={styles.historyError}>{e.error}</span>}
              </button>
              <button type="button" className={styles.rerun} onClick={() => onRerun(e)} aria-label="Run again" title="Run again">
                ↻
              </button>
            </li>
          ))}
        </ul>
      )}
    </SearchedListSection>
  );
}
