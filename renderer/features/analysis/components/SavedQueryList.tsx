// This profile's saved queries in the sidebar: a search over names and SQL, each query
// opens into a tab (or switches to the tab showing it), and can be renamed or deleted.
import type { SavedQuery } from '../../../../shared/analysis/query-workspace.js';
import { QUERY_SEARCH_MAX } from '../../../../shared/analysis/query-workspace.js';
import { Spinner } from '../../../components/Spinner.js';
import type { SavedQueriesState } from '../hooks/useSavedQueries.js';
import styles from './Sidebar.module.css';

interface SavedQueryListProps {
  state: SavedQueriesState;
  search: string;
  onSearch: (search: string) => void;
  onOpen: (query: SavedQuery) => void;
  onRename: (query: SavedQuery) => void;
  onDelete: (query: SavedQuery) => void;
}

export function SavedQueryList({ state, search, onSearch, onOpen, onRename, onDelete }: SavedQueryListProps) {
  return (
    <div className={styles.section}>
      <input
        type="search"
        className={styles.search}
        placeholder="Search saved queries"
        aria-label="Search saved queries"
        value={search}
        maxLength={QUERY_SEARCH_MAX}
        onChange={(e) => onSearch(e.target.value)}
        data-testid="saved-query-search"
      />
      {state.status === 'loading' ? (
        <div className={styles.placeholder}>
          <Spinner size={16} label="Loading saved queries" />
        </div>
      ) : state.status === 'error' ? (
        <div className={styles.placeholder} role="alert">
          Saved queries could not be read: {state.error.message}
        </div>
      ) : state.queries.length === 0 ? (
        <div className={styles.emptyState} data-testid="saved-queries-empty">
          {search.trim() ? (
            <>
              <strong>No saved query matches</strong>
              <p>Names and SQL holding every word of “{search.trim()}” would show here.</p>
            </>
          ) : (
            <>
              <strong>No saved queries yet</strong>
              <p>“Save query…” above the editor keeps a tab’s SQL here under a name.</p>
            </>
          )}
        </div>
      ) : (
        <ul className={styles.list} data-testid="saved-query-list">
          {state.queries.map((q) => (
            <li key={q.id} className={styles.historyItem}>
              <button type="button" className={styles.historyButton} onClick={() => onOpen(q)} title="Open in a tab" data-testid="saved-query">
                <span className={styles.savedName}>{q.name}</span>
                <span className={styles.historySql}>{q.sql}</span>
              </button>
              <span className={styles.savedActions}>
                <button type="button" className={styles.linkButton} onClick={() => onRename(q)} aria-label={`Rename ${q.name}`} data-testid="rename-saved-query">
                  Rename
                </button>
                <button
                  type="button"
                  className={`${styles.linkButton} ${styles.dangerLink}`}
                  onClick={() => onDelete(q)}
                  aria-label={`Delete ${q.name}`}
                  data-testid="delete-saved-query"
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
