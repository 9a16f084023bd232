// The open note: title, Markdown body with a live preview, autosave state, pin and
// Trash. A conflict stops autosave and asks which text to keep.
import { useEffect, useRef, useState } from 'react';
import { NOTE_TITLE_MAX } from '../../../shared/notes/notes.js';
import { useNoteEditor } from './useNoteEditor.js';
import type { TagCount } from '../../../shared/tags/tags.js';
import { Button } from '../../components/Button.js';
import { TagInput } from '../tags/TagInput.js';
import { LoadFailed } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { SegmentedControl, type Segment } from '../../components/SegmentedControl.js';
import { Spinner } from '../../components/Spinner.js';
import { relativeTime } from '../../format/relative-time.js';
import { Markdown } from './markdown.js';
import styles from './NoteEditor.module.css';
import { SaveIndicator } from './SaveIndicator.js';

type Layout = 'write' | 'split' | 'preview';

const LAYOUTS: Segment<Layout>[] = [
  { value: 'write', label: 'Write', testId: 'note-layout-write' },
  { value: 'split', label: 'Split', testId: 'note-layout-split' },
  { value: 'preview', label: 'Preview', testId: 'note-layout-preview' },
];

interface NoteEditorProps {
  id: string;
  /** The profile's tags, for suggestions. */
  knownTags: TagCount[];
  /** Put the cursor in the title (a note just created). */
  autoFocus: boolean;
  onDeleted: () => void;
}

export function NoteEditor({ id, knownTags, autoFocus, onDeleted }: NoteEditorProps) {
  const editor = useNoteEditor(id);
  const [tagDraft, setTagDraft] = useState('');
  const [layout, setLayout] = useState<Layout>('split');
  const titleRef = useRef<HTMLInputElement>(null);
  const { note, draft, save } = editor;

  useEffect(() => {
    if (autoFocus && editor.status === 'ready') titleRef.current?.focus();
  }, [autoFocus, editor.status]);

  if (editor.status === 'loading') {
    return (
      <div className={styles.center}>
        <Spinner label="Opening note" />
      </div>
    );
  }
  if (editor.status === 'error' || !note) {
    return (
      <LoadFailed title="This note could not be opened" error={editor.loadError} />
    );
  }

  const trashed = note.deletedAt !== null;
  return (
    <section className={styles.editor} aria-label="Note editor" data-testid="note-editor">
      <div className={styles.toolbar}>
        <SaveIndicator status={save.status} error={save.error} />
        <span className={styles.updated}>Edited {relativeTime(note.updatedAt)}</span>
        <span className={styles.spacer} />
        <SegmentedControl label="Layout" value={layout} onChange={setLayout} options={LAYOUTS} />
        <button
          type="button"
          className={styles.iconButton}
          aria-pressed={draft.pinned}
          onClick={() => editor.edit({ pinned: !draft.pinned })}
          title={draft.pinned ? 'Unpin' : 'Pin to the top'}
          aria-label={draft.pinned ? 'Unpin note' : 'Pin note'}
          disabled={trashed}
          data-testid="note-pin"
        >
          <Icon name="pin" size={16} />
        </button>
        <button
          type="button"
          className={`${styles.iconButton} ${styles.danger}`}
          onClick={() => void editor.remove().then((r) => r.ok && onDeleted())}
          title="Move to Trash"
          aria-label="Move note to Trash"
          disabled={trashed}
          data-testid="note-delete"
        >
          <Icon name="trash" size={16} />
        </button>
      </div>

      {save.status === 'conflict' && (
        <div className={styles.conflict} role="alert" data-testid="note-conflict">
          <Icon name="alert" size={16} />
          <span className={styles.conflictText}>
            <strong>Conflict — this note changed in another window.</strong> Your latest typing has not been saved.
          </span>
          <Button size="small" onClick={() => void editor.reload()} data-testid="note-conflict-reload">
            Reload theirs
          </Button>
          <Button size="small" variant="primary" onClick={() => void editor.keepMine()} data-testid="note-conflict-keep">
            Keep mine
          </Button>
        </div>
      )}
      {trashed && (
        <div className={styles.trashed} role="status">
          <Icon name="trash" size={14} />
          This note is in the Trash.
          <Button size="small" onClick={() => void editor.restore()}>
            Restore
          </Button>
        </div>
      )}

      <input
        ref={titleRef}
        className={styles.title}
        value={draft.title}
        onChange={(e) => editor.edit({ title: e.target.value })}
        placeholder="Untitled note"
        aria-label="Note title"
        maxLength={NOTE_TITLE_MAX}
        readOnly={trashed}
        data-testid="note-title"
      />

      {!trashed && (
        <div className={styles.tags}>
          <TagInput
            label="Tags"
            value={draft.tags}
            onChange={(tags) => editor.edit({ tags })}
            draft={tagDraft}
            onDraftChange={setTagDraft}
            known={knownTags}
            testId="note-tags"
          />
        </div>
      )}

      <div className={`${styles.panes} ${styles[`layout_${layout}`]}`}>
        {layout !== 'preview' && (
          <textarea
            className={styles.body}
            value={draft.body}
            onChange={(e) => editor.edit({ body: e.target.value })}
            placeholder={'Write in Markdown: # heading, **bold**, *italic*, `code`, - lists'}
            aria-label="Note body (Markdown)"
            readOnly={trashed}
            spellCheck
            data-testid="note-body"
          />
        )}
        {layout !== 'write' && (
          <div className={styles.preview} aria-label="Preview">
            {draft.body.trim() ? <Markdown source={draft.body} /> : <p className={styles.previewEmpty}>The preview appears here as you write.</p>}
          </div>
        )}
      </div>
    </section>
  );
}
