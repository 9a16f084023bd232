// The Analysis section: tables and history on the left, the SQL editor and its result
// (grid or chart) in the middle, a column's profile on the right; importing takes the
// middle while it runs. Loaded lazily: none of this is in the initial bundle.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { MenuRequest } from './menu-request.js';
import type { ExportSource, QueryHistoryEntry, TableInfo } from '../../../shared/analytics.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { Spinner } from '../../components/Spinner.js';
import styles from './AnalysisView.module.css';
import { ColumnProfilePanel } from './components/ColumnProfilePanel.js';
import { ExportDialog } from './components/ExportDialog.js';
import { HistoryList } from './components/HistoryList.js';
import { ResultPanel } from './components/ResultPanel.js';
import { DropTableDialog, RenameTableDialog } from './components/TableDialogs.js';
import { TableBrowser } from './components/TableBrowser.js';
import { SqlEditor, type SqlEditorHandle } from './editor/SqlEditor.js';
import { countOf, formatCount, formatDuration, lineAndColumn } from './display-format.js';
import type { ColumnRef } from './hooks/useColumnProfile.js';
import { useQueryHistory } from './hooks/useQueryHistory.js';
import { useQuerySession, type QueryFailure } from './hooks/useQuerySession.js';
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
  const [sql, setSql] = useState('');
  const [side, setSide] = useState<'tables' | 'history'>('tables');
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

  const runText = useCallback(
    (text: string) => {
      setSql(text);
      setImporting(false);
      void run(text);
    },
    [run],
  );

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
            />
          ) : (
            <HistoryList
              state={history.state}
              onOpen={(e: QueryHistoryEntry) => {
                setSql(e.sql);
                setImporting(false);
              }}
              onRerun={(e) => runText(e.sql)}
            />
          )}
        </div>
        <div className={styles.sideFoot}>
          <Button fullWidth variant={importing ? 'secondary' : 'primary'} onClick={openImport} data-testid="open-import">
            Import a file…
          </Button>
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
        ) : (
          <>
            <SqlEditor
              value={sql}
              onChange={setSql}
              onRun={(text, offset) => void run(text, offset)}
              onCancel={() => void session.cancel()}
              running={session.running?.kind === 'query'}
              error={editorError}
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
      {managing?.action === 'drop' && (
        <DropTableDialog table={managing.table} onDrop={() => admin.drop(managing.table)} onClose={() => setManaging(null)} />
      )}
    </div>
  );
}
