// One open note with debounced autosave. Every save carries the version it was based
// on; a stale one comes back CONFLICT and autosave stops until the person chooses to
// reload the other window's text or keep their own.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import type { Note } from '../../../shared/notes/notes.js';
import { callBridge } from '../../bridge/bridge.js';
import { useItemsChanged } from '../../bridge/useItemsChanged.js';

export interface NoteDraft {
  title: string;
  body: string;
  pinned: boolean;
  tags: string[];
}

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';

export interface NoteEditor {
  status: 'loading' | 'error' | 'ready';
  /** The note as last read or saved. */
  note: Note | null;
  draft: NoteDraft;
  save: { status: SaveStatus; error: AppError | null };
  loadError: AppError | null;
  edit: (changes: Partial<NoteDraft>) => void;
  /** Drops local edits for the latest saved text. */
  reload: () => Promise<void>;
  /** Saves local edits over whatever changed elsewhere. */
  keepMine: () => Promise<void>;
  remove: () => Promise<Result<Note>>;
  restore: () => Promise<Result<Note>>;
}

const AUTOSAVE_MS = 700;
const EMPTY: NoteDraft = { title: '', body: '', pinned: false, tags: [] };
const draftOf = (note: Note): NoteDraft => ({ title: note.title, body: note.body, pinned: note.pinned, tags: note.tags });
const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
const sameDraft = (a: NoteDraft, b: NoteDraft) => a.title === b.title && a.body === b.body && a.pinned === b.pinned && sameTags(a.tags, b.tags);

/** One editor per note: give the component using it a `key` of the note id. */
export function useNoteEditor(id: string | null): NoteEditor {
  const [loaded, setLoaded] = useState<{ id: string; note: Note | null; error: AppError | null } | null>(null);
  const [draft, setDraft] = useState<NoteDraft>(EMPTY);
  const [save, setSave] = useState<{ status: SaveStatus; error: AppError | null }>({ status: 'saved', error: null });

  const base = useRef<Note | null>(null); // gives the version the next save is based on
  const saved = useRef<NoteDraft>(EMPTY); // what the server holds as far as we know
  const current = useRef<NoteDraft>(EMPTY);
  const inFlight = useRef(false);
  const conflict = useRef(false);
  const timer = useRef<number | null>(null);

  const adopt = useCallback((note: Note) => {
    base.current = note;
    saved.current = draftOf(note);
    current.current = draftOf(note);
    conflict.current = false;
    setLoaded({ id: note.id, note, error: null });
    setDraft(draftOf(note));
    setSave({ status: 'saved', error: null });
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    // Typing during a save is sent by the next turn of this loop.
    for (;;) {
      const note = base.current;
      if (!note || inFlight.current || conflict.current) return;
      const sending = current.current;
      const changes: Partial<NoteDraft> = {};
      if (sending.title !== saved.current.title) changes.title = sending.title;
      if (sending.body !== saved.current.body) changes.body = sending.body;
      if (sending.pinned !== saved.current.pinned) changes.pinned = sending.pinned;
      if (!sameTags(sending.tags, saved.current.tags)) changes.tags = sending.tags;
      if (Object.keys(changes).length === 0) return;

      inFlight.current = true;
      setSave({ status: 'saving', error: null });
      const result = await callBridge((api) => api.updateNote({ id: note.id, version: note.version, ...changes }));
      inFlight.current = false;
      if (!result.ok) {
        if (result.error.code === 'CONFLICT') conflict.current = true;
        setSave({ status: result.error.code === 'CONFLICT' ? 'conflict' : 'error', error: result.error });
        return;
      }
      base.current = result.value;
      // Compare with what was sent, not what came back: the server trims titles.
      saved.current = sending;
      setLoaded({ id: note.id, note: result.value, error: null });
      if (sameDraft(current.current, sending)) {
        setSave({ status: 'saved', error: null });
        return;
      }
    }
  }, []);

  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    void callBridge((api) => api.getNote({ id })).then((result) => {
      if (cancelled) return;
      if (result.ok) adopt(result.value);
      else setLoaded({ id, note: null, error: result.error });
    });
    return () => {
      cancelled = true;
      // Leaving a note (or the screen) saves what was typed at once; a save in
      // flight sends the rest when it returns.
      void flush();
    };
  }, [id, adopt, flush]);

  useItemsChanged('note', ({ ids }) => {
    if (!id || !ids.includes(id) || inFlight.current || timer.current !== null) return;
    void callBridge((api) => api.getNote({ id })).then((result) => {
      const mine = base.current;
      if (!result.ok || !mine || mine.id !== result.value.id || inFlight.current) return;
      if (result.value.version <= mine.version) return; // our own save coming back
      if (sameDraft(current.current, saved.current)) adopt(result.value);
      else {
        conflict.current = true;
        setSave({ status: 'conflict', error: null });
      }
    });
  });

  const edit = useCallback(
    (changes: Partial<NoteDraft>) => {
      const next = { ...current.current, ...changes };
      current.current = next;
      setDraft(next);
      if (conflict.current) return;
      setSave((prev) => (prev.status === 'saving' ? prev : { status: 'unsaved', error: null }));
      if (timer.current !== null) window.clearTimeout(timer.current);
      // Pinning and tagging are clicks, not typing: no reason to wait.
      const delay = ('pinned' in changes || 'tags' in changes) && !('title' in changes) && !('body' in changes) ? 0 : AUTOSAVE_MS;
      timer.current = window.setTimeout(() => {
        timer.current = null;
        void flush();
      }, delay);
    },
    [flush],
  );

  const latest = useCallback(async () => {
    if (!id) return null;
    const result = await callBridge((api) => api.getNote({ id }));
    if (!result.ok) {
      setSave({ status: 'error', error: result.error });
      return null;
    }
    return result.value;
  }, [id]);

  const reload = useCallback(async () => {
    const note = await latest();
    if (note) adopt(note);
  }, [latest, adopt]);

  const keepMine = useCallback(async () => {
    const note = await latest();
    if (!note) return;
    base.current = note;
    saved.current = draftOf(note);
    conflict.current = false;
    setLoaded({ id: note.id, note, error: null });
    await flush();
  }, [latest, flush]);

  const remove = useCallback(async () => {
    await flush();
    const result = await callBridge((api) => api.deleteNote({ id: id ?? '' }));
    if (result.ok) adopt(result.value);
    return result;
  }, [id, flush, adopt]);

  const restore = useCallback(async () => {
    const result = await callBridge((api) => api.restoreNote({ id: id ?? '' }));
    if (result.ok) adopt(result.value);
    return result;
  }, [id, adopt]);

  const ready = loaded !== null && loaded.id === id;
  return {
    status: !ready ? 'loading' : loaded.error ? 'error' : 'ready',
    note: ready ? loaded.note : null,
    draft: ready ? draft : EMPTY,
    save,
    loadError: ready ? loaded.error : null,
    edit,
    reload,
    keepMine,
    remove,
    restore,
  };
}
