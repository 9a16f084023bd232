// The result of the last query: status line, grid or chart, sort and filter chips with
// the SQL they generate, and a detail panel for one cell.
import { useCallback, useState } from 'react';
import type { GridSelection } from '../../../../shared/analysis/grid-selection.js';
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from '../../../../shared/analysis/number-format.js';
import type { ResultFilter, ResultGrouping, ResultSort } from '../../../../shared/analysis/analytics.js';
import { Button } from '../../../components/Button.js';
import { Spinner } from '../../../components/Spinner.js';
import { dateFormat } from '../../../format/locale.js';
import { ChartPanel } from '../chart/ChartPanel.js';
import { countOf, formatCount, formatDuration } from '../display-format.js';
import { GridToolbar } from '../grid/GridToolbar.js';
import { GroupMenu } from '../grid/GroupMenu.js';
import { useColumnLayout } from '../grid/useColumnLayout.js';
import { useGridCopy } from '../grid/useGridCopy.js';
import type { ShownResult } from '../hooks/useQuerySession.js';
import { useRowPages } from '../hooks/useRowPages.js';
import { CellDetail } from './CellDetail.js';
import styles from './ResultPanel.module.css';
import { ResultGrid } from './ResultGrid.js';

const OP_TEXT: Record<ResultFilter['op'], string> = {
  '=': '=',
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
  contains: 'contains',
  starts_with: 'starts with',
  is_null: 'is NULL',
  is_not_null: 'is not NULL',
};

interface ResultPanelProps {
  shown: ShownResult;
  busy: boolean;
  onSortFilter: (sort: ResultSort[], filters: ResultFilter[], group?: ResultGrouping | null) => void;
  onExport: () => void;
  /** Takes a stale result off the screen. */
  onClear: () => void;
}

// The viewer's locale and 12/24-hour choice, like every time on screen.
const clock = (ms: number) => dateFormat({ hour: '2-digit', minute: '2-digit' }).format(ms);

function nextSort(sort: ResultSort[], column: string, additive: boolean): ResultSort[] {
  const current = sort.find((s) => s.column === column);
  const cycled: ResultSort | null = !current
    ? { column, direction: 'asc' }
    : current.direction === 'asc'
      ? { column, direction: 'desc' }
      : null;
  if (!additive) return cycled ? [cycled] : [];
  if (!current) return [...sort, cycled!];
  return cycled ? sort.map((s) => (s.column === column ? cycled : s)) : sort.filter((s) => s.column !== column);
}

/** Filters that pick the rows of one group: its value in each group column. */
function groupFilters(group: ResultGrouping, view: ShownResult['view'], cellAt: (col: number) => ReturnType<ReturnType<typeof useRowPages>['cell']>): ResultFilter[] | null {
  const out: ResultFilter[] = [];
  for (const name of group.columns) {
    const j = view.columns.findIndex((c) => c.name === name);
    const cell = j < 0 ? undefined : cellAt(j);
    if (cell === undefined || Array.isArray(cell)) return null; // not loaded, or a nested value no filter can name
    out.push(cell === null ? { column: name, op: 'is_null' } : { column: name, op: '=', value: String(cell) });
  }
  return out;
}

export function ResultPanel({ shown, busy, onSortFilter: change, onExport, onClear }: ResultPanelProps) {
  const { view, base, sort, filters } = shown;
  const group = shown.group ?? null;
  /** Sorting and filtering keep the grouping unless told otherwise. */
  const onSortFilter = (nextSortList: ResultSort[], nextFilters: ResultFilter[], nextGroup: ResultGrouping | null = group) => change(nextSortList, nextFilters, nextGroup);
  // The grouped view a group was expanded from, to go back to.
  const [expandedFrom, setExpandedFrom] = useState<{ sort: ResultSort[]; filters: ResultFilter[]; group: ResultGrouping } | null>(null);
  const pages = useRowPages(view);
  const [tab, setTab] = useState<'grid' | 'chart'>('grid');
  const [selection, setSelection] = useState<GridSelection | null>(null);
  const [detail, setDetail] = useState(false);
  // Per result, as the layout is: a new result starts with its own columns.
  const layout = useColumnLayout(view.columns);
  const [numberFormat, setNumberFormat] = useState<NumberFormat>(DEFAULT_NUMBER_FORMAT);
  const [wrap, setWrap] = useState(false);
  const gridCopy = useGridCopy(view, pages, layout.display);
  const { copy } = gridCopy;
  const [selectionFor, setSelectionFor] = useState(view.resultId);
  if (selectionFor !== view.resultId) {
    setSelectionFor(view.resultId);
    setSelection(null);
  }
  const [inView, setInView] = useState<[number, number]>([0, 0]);
  const onViewRows = useCallback((first: number, last: number) => setInView([first, last]), []);
  const derived = view !== base;
  const isQuery = view.columns.length > 0;

  // The inspector shows the selection's focus cell (a data column, whatever the display order).
  const focusCol = selection ? layout.display[selection.focus.col] : undefined;
  const selected = selection && focusCol !== undefined ? { row: selection.focus.row, col: focusCol } : null;
  const selectedCell = selected && detail ? pages.cell(selected.row, selected.col) : undefined;

  return (
    <section className={styles.panel} aria-label="Result" data-testid="result-panel">
      <div className={styles.bar}>
        <div className={styles.tabs} role="tablist" aria-label="Result view">
          <button type="button" role="tab" aria-selected={tab === 'grid'} className={styles.tab} onClick={() => setTab('grid')} data-testid="tab-grid">
            Table
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'chart'}
            className={styles.tab}
            onClick={() => setTab('chart')}
            disabled={!isQuery}
            data-testid="tab-chart"
          >
            Chart
          </button>
        </div>
        {/* Each figure is kept whole: a narrow bar wraps between figures, never cuts one. */}
        <span className={styles.stats} data-testid="result-stats">
          <span className={styles.figure}>
            {/* A streamed result shows its first page while the core still counts the rest. */}
            <strong data-testid="result-total">{view.counting ? 'counting…' : formatCount(view.totalRows)}</strong>{' '}
            {!view.counting && view.totalRows === 1 ? 'row' : 'rows'}
            {derived && ` of ${formatCount(base.totalRows)}`}
          </span>
          <span className={styles.figure}>{countOf(view.columns.length, 'column')}</span>
          <span className={styles.figure}>{formatDuration(view.durationMs)}</span>
          {base.statementCount > 1 && <span className={styles.figure}>{countOf(base.statementCount, 'statement')}</span>}
          {base.rowsChanged !== null && <span className={styles.figure}>{countOf(base.rowsChanged, 'row')} changed</span>}
        </span>
        {busy && <Spinner size={14} label="Sorting and filtering" />}
        <span className={styles.spacer} />
        {tab === 'grid' && view.totalRows > 0 && (
          <span className={styles.range} data-testid="result-range">
            rows {formatCount(inView[0] + 1)}–{formatCount(inView[1] + 1)}
          </span>
        )}
        <Button size="small" onClick={onExport} disabled={!isQuery} data-testid="export-result">
          Export…
        </Button>
      </div>

      {shown.stale && (
        <div className={styles.staleNote} role="status" data-testid="result-stale">
          <span>
            Results of the previous run, <time dateTime={new Date(shown.ranAt).toISOString()}>{clock(shown.ranAt)}</time>. The last query{' '}
            {shown.stale === 'cancelled' ? 'was cancelled' : 'failed'}.
          </span>
          <button type="button" className={styles.clear} onClick={onClear} data-testid="result-clear">
            Clear results
          </button>
        </div>
      )}

      {tab === 'grid' && isQuery && (
        <div className={styles.gridTools}>
          {expandedFrom && !group && (
            <button
              type="button"
              className={styles.back}
              onClick={() => {
                setExpandedFrom(null);
                onSortFilter(expandedFrom.sort, expandedFrom.filters, expandedFrom.group);
              }}
              data-testid="back-to-groups"
            >
              ← Back to the groups
            </button>
          )}
          {group && !group.pivot && <span className={styles.hint}>Double-click a group, or select it and press Enter, to see its rows</span>}
          <GroupMenu
            columns={base.columns}
            group={group}
            onGroup={(g) => {
              setExpandedFrom(null);
              onSortFilter([], filters, g);
            }}
          />
          <GridToolbar
            columns={view.columns}
            layout={layout}
            numberFormat={numberFormat}
            onNumberFormat={setNumberFormat}
            wrap={wrap}
            onWrap={setWrap}
            canCopy={selection !== null && view.totalRows > 0}
            onCopy={(format) => void copy(selection, format)}
          />
        </div>
      )}
      {tab === 'grid' && isQuery && gridCopy.status && (
        // A line of its own: "Copied 1,000 rows × 12 columns as Markdown" is never cut short beside the buttons.
        <div className={`${styles.copyNote} ${gridCopy.status.state === 'error' ? styles.copyNoteError : ''}`}>
          <span role="status" data-testid="copy-status">
            {gridCopy.status.text}
          </span>
          <button type="button" className={styles.clear} onClick={gridCopy.clearStatus} aria-label="Dismiss" data-testid="copy-status-dismiss">
            ✕
          </button>
        </div>
      )}
      {(sort.length > 0 || filters.length > 0) && (
        <div className={styles.chips}>
          {sort.map((s) => (
            <span key={`s-${s.column}`} className={styles.chip}>
              sorted by <code>{s.column}</code> {s.direction === 'asc' ? '↑' : '↓'}
              <button type="button" className={styles.chipRemove} aria-label={`Remove sort by ${s.column}`} onClick={() => onSortFilter(sort.filter((x) => x !== s), filters)}>
                ✕
              </button>
            </span>
          ))}
          {filters.map((f, i) => (
            <span key={`f-${i}`} className={styles.chip}>
              <code>{f.column}</code> {OP_TEXT[f.op]} {f.value !== undefined && <code>{f.value}</code>}
              <button type="button" className={styles.chipRemove} aria-label={`Remove filter on ${f.column}`} onClick={() => onSortFilter(sort, filters.filter((x) => x !== f))}>
                ✕
              </button>
            </span>
          ))}
          <button type="button" className={styles.clear} onClick={() => onSortFilter([], [], null)}>
            Clear all
          </button>
        </div>
      )}
      {derived && (
        <details className={styles.generated} open>
          <summary>Generated SQL</summary>
          <pre data-testid="generated-sql">{view.sql}</pre>
        </details>
      )}

      <div className={`${styles.body} ${shown.stale ? styles.staleBody : ''}`} aria-disabled={shown.stale ? true : undefined}>
        {tab === 'grid' ? (
          <>
            <ResultGrid
              key={view.resultId}
              info={view}
              pages={pages}
              sort={sort}
              busy={busy}
              layout={layout}
              numberFormat={numberFormat}
              wrap={wrap}
              selection={selection}
              onSelection={setSelection}
              onCopy={() => void copy(selection, 'tsv')}
              onOpenCell={(cell) => {
                // In a grouped view, opening a row expands its group into the rows behind it.
                if (group && !group.pivot) {
                  const picked = groupFilters(group, view, (j) => pages.cell(cell.row, j));
                  if (picked) {
                    setExpandedFrom({ sort, filters, group });
                    onSortFilter([], [...filters, ...picked], null);
                    return;
                  }
                }
                const at = layout.display.indexOf(cell.col);
                if (at >= 0) setSelection({ kind: 'cells', anchor: { row: cell.row, col: at }, focus: { row: cell.row, col: at } });
                setDetail(true);
              }}
              onSort={(column, additive) => onSortFilter(nextSort(sort, column, additive), filters)}
              onFilter={(f) => onSortFilter(sort, [...filters.filter((x) => x.column !== f.column || x.op !== f.op), f])}
              onViewRows={onViewRows}
            />
            {detail && selected && view.columns[selected.col] && (
              <CellDetail
                column={view.columns[selected.col]!}
                row={selected.row}
                cell={selectedCell}
                timeZone={view.timeZone}
                onClose={() => setDetail(false)}
              />
            )}
          </>
        ) : (
          <ChartPanel key={view.resultId} info={view} />
        )}
      </div>
    </section>
  );
}
