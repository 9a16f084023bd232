// The Notes screen: the list (with search) on the left, the open note on the right.
import { useState } from 'react';
import { useNotes } from './useNotes.js';
import { useTags } from '../tags/useTags.js';
import { TagFilter } from '../tags/TagFilter.js';
import { useSearch } from '../search/useSearch.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import type { SearchTarget } from '../search/search-target.js';
import { NoteEditor } from './NoteEditor.js';
import { NoteList } from './NoteList.js';
import styles from './NotesView.module.css';

const NOTE_KINDS = ['note'] as const;

interface NotesViewProps {
  /** A note to open, picked in search. */
  focus: SearchTarget | null;
}

export function NotesView({ focus }: NotesViewProps) {
  const [tag, setTag] = useState<string | null>(null);
  const tagList = useTags();
  const notes = useNotes(tag);
  const [query, setQuery] = useState('');
  const results = useSearch(query, NOTE_KINDS, 50, notes.changeTick);
  const [selected, setSelected] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  // A note picked in search opens here; adjusting state while rendering avoids a flash.
  const [seenFocus, setSeenFocus] = useState<SearchTarget | null>(null);
  if (focus !== seenFocus) {
    setSeenFocus(focus);
    if (focus) {
      setSelected(focus.id);
      setFresh(null);
      setQuery('');
    }
  }

  // With nothing chosen, the first note in the list is open.
  const open = selected ?? (notes.list.status === 'ready' ? (notes.list.items[0]?.id ?? null) : null);

  const create = async () => {
    setCreating(true);
    const result = await notes.create();
    setCreating(false);
    if (result.ok) {
      setQuery('');
      setSelected(result.value.id);
      setFresh(result.value.id);
      setCreateError(null);
    } else {
      setCreateError(result.error.message);
    }
  };

  return (
    <div className={styles.view} data-testid="notes-view">
      <div className={styles.side}>
        <Button variant="primary" onClick={() => void create()} pending={creating} data-testid="note-new">
          {!creating && <Icon name="plus" size={16} />}
          New note
        </Button>
        {createError && <ErrorMessage>{createError}</ErrorMessage>}
        <TagFilter tags={tagList.tags} kind="notes" value={tag} onChange={setTag} onRename={tagList.rename} />
        <NoteList
          list={notes.list}
          query={query}
          onQuery={setQuery}
          results={results}
          selected={open}
          onSelect={(id) => {
            setSelected(id);
            setFresh(null);
          }}
        />
      </div>
      {open ? (
        <NoteEditor key={open} id={open} knownTags={tagList.tags} autoFocus={fresh === open} onDeleted={() => setSelected(null)} />
      ) : (
        notes.list.status === 'ready' && (
          <div className={styles.placeholder}>
            <EmptyState
              icon="notes"
              title="Write something down"
              action={
                <Button onClick={() => void create()} pending={creating}>
                  New note
                </Button>
              }
            >
              Notes are Markdown, saved as you type, and searchable with Ctrl+K.
            </EmptyState>
          </div>
        )
      )}
    </div>
  );
}
