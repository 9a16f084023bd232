// This profile's query tabs: read from the profile at mount (after unlock), saved back to
// it whole, debounced, after every change; the save still pending goes out at once when
// the view unmounts, the page hides, or the shell locks or switches profile (before-lock),
// so it lands in the profile it was typed in and nowhere else.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/errors.js';
import { beforeLock } from '../../../bridge/before-lock.js';
import { callBridge } from '../../../bridge/bridge.js';
import { newId } from '../analytics-api.js';
import * as model from '../editor/query-tabs-model.js';
import type { TabContent, TabStrip } from '../editor/query-tabs-model.js';

const SAVE_AFTER_MS = 500;

// The last save this window sent: a view mounted again (leaving Analysis and coming back)
// reads the tabs only after it, or it would show the strip as it was before the save.
let lastSave: Promise<unknown> = Promise.resolve();

export type QueryTabsState = { status: 'loading' } | { status: 'ready'; strip: TabStrip };

export interface QueryTabsApi {
  state: QueryTabsState;
  /** Why the tabs could not be read, or the last save failed (null once one succeeds). */
  saveError: AppError | null;
  /** The strip was full when asked for another tab. */
  full: boolean;
  setSql: (sql: string) => void;
  select: (id: string) => void;
  add: () => void;
  close: (id: string) => void;
  /** Opens SQL in a tab (see the model's `open`); false when the strip is full. */
  open: (content: TabContent) => boolean;
  linkActive: (saved: { id: string; name: string }) => void;
  renamedSaved: (saved: { id: string; name: string }) => void;
  deletedSaved: (id: string) => void;
  dismissFull: () => void;
}

export function useQueryTabs(): QueryTabsApi {
  const [state, setState] = useState<QueryTabsState>({ status: 'loading' });
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [full, setFull] = useState(false);
  const strip = useRef<TabStrip | null>(null);
  const dirty = useRef(false);
  const timer = useRef<number | null>(null);
  const unreadable = useRef(false);

  const flush = useCallback(async () => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    const sending = strip.current;
    if (!sending || !dirty.current || unreadable.current) return;
    dirty.current = false;
    const call = callBridge((api) => api.saveQueryTabs({ tabs: sending.tabs, activeTabId: sending.activeTabId }));
    lastSave = call;
    const result = await call;
    if (result.ok) setSaveError(null);
    else {
      // Kept dirty: the next change (or leaving) sends the whole strip again.
      if (strip.current === sending) dirty.current = true;
      setSaveError(result.error);
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    void lastSave
      .then(() => callBridge((api) => api.getQueryTabs()))
      .then((result) => {
        if (cancelled) return;
        if (!result.ok) {
          // The editor still works, in one tab this view keeps to itself: saving it would
          // replace the tabs that could not be read.
          unreadable.current = true;
          setSaveError(result.error);
        }
        strip.current = model.fromStored(result.ok ? result.value : { tabs: [], activeTabId: null }, newId);
        setState({ status: 'ready', strip: strip.current });
      });
    const unregister = beforeLock(flush);
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      cancelled = true;
      unregister();
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  const change = useCallback(
    (next: TabStrip | null) => {
      if (next === null) {
        setFull(true);
        return false;
      }
      if (next === strip.current) return true;
      strip.current = next;
      dirty.current = true;
      setFull(false);
      setState({ status: 'ready', strip: next });
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_AFTER_MS);
      return true;
    },
    [flush],
  );

  // Every move applies to the latest strip (a ref), so two in one event compose.
  const apply = useCallback(
    (move: (s: TabStrip) => TabStrip | null) => (strip.current ? change(move(strip.current)) : false),
    [change],
  );

  return {
    state,
    saveError,
    full,
    setSql: useCallback((sql: string) => void apply((s) => model.setSql(s, sql)), [apply]),
    select: useCallback((id: string) => void apply((s) => model.select(s, id)), [apply]),
    add: useCallback(() => void apply((s) => model.add(s, newId())), [apply]),
    close: useCallback((id: string) => void apply((s) => model.close(s, id, newId)), [apply]),
    open: useCallback((content: TabContent) => apply((s) => model.open(s, content, newId())), [apply]),
    linkActive: useCallback((saved: { id: string; name: string }) => void apply((s) => model.linkActive(s, saved)), [apply]),
    renamedSaved: useCallback((saved: { id: string; name: string }) => void apply((s) => model.renamedSaved(s, saved)), [apply]),
    deletedSaved: useCallback((id: string) => void apply((s) => model.deletedSaved(s, id)), [apply]),
    dismissFull: useCallback(() => setFull(false), []),
  };
}
