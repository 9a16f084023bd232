// A sidebar section listing what a search finds (query history, saved queries): the
// search field, then the loading line, a failed read, "nothing matches", "nothing yet",
// or the rows the caller draws.
import type { ReactNode } from 'react';
import { QUERY_SEARCH_MAX } from '../../../../shared/analysis/query-workspace.js';
import { ListStatus } from '../../../components/ListStatus.js';
import type { SearchedState } from '../hooks/useSearchedList.js';
import styles from './Sidebar.module.css';

/** What an empty list says: a heading and a sentence. */
export interface EmptyText {
  title: string;
  text: ReactNode;
  testId?: string;
}

/** What a searched list gets from its owner: the read's state, the search and its setter. */
export interface SearchedListProps<T> {
  state: SearchedState<T>;
  search: string;
  onSearch: (search: string) => void;
}

interface SearchedListSectionProps<T> extends SearchedListProps<T> {
  /** What the list holds, in lower case ("history", "saved queries"): the field's label and the status lines say it. */
  noun: string;
  searchTestId: string;
  /** An empty list with no search typed. */
  empty: EmptyText;
  /** An empty list for the trimmed search. */
  noMatch: (search: string) => EmptyText;
  children: (items: T[]) => ReactNode;
}

export function SearchedListSection<T>({ state, search, onSearch, noun, searchTestId, empty, noMatch, children }: SearchedListSectionProps<T>) {
  const words = search.trim();
  const shownEmpty = words ? noMatch(words) : empty;
  return (
    <div className={styles.section}>
      <input
        type="search"
        className={styles.search}
        placeholder={`Search ${noun}`}
        aria-label={`Search ${noun}`}
        value={search}
        maxLength={QUERY_SEARCH_MAX}
        onChange={(e) => onSearch(e.target.value)}
        data-testid={searchTestId}
      />
      {state.status !== 'ready' ? (
        <ListStatus state={state} loading={`Loading ${noun}`} failed={`${noun.charAt(0).toUpperCase() + noun.slice(1)} could not be read`} />
      ) : state.items.length === 0 ? (
        <div className={styles.emptyState} data-testid={shownEmpty.testId}>
          <strong>{shownEmpty.title}</strong>
          <p>{shownEmpty.text}</p>
        </div>
      ) : (
        children(state.items)
      )}
    </div>
  );
}
