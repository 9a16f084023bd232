// This profile's past queries: SQL, when, how long, how many rows, how it ended; a
// search over the whole history; each opens into a tab or runs again.
import type { QueryHistoryEntry } from '../../../../shared/analysis/analytics.js';
import { QUERY_SEARCH_MAX } from '../../../../shared/analysis/query-workspace.js';
import { Spinner } from '../../../components/Spinner.js';
import { countOf, formatClock, formatDuration } from '../display-format.js';
import type { HistoryState } from '../hooks/useQueryHistory.js';
import styles from './Sidebar.module.css';

interface HistoryListProps {
  state: HistoryState;
  search: string;
  onSearch: (search: string) => void;
  onOpen: (entry: QueryHistoryEntry) => void;
  onRerun: (entry: QueryHistoryEntry) => void;
}

const STATUS_TEXT = { ok: 'Succeeded', error: 'Failed', cancelled: 'Cancelled' } as const;

export function HistoryList({ state, search, onSearch, onOpen, onRerun }: HistoryListProps) {
  return (
    <div className={styles.section}>
      <input
        type="search"
        className={styles.search}
        placeholder="Search history"
        aria-label="Search history"
        value={search}
        maxLength={QUERY_SEARCH_MAX}
        onChange={(e) => onSearch(e.target.value)}
        data-testid="history-search"
      />
      <HistoryEntries state={state} search={search.trim()} onOpen={onOpen} onRerun={onRerun} />
    </div>
  );
}

function HistoryEntries({ state, search, onOpen, onRerun }: Omit<HistoryListProps, 'onSearch'>) {
  if (state.status === 'loading') {
    return (
      <div className={styles.placeholder}>
        <Spinner size={16} label="Loading history" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className={styles.placeholder} role="alert">
        History could not be read: {state.error.message}
      </div>
    );
  }
  if (state.entries.length === 0 && search) {
    return (
      <div className={styles.emptyState} data-testid="history-no-match">
        <strong>No query matches</strong>
        <p>Past queries holding every word of “{search}” would show here.</p>
      </div>
    );
  }
  if (state.entries.length === 0) {
    return (
      <div className={styles.emptyState}>
        <strong>No queries yet</strong>
        <p>Every query you run in this profile is kept here, with its timing and outcome.</p>
      </div>
    );
  }
  return (
    <ul className={styles.list} data-testid="history-list">
      {state.entries.map((e) => (
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
  );
}
