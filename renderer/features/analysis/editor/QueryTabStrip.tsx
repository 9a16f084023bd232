// The query tabs above the SQL editor: one per query being worked on, kept in the profile
// (they come back after a restart). Arrow keys move between tabs, Delete closes one;
// "Save" names the active tab's query (or updates the saved query it came from).
import { useRef, type KeyboardEvent } from 'react';
import type { QueryTab } from '../../../../shared/analysis/query-workspace.js';
import { QUERY_TABS_MAX } from '../../../../shared/analysis/query-workspace.js';
import { Button } from '../../../components/Button.js';
import styles from './QueryTabStrip.module.css';

interface QueryTabStripProps {
  tabs: readonly QueryTab[];
  activeTabId: string;
  onSelect: (id: string) => void;
  onAdd: () => void;
  onClose: (id: string) => void;
  /** Saves the active tab's SQL: into its saved query, or under a new name (`asNew`). */
  onSave: (asNew: boolean) => void;
  saving: boolean;
  full: boolean;
  onDismissFull: () => void;
  /** Why the tabs could not be kept in the profile (null when they were). */
  saveError: string | null;
}

export function QueryTabStrip({ tabs, activeTabId, onSelect, onAdd, onClose, onSave, saving, full, onDismissFull, saveError }: QueryTabStripProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const active = tabs.find((t) => t.id === activeTabId) ?? tabs[0];
  const focusTab = (id: string) => listRef.current?.querySelector<HTMLElement>(`[data-tab-id="${id}"]`)?.focus();

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const to = e.key === 'ArrowRight' ? index + 1 : e.key === 'ArrowLeft' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (to !== null) {
      e.preventDefault();
      const tab = tabs[(to + tabs.length) % tabs.length]!;
      onSelect(tab.id);
      focusTab(tab.id);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      onClose(tabs[index]!.id);
    }
  };

  return (
    <div className={styles.bar}>
      <div ref={listRef} className={styles.tabs} role="tablist" aria-label="Query tabs" data-testid="query-tabs">
        {tabs.map((tab, i) => {
          const selected = tab.id === active?.id;
          return (
            <div key={tab.id} className={`${styles.tab} ${selected ? styles.selected : ''}`}>
              <button
                type="button"
                role="tab"
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                className={styles.tabButton}
                onClick={() => onSelect(tab.id)}
                onKeyDown={(e) => onKeyDown(e, i)}
                title={tab.sql.trim() ? `${tab.title}\n\n${tab.sql.slice(0, 300)}` : tab.title}
                data-tab-id={tab.id}
                data-testid="query-tab"
              >
                {tab.savedQueryId && <span className={styles.savedMark} aria-label="Saved query" role="img" />}
                <span className={styles.tabTitle}>{tab.title}</span>
              </button>
              <button type="button" className={styles.close} onClick={() => onClose(tab.id)} aria-label={`Close ${tab.title}`} tabIndex={-1} data-testid="close-query-tab">
                ×
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className={styles.add}
          onClick={onAdd}
          disabled={tabs.length >= QUERY_TABS_MAX}
          aria-label="New query tab"
          title={tabs.length >= QUERY_TABS_MAX ? `At most ${QUERY_TABS_MAX} tabs: close one first` : 'New query tab'}
          data-testid="add-query-tab"
        >
          +
        </button>
      </div>
      <div className={styles.actions}>
        {active?.savedQueryId ? (
          <>
            <Button size="small" variant="ghost" onClick={() => onSave(false)} pending={saving} disabled={!active.sql.trim()} data-testid="save-query">
              Save
            </Button>
            <Button size="small" variant="ghost" onClick={() => onSave(true)} disabled={saving || !active.sql.trim()} data-testid="save-query-as">
              Save as…
            </Button>
          </>
        ) : (
          <Button size="small" variant="ghost" onClick={() => onSave(true)} pending={saving} disabled={!active?.sql.trim()} data-testid="save-query-as">
            Save query…
          </Button>
        )}
      </div>
      {full && (
        <p className={styles.notice} role="status" data-testid="query-tabs-full">
          {QUERY_TABS_MAX} tabs are open, the most there can be: close one to open another.
          <button type="button" className={styles.noticeClose} onClick={onDismissFull} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      {saveError && (
        <p className={`${styles.notice} ${styles.noticeError}`} role="alert" data-testid="query-tabs-save-error">
          The tabs could not be kept in this profile: {saveError}
        </p>
      )}
    </div>
  );
}
