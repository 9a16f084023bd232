// Search across tasks, notes and events: type, move with ↑/↓, Enter opens the item.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { SEARCH_QUERY_MAX, type ItemKind, type SearchHit } from '../../../shared/search/search.js';
import { useSearch } from './useSearch.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { Spinner } from '../../components/Spinner.js';
import { Highlighted } from './Highlighted.js';
import styles from './SearchPalette.module.css';
import { useModalDialog } from '../../hooks/useModalDialog.js';

const KIND: Record<ItemKind, { icon: IconName; label: string }> = {
  task: { icon: 'tasks', label: 'Task' },
  note: { icon: 'notes', label: 'Note' },
  event: { icon: 'events', label: 'Event' },
};

interface SearchPaletteProps {
  onPick: (hit: SearchHit) => void;
  onClose: () => void;
}

export function SearchPalette({ onPick, onClose }: SearchPaletteProps) {
  const id = useId();
  const ref = useModalDialog(onClose);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useSearch(query, null, 30);

  const hits = results.hits;
  const current = Math.min(active, Math.max(0, hits.length - 1));

  useEffect(() => {
    ref.current?.querySelector(`#${CSS.escape(`${id}-${current}`)}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, id, ref]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length) setActive((current + (event.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[current];
      if (hit) onPick(hit);
    }
  };

  return (
    <dialog
      ref={ref}
      className={styles.palette}
      aria-label="Search"
      data-testid="search-palette"
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <div className={styles.inputRow}>
        <Icon name="search" size={18} className={styles.inputIcon} />
        <input
          autoFocus
          className={styles.input}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder="Search tasks, notes and events"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={hits.length ? `${id}-${current}` : undefined}
          aria-autocomplete="list"
          maxLength={SEARCH_QUERY_MAX}
          data-testid="search-input"
        />
        {results.status === 'loading' && <Spinner size={14} label="Searching" />}
        <kbd className={styles.kbd}>Esc</kbd>
      </div>
      <div className={styles.results}>
        {results.status === 'idle' ? (
          <p className={styles.message}>Words match by their beginning — “meet” finds “meeting”.</p>
        ) : results.status === 'error' ? (
          <p className={`${styles.message} ${styles.error}`} role="alert">
            {results.error?.message}
          </p>
        ) : hits.length === 0 && results.status === 'ready' ? (
          <p className={styles.message} data-testid="search-empty">
            Nothing matches “{query.trim()}”.
          </p>
        ) : (
          <ul id={`${id}-list`} role="listbox" className={styles.list} aria-label="Results" data-testid="search-results">
            {hits.map((hit, i) => (
              <li
                key={`${hit.kind}:${hit.id}`}
                id={`${id}-${i}`}
                role="option"
                aria-selected={i === current}
                className={styles.hit}
                onMouseMove={() => setActive(i)}
                onClick={() => onPick(hit)}
                data-testid="search-hit"
                data-kind={hit.kind}
              >
                <span className={styles.kindIcon}>
                  <Icon name={KIND[hit.kind].icon} size={14} />
                </span>
                <span className={styles.hitText}>
                  <Highlighted text={hit.title || 'Untitled'} className={styles.hitTitle} />
                  {hit.snippet && <Highlighted text={hit.snippet} className={styles.snippet} />}
                </span>
                <span className={styles.kind}>{KIND[hit.kind].label}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <footer className={styles.footer}>
        <span>
          <kbd className={styles.kbd}>↑</kbd> <kbd className={styles.kbd}>↓</kbd> to move
        </span>
        <span>
          <kbd className={styles.kbd}>↵</kbd> to open
        </span>
      </footer>
    </dialog>
  );
}
