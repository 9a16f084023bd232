// This profile's saved queries in the sidebar: a search over names and SQL, each query
// opens into a tab (or switches to the tab showing it), and can be renamed or deleted.
import type { SavedQuery } from '../../../../shared/analysis/query-workspace.js';
import { QueryItemList } from './QueryItemList.js';
import { SearchedListSection, type SearchedListProps } from './SearchedListSection.js';
import styles from './Sidebar.module.css';

interface SavedQueryListProps extends SearchedListProps<SavedQuery> {
  onOpen: (query: SavedQuery) => void;
  onRename: (query: SavedQuery) => void;
  onDelete: (query: SavedQuery) => void;
}

export function SavedQueryList({ onOpen, onRename, onDelete, ...list }: SavedQueryListProps) {
  const renameAndDelete = (q: SavedQuery) => (
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
  );
  return (
    <SearchedListSection
      {...list}
      noun="saved queries"
      searchTestId="saved-query-search"
      empty={{ title: 'No saved queries yet', text: '“Save query…” above the editor keeps a tab’s SQL here under a name.', testId: 'saved-queries-empty' }}
      noMatch={(words) => ({ title: 'No saved query matches', text: `Names and SQL holding every word of “${words}” would show here.`, testId: 'saved-queries-empty' })}
    >
      {(queries) => (
        <QueryItemList items={queries} testId="saved-query-list" itemTestId="saved-query" onOpen={onOpen} actions={renameAndDelete}>
          {(q) => (
            <>
              <span className={styles.savedName}>{q.name}</span>
              <span className={styles.historySql}>{q.sql}</span>
            </>
          )}
        </QueryItemList>
      )}
    </SearchedListSection>
  );
}
