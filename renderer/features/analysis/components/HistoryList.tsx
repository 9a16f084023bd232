// This profile's past queries: SQL, when, how long, how many rows, how it ended; a
// search over the whole history; each opens into a tab or runs again.
import type { QueryHistoryEntry } from '../../../../shared/analysis/analytics.js';
import { countOf, formatClock, formatDuration } from '../display-format.js';
import { QueryItemList } from './QueryItemList.js';
import { SearchedListSection, type SearchedListProps } from './SearchedListSection.js';
import styles from './Sidebar.module.css';

interface HistoryListProps extends SearchedListProps<QueryHistoryEntry> {
  onOpen: (entry: QueryHistoryEntry) => void;
  onRerun: (entry: QueryHistoryEntry) => void;
}

const STATUS_TEXT = { ok: 'Succeeded', error: 'Failed', cancelled: 'Cancelled' } as const;

export function HistoryList({ onOpen, onRerun, ...list }: HistoryListProps) {
  const rerunButton = (e: QueryHistoryEntry) => (
    <button type="button" className={styles.rerun} onClick={() => onRerun(e)} aria-label="Run again" title="Run again">
      ↻
    </button>
  );
  return (
    <SearchedListSection
      {...list}
      noun="history"
      searchTestId="history-search"
      empty={{ title: 'No queries yet', text: 'Every query you run in this profile is kept here, with its timing and outcome.' }}
      noMatch={(words) => ({ title: 'No query matches', text: `Past queries holding every word of “${words}” would show here.`, testId: 'history-no-match' })}
    >
      {(entries) => (
        <QueryItemList items={entries} testId="history-list" itemTestId="history-entry" onOpen={onOpen} actions={rerunButton}>
          {(e) => (
            <>
              <span className={styles.historySql}>{e.sql}</span>
              <span className={styles.historyMeta}>
                <span className={`${styles.dot} ${styles[e.status]}`} aria-label={STATUS_TEXT[e.status]} role="img" />
                {formatClock(e.startedAt)} · {formatDuration(e.durationMs)}
                {e.rowCount !== null && ` · ${countOf(e.rowCount, 'row')}`}
              </span>
              {e.error && <span className={styles.historyError}>{e.error}</span>}
            </>
          )}
        </QueryItemList>
      )}
    </SearchedListSection>
  );
}
