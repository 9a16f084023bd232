// The Analysis section: tables and history on the left, the SQL editor and its result
// (grid or chart) in the middle, a column's profile on the right; importing takes the
// middle while it runs. Loaded lazily: none of this is in the initial bundle.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { MenuRequest } from './menu-request.js';
import type { ExportSource, QueryHistoryEntry, TableInfo } from '../../../shared/analysis/analytics.js';
import type { SavedQuery } from '../../../shared/analysis/query-workspace.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { Spinner } from '../../components/Spinner.js';
import { AskBox } from '../ai/AskBox.js';
import { AddSourceDialog } from '../sources/AddSourceDialog.js';
import { SourcedTableNote } from '../sources/SourcedTableNote.js';
import { SourceList } from '../sources/SourceList.js';
import { SourceWorkspace, type RefreshRequest } from '../sources/SourceWorkspace.js';
import { useSources } from '../sources/useSources.js';
import styles from './AnalysisView.module.css';
import { ColumnProfilePanel } from './components/ColumnProfilePanel.js';
import { ExportDialog } from './components/ExportDialog.js';
import { HistoryList } from './components/HistoryList.js';
import { ResultPanel } from './components/ResultPanel.js';
import { DeleteSavedQueryDialog, SavedQueryNameDialog } from './components/SavedQueryDialogs.js';
import { SavedQueryList } from './components/SavedQueryList.js';
import { DropTableDialog, RenameTableDialog } from './components/TableDialogs.js';
import { TableBrowser } from './components/TableBrowser.js';
import { activeTab } from './editor/query-tabs-model.js';
import { QueryTabStrip } from './editor/QueryTabStrip.js';
import { SqlEditor, type SqlEditorHandle } from './editor/SqlEditor.js';
import { countOf, formatCount, formatDuration, lineAndColumn } from './display-format.js';
import type { ColumnRef } from './hooks/useColumnProfile.js';
import { useQueryHistory } from './hooks/useQueryHistory.js';
import { useQuerySession, type QueryFailure } from './hooks/useQuerySession.js';
import { useQueryTabs } from './hooks/useQueryTabs.js';
import { useSavedQueries } from './hooks/useSavedQueries.js';
import { describeSql, useTableAdmin } from './hooks/useTableAdmin.js';
import { useTables } from './hooks/useTables.js';
import { dragHasFile, grantFromDrop } from './import/FilePicker.js';
import { ImportFlow, type DroppedOnScreen } from './import/ImportFlow.js';
import { quoteIdent } from './table-name.js';

function useElapsed(startedAt: number | null): string | null {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (startedAt === null) return;
    const t = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(t);
  }, [startedAt]);
  return startedAt === null ? null : formatDuration(Math.max(0, now - startedAt));
}

const plainIdent = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : quoteIdent(name));

function QueryError({ failure, onShow, onDismiss }: { failure: QueryFailure; onShow: (at: number) => void; onDismiss: () => void }) {
  const { error, sql, editorOffset } = failure;
  if (error.code === 'CANCELLED') {
    return (
      <Banner tone="info" icon="alert" title="Query cancelled" onDismiss={onDismiss} testId="query-cancelled">
        DuckDB stopped the query. Nothing was changed by its last statement.
      </Banner>
    );
  }
  const at = error.position;
  const where = at !== undefined && sql ? lineAndColumn(sql, at) : null;
  return (
    <Banner tone="danger" icon="alert" title={error.code === 'SQL_ERROR' ? 'DuckDB could not run this' : 'The query failed'} onDismiss={onDismiss} testId="query-error">
      <pre className={styles.errorText}>{error.message}</pre>
      {where && at !== undefined && (
        <button type="button" className={styles.errorLink} onClick={() => onShow(editorOffset + at)} data-testid="query-error-position">
          Line {where.line}, column {where.column} — show in editor
        </button>
      )}
    </Banner>
  );
}

export default function AnalysisView({ request }: { request: MenuRequest | null }) {
  const tables = useTables();
  const history = useQueryHistory();
  const reloadTables = tables.reload;
  const reloadHistory = history.reload;
  const afterQuery = useCallback(() => {
    void reloadHistory();
    void reloadTables();
  }, [reloadHistory, reloadTables]);
  const session = useQuerySession(afterQuery);
  // The editor shows the active tab; its text is kept in the profile with the other tabs.
  const tabs = useQueryTabs();
  const saved = useSavedQueries();
  const strip = tabs.state.status === 'ready' ? tabs.state.strip : null;
  const current = strip ? activeTab(strip) : null;
  const sql = current?.sql ?? '';
  const setSql = tabs.setSql;
  const [naming, setNaming] = useState<{ mode: 'save' } | { mode: 'rename'; query: SavedQuery } | null>(null);
  const [deleting, setDeleting] = useState<SavedQuery | null>(null);
  const [savingTab, setSavingTab] = useState(false);
  /** The tab the last run came from: its error marks belong in that tab's text only. */
  const [runTab, setRunTab] = useState<string | null>(null);
  const [side, setSide] = useState<'tables' | 'history' | 'saved' | 'sources'>('tables');
  const sources = useSources();
  /** The saved source open in the work area (with a Refresh asked for from the table list). */
  const [sourceView, setSourceView] = useState<{ name: string; refresh: RefreshRequest | null } | null>(null);
  const [addingSource, setAddingSource] = useState(false);
  const [importing, setImporting] = useState(false);
  const [dropped, setDropped] = useState<DroppedOnScreen | null>(null);
  const [dragging, setDragging] = useState(false);
  const [profiled, setProfiled] = useState<ColumnRef | null>(null);
  const [exporting, setExporting] = useState<{ source: ExportSource; label: string; name: string; scope: string } | null>(null);
  const [managing, setManaging] = useState<{ action: 'rename' | 'drop'; table: TableInfo } | null>(null);
  const admin = useTableAdmin(reloadTables);
  const [handledRequest, setHandledRequest] = useState(0);
  const editorRef = useRef<SqlEditorHandle>(null);
  const elapsed = useElapsed(session.running?.startedAt ?? null);
  const { run, failure } = session;

  /** The import flow from its start (a drop opens it with the dropped file instead). */
  const [importSerial, setImportSerial] = useState(0);
  const openImport = () => {
    setSourceView(null);
    setDropped(null);
    setImporting(true);
    setImportSerial((n) => n + 1);
  };

  const exportResult = () => {
    const shown = session.result;
    if (!shown) return;
    const { view, sort, filters } = shown;
    const applied = [sort.length > 0 && 'sort', filters.length > 0 && `${filters.length === 1 ? 'filter' : 'filters'}`].filter(Boolean).join(' and ');
    const scope = applied
      ? `The rows as the grid shows them: with its ${applied} (${countOf(view.totalRows, 'row')} of ${formatCount(shown.base.totalRows)}).`
      : `All ${countOf(view.totalRows, 'row')} of the result, in the query's order (no sort or filter is applied in the grid).`;
    setExporting({ source: { resultId: view.resultId }, label: `the result (${countOf(view.totalRows, 'row')})`, name: 'result', scope });
  };

  // A menu command is handled once, while rendering (React's way to follow a prop):
  // Import… opens the import flow; Export… exports the result on screen, if any.
  if (request && request.serial !== handledRequest) {
    setHandledRequest(request.serial);
    if (request.command === 'import') openImport();
    else exportResult();
  }

  const tableNames = tables.state.status === 'ready' ? tables.state.tables.map((t) => t.name) : [];

  // SQL from elsewhere (a table's "Query", Describe, the history's "Run again") opens in a
  // tab of its own, or the active one when blank; with every tab taken it still runs.
  const openTab = tabs.open;
  const runText = useCallback(
    (text: string) => {
      openTab({ sql: text });
      setImporting(false);
      setSourceView(null);
      setRunTab(null);
      void run(text);
    },
    [run, openTab],
  );

  const saveTab = async (asNew: boolean) => {
    if (!current || !current.sql.trim()) return;
    if (asNew || !current.savedQueryId) {
      setNaming({ mode: 'save' });
      return;
    }
    setSavingTab(true);
    const done = await saved.update(current.savedQueryId, { sql: current.sql });
    setSavingTab(false);
    if (!done.ok && done.error.code === 'NOT_FOUND') {
      // Deleted meanwhile (another window): save it anew under a name.
      tabs.deletedSaved(current.savedQueryId);
      setNaming({ mode: 'save' });
    }
  };

  const showError = (at: number) => editorRef.current?.showAt(at);

  // A file dropped anywhere on the screen goes to the import's preview.
  const dropTarget = {
    onDragOver: (e: DragEvent) => {
      if (!dragHasFile(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (e: DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      if (!dragHasFile(e.dataTransfer)) return;
      e.preventDefault();
      setDragging(false);
      void grantFromDrop(e.dataTransfer).then((file) => {
        setDropped((d) => ({ file, serial: (d?.serial ?? 0) + 1 }));
        setImporting(true);
      });
    },
  };

  const editorError = useMemo(
    () =>
      failure && failure.error.position !== undefined && failure.sql
        ? { at: failure.editorOffset + failure.error.position, message: failure.error.message }
        : null,
    [failure],
  );
  const tableList = useMemo(() => (tables.state.status === 'ready' ? tables.state.tables : []), [tables.state]);
  const sourceList = sources.state.status === 'ready' ? sources.state.sources : [];
  const sourcedList = sources.state.status === 'ready' ? sources.state.sourced : [];
  const openSource = sourceView ? sourceList.find((s) => s.name.toLowerCase() === sourceView.name.toLowerCase()) : undefined;
  const showSource = (name: string, refresh: string | null = null) => {
    setImporting(false);
    setSourceView((v) => ({ name, refresh: refresh === null ? null : { table: refresh, serial: (v?.refresh?.serial ?? 0) + 1 } }));
  };
  const reloadSources = sources.reload;
  const afterSourceImport = useCallback(async () => {
    await Promise.all([reloadTables(), reloadSources()]);
  }, [reloadTables, reloadSources]);

  return (
    <div className={`${styles.view} ${dragging ? styles.dragging : ''}`} data-testid="section-analysis" {...dropTarget}>
      {dragging && (
        <div className={styles.dropOverlay} aria-hidden="true" data-testid="analysis-drop-overlay">
          Drop to preview and import
        </div>
      )}
      <aside className={styles.side} aria-label="Tables and history">
        <div className={styles.sideHead}>
          <div className={styles.sideTabs} role="tablist" aria-label="Browse">
            <button type="button" role="tab" aria-selected={side === 'tables'} className={styles.sideTab} onClick={() => setSide('tables')} data-testid="side-tables">
              Tables
              {tables.state.status === 'ready' && <span className={styles.count}>{tables.state.tables.length}</span>}
            </button>
            <button type="button" role="tab" aria-selected={side === 'history'} className={styles.sideTab} onClick={() => setSide('history')} data-testid="side-history">
              History
            </button>
            <button type="button" role="tab" aria-selected={side === 'saved'} className={styles.sideTab} onClick={() => setSide('saved')} data-testid="side-saved">
              Saved
            </button>
            <button type="button" role="tab" aria-selected={side === 'sources'} className={styles.sideTab} onClick={() => setSide('sources')} data-testid="side-sources">
              Databases
            </button>
          </div>
        </div>
        <div className={styles.sideBody}>
          {side === 'tables' ? (
            <TableBrowser
              state={tables.state}
              profiled={profiled}
              onQuery={(t: TableInfo) => runText(`SELECT * FROM ${t.schema === 'main' ? '' : `${plainIdent(t.schema)}.`}${plainIdent(t.name)}`)}
              onExport={(t) =>
                setExporting({
                  source: { table: t.name },
                  label: `${t.kind === 'view' ? 'view' : 'table'} ${t.name}`,
                  name: t.name,
                  scope: `The whole ${t.kind === 'view' ? 'view' : 'table'}${t.rowCount !== null ? ` (${countOf(t.rowCount, 'row')})` : ''} as stored: the result grid's sort and filters do not apply.`,
                })
              }
              onDescribe={(t) => runText(describeSql(t))}
              onRename={(t) => setManaging({ action: 'rename', table: t })}
              onDrop={(t) => setManaging({ action: 'drop', table: t })}
              onProfile={setProfiled}
              onImport={openImport}
              extra={(t) => {
                const from = t.schema === 'main' ? sourcedList.find((x) => x.table.toLowerCase() === t.name.toLowerCase()) : undefined;
                return from ? <SourcedTableNote sourced={from} onOpenSource={() => showSource(from.source)} onRefresh={() => showSource(from.source, from.table)} /> : null;
              }}
            />
          ) : side === 'sources' ? (
            <SourceList state={sources.state} selected={openSource?.name ?? null} onSelect={(s) => showSource(s.name)} onAdd={() => setAddingSource(true)} />
          ) : side === 'history' ? (
            <HistoryList
              state={history.state}
              search={history.search}
              onSearch={history.setSearch}
              onOpen={(e: QueryHistoryEntry) => {
                openTab({ sql: e.sql });
                setImporting(false);
              }}
              onRerun={(e) => runText(e.sql)}
            />
          ) : (
            <SavedQueryList
              state={saved.state}
              search={saved.search}
              onSearch={saved.setSearch}
              onOpen={(q) => {
                openTab({ sql: q.sql, title: q.name, savedQueryId: q.id });
                setImporting(false);
              }}
              onRename={(q) => setNaming({ mode: 'rename', query: q })}
              onDelete={setDeleting}
            />
          )}
        </div>
        <div className={styles.sideFoot}>
          {side === 'sources' ? (
            <Button fullWidth variant="primary" onClick={() => setAddingSource(true)} data-testid="add-source">
              Add a database…
            </Button>
          ) : (
            <Button fullWidth variant={importing ? 'secondary' : 'primary'} onClick={openImport} data-testid="open-import">
              Import a file…
            </Button>
          )}
        </div>
      </aside>

      <div className={styles.work}>
        {importing ? (
          <ImportFlow
            dropped={dropped}
            existingTables={tableNames}
            restart={importSerial}
            onImported={reloadTables}
            onQueryTable={(t) => runText(`SELECT * FROM ${plainIdent(t)}`)}
            onClose={() => setImporting(false)}
          />
        ) : openSource ? (
          <SourceWorkspace
            key={openSource.name}
            source={openSource}
            sourced={sourcedList.filter((t) => t.source.toLowerCase() === openSource.name.toLowerCase())}
            existingTables={tableNames}
            refresh={sourceView?.refresh ?? null}
            onImported={afterSourceImport}
            onQueryTable={(t) => runText(`SELECT * FROM ${plainIdent(t)}`)}
            onRemove={async () => {
              const done = await sources.remove(openSource.name);
              if (done.ok) setSourceView(null);
              return done;
            }}
            onChangePassword={(password) => sources.changePassword(openSource, password)}
            onClose={() => setSourceView(null)}
          />
        ) : !strip || !current ? (
          <div className={styles.resultEmpty}>
            <Spinner size={20} label="Opening your query tabs" />
          </div>
        ) : (
          <>
            <QueryTabStrip
              tabs={strip.tabs}
              activeTabId={strip.activeTabId}
              onSelect={tabs.select}
              onAdd={tabs.add}
              onClose={tabs.close}
              onSave={(asNew) => void saveTab(asNew)}
              saving={savingTab}
              full={tabs.full}
              onDismissFull={tabs.dismissFull}
              saveError={tabs.saveError?.message ?? null}
            />
            <AskBox onSql={setSql} failure={runTab === current.id ? failure : null} />
            <SqlEditor
              // One editor per tab: its undo history is that tab's own.
              key={current.id}
              value={sql}
              onChange={setSql}
              onSave={() => void saveTab(false)}
              onRun={(text, offset) => {
                setRunTab(current.id);
                void run(text, offset);
              }}
              onCancel={() => void session.cancel()}
              running={session.running?.kind === 'query'}
              error={runTab === current.id ? editorError : null}
              elapsed={elapsed}
              tables={tableList}
              handle={editorRef}
            />
            {failure && <QueryError failure={failure} onShow={showError} onDismiss={session.dismissFailure} />}
            {session.result ? (
              <ResultPanel
                shown={session.result}
                busy={session.running !== null}
                onSortFilter={(sort, filters, group) => session.result && void session.sortFilter(session.result, sort, filters, group)}
                onExport={exportResult}
                onClear={session.clearResult}
              />
            ) : session.running ? (
              <div className={styles.resultEmpty} aria-live="polite">
                <Spinner size={20} label="Running query" />
                <span>Running… {elapsed}</span>
                <Button size="small" onClick={() => void session.cancel()}>
                  Cancel
                </Button>
              </div>
            ) : (
              <div className={styles.resultEmpty} data-testid="result-placeholder">
                <strong>Results appear here</strong>
                <span>
                  Write SQL above and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd>. Every row is reachable: results are paged, never cut off.
                </span>
              </div>
            )}
          </>
        )}
      </div>

      {addingSource && (
        <AddSourceDialog
          taken={sourceList.map((s) => s.name)}
          onAdd={sources.add}
          onAdded={(s) => {
            setAddingSource(false);
            setSide('sources');
            showSource(s.name);
          }}
          onClose={() => setAddingSource(false)}
        />
      )}
      {profiled && <ColumnProfilePanel target={profiled} onClose={() => setProfiled(null)} />}
      {exporting && (
        <ExportDialog
          source={exporting.source}
          label={exporting.label}
          suggestedName={exporting.name}
          scope={exporting.scope}
          onClose={() => setExporting(null)}
        />
      )}
      {managing?.action === 'rename' && (
        <RenameTableDialog
          table={managing.table}
          taken={tableNames}
          onRename={(to) => admin.rename(managing.table, to)}
          onClose={() => setManaging(null)}
        />
      )}
      {naming && current && (
        <SavedQueryNameDialog
          title={naming.mode === 'save' ? 'Save query' : `Rename “${naming.query.name}”`}
          initial={naming.mode === 'rename' ? naming.query.name : /^Query \d+$/.test(current.title) ? '' : current.savedQueryId ? `${current.title} copy` : current.title}
          action={naming.mode === 'save' ? 'Save' : 'Rename'}
          onSubmit={async (name) => {
            if (naming.mode === 'save') {
              const done = await saved.create(name, current.sql);
              if (done.ok) tabs.linkActive(done.value);
              return done;
            }
            const done = await saved.update(naming.query.id, { name });
            if (done.ok) tabs.renamedSaved(done.value);
            return done;
          }}
          onClose={() => setNaming(null)}
        />
      )}
      {deleting && (
        <DeleteSavedQueryDialog
          name={deleting.name}
          onDelete={async () => {
            const done = await saved.remove(deleting.id);
            if (done.ok || done.error.code === 'NOT_FOUND') tabs.deletedSaved(deleting.id);
            return done;
          }}
          onClose={() => setDeleting(null)}
        />
      )}
      {managing?.action === 'drop' && (
        <DropTableDialog table={managing.table} onDrop={() => admin.drop(managing.table)} onClose={() => setManaging(null)} />
      )}
    </div>
  );
}
