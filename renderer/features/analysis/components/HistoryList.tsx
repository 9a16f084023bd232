// This profile's past queries: SQL, when, how long, how many rows, how it ended.
import type { QueryHistoryEntry } from '../../../../shared/analytics.js';
import { Spinner } from '../../../components/Spinner.js';
import { countOf, formatClock, formatDuration } from '../display-format.js';
import type { HistoryState } from '../hooks/useQueryHistory.js';
import styles from './Sidebar.module.css';

interface HistoryListProps {
  state: HistoryState;
  onOpen: (entry: QueryHistoryEntry) => void;
  onRerun: (entry: QueryHistoryEntry) => void;
}

const STATUS_TEXT = { ok: 'Succeeded', error: 'Failed', cancelled: 'Cancelled' } as const;

export function HistoryList({ state, onOpen, onRerun }: HistoryListProps) {
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
          <button type="button" className={styles.historyButton} onClick={() => onOpen(e)} title="Open in the editor">
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
