// The left column of Notes: search, then pinned notes first, then the rest.
import type { ReactNode } from 'react';
import type { NoteSummary } from '../../../shared/notes/notes.js';
import type { PagedList } from '../../bridge/usePagedList.js';
import type { SearchResults } from '../search/useSearch.js';
import { EmptyState, LoadFailed } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { LoadMore } from '../../components/LoadMore.js';
import { Spinner } from '../../components/Spinner.js';
import { relativeTime } from '../../format/relative-time.js';
import { Highlighted } from '../search/Highlighted.js';
import { plainText } from './markdown-parse.js';
import styles from './NoteList.module.css';

interface NoteListProps {
  list: PagedList<NoteSummary>;
  query: string;
  onQuery: (query: string) => void;
  results: SearchResults;
  selected: string | null;
  onSelect: (id: string) => void;
}

export const untitled = (title: string) => title.trim() || 'Untitled note';

interface NoteItemProps {
  id: string;
  selected: string | null;
  onSelect: (id: string) => void;
  pinned?: boolean;
  children: ReactNode;
}

/** One note in the list or among the search hits: the same button either way, marked while it is open. */
function NoteItem({ id, selected, onSelect, pinned = false, children }: NoteItemProps) {
  return (
    <button
      type="button"
      className={styles.item}
      aria-current={id === selected || undefined}
      onClick={() => onSelect(id)}
      data-testid="note-item"
      data-pinned={pinned || undefined}
    >
      {children}
    </button>
  );
}

export function NoteList({ list, query, onQuery, results, selected, onSelect }: NoteListProps) {
  const searching = query.trim() !== '';
  return (
    <aside className={styles.column} aria-label="Notes">
      <div className={styles.search}>
        <Icon name="search" size={14} className={styles.searchIcon} />
        <input
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          placeholder="Search notes"
          aria-label="Search notes"
          className={styles.searchInput}
          data-testid="note-search"
        />
        {searching && results.status === 'loading' && <Spinner size={12} />}
      </div>

      {searching ? (
        results.status === 'error' ? (
          <LoadFailed compact title="Search failed" error={results.error} />
        ) : results.hits.length === 0 && results.status === 'ready' ? (
          <EmptyState compact icon="search" title="No notes match" testId="note-search-empty">
            Words match by their beginning; every word must appear.
          </EmptyState>
        ) : (
          <ul className={styles.list} data-testid="note-list">
            {results.hits.map((hit) => (
              <li key={hit.id}>
                <NoteItem id={hit.id} selected={selected} onSelect={onSelect}>
                  <Highlighted text={hit.title || 'Untitled note'} className={styles.title} />
                  {hit.snippet && <Highlighted text={hit.snippet} className={styles.excerpt} />}
                </NoteItem>
              </li>
            ))}
          </ul>
        )
      ) : list.status === 'loading' ? (
        <div className={styles.loading}>
          <Spinner label="Loading notes" />
        </div>
      ) : list.status === 'error' ? (
        <LoadFailed compact title="Notes could not be loaded" error={list.error} />
      ) : list.items.length === 0 ? (
        <EmptyState compact icon="notes" title="No notes yet" testId="notes-empty">
          Start one with “New note”.
        </EmptyState>
      ) : (
        <ul className={styles.list} data-testid="note-list">
          {list.items.map((note, i) => {
            const firstUnpinned = !note.pinned && i > 0 && list.items[i - 1]!.pinned;
            return (
              <li key={note.id} className={firstUnpinned ? styles.divider : undefined}>
                <NoteItem id={note.id} selected={selected} onSelect={onSelect} pinned={note.pinned}>
                  <span className={styles.titleRow}>
                    <span className={styles.title}>{untitled(note.title)}</span>
                    {note.pinned && <Icon name="pin" size={12} className={styles.pin} />}
                  </span>
                  <span className={styles.excerpt}>{plainText(note.excerpt) || 'No text yet'}</span>
                  <span className={styles.time}>{relativeTime(note.updatedAt)}</span>
                </NoteItem>
              </li>
            );
          })}
          <li>
            <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} label="More notes" />
          </li>
        </ul>
      )}
    </aside>
  );
}
