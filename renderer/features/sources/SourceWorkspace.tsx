// One saved source in the analysis space's work area: choose a table (or write a query),
// see its first 100 rows as the import will type them, import them into a named table
// (replacing or appending when the name is taken) with progress and Cancel, and refresh
// the tables imported from it. Failures say what happened (a wrong password, a server
// that cannot be reached) and what to do.
import { useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import type { SourceImportOutcome, SourceInfo, SourcedTable } from '../../../shared/sources/sources.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { RadioChoices } from '../../components/RadioChoices.js';
import type { Choice } from '../../components/Select.js';
import { Spinner } from '../../components/Spinner.js';
import { countOf, formatClock } from '../analysis/display-format.js';
import { ImportDone } from '../analysis/import/ImportDone.js';
import importStyles from '../analysis/import/Import.module.css';
import { sanitizeTableName } from '../analysis/table-name.js';
import { ChangePasswordDialog, RemoveSourceDialog } from './SourceDialogs.js';
import { KindTag } from './SourceList.js';
import { SourceImportProgress } from './SourceImportProgress.js';
import { SourcePicker, tableKey } from './SourcePicker.js';
import { SourcePreviewTable } from './SourcePreviewTable.js';
import { sourceErrorHint, sourceErrorTitle } from './source-errors.js';
import type { Selection } from './sources-api.js';
import { useSourceImport } from './useSourceImport.js';
import { useSourcePreview, useSourceTables } from './useSourcePreview.js';
import styles from './Sources.module.css';

/** A Refresh asked for from elsewhere (the table list); a new serial is a new request. */
export interface RefreshRequest {
  table: string;
  serial: number;
}

interface SourceWorkspaceProps {
  source: SourceInfo;
  /** Tables imported from this source. */
  sourced: SourcedTable[];
  existingTables: string[];
  refresh: RefreshRequest | null;
  onImported: () => Promise<void>;
  onQueryTable: (table: string) => void;
  onRemove: () => Promise<Result<null>>;
  onChangePassword: (password: string) => Promise<Result<SourceInfo>>;
  onClose: () => void;
}

type Conflict = 'replace' | 'append';

const CONFLICT_CHOICES: Choice<Conflict>[] = [
  { value: 'replace', label: 'Replace it (all or nothing)' },
  { value: 'append', label: 'Append the rows' },
];

type Done = { verb: 'Imported' | 'Refreshed'; outcome: SourceImportOutcome };

export const describeSelection = (s: Selection) => ('sql' in s ? 'a query' : `${s.schema ? `${s.schema}.` : ''}${s.table}`);

function SourceErrorBanner({ error, onChangePassword, onRetry, onDismiss }: { error: AppError; onChangePassword?: () => void; onRetry?: () => void; onDismiss?: () => void }) {
  return (
    <Banner tone={error.code === 'CANCELLED' ? 'info' : 'danger'} icon="alert" title={sourceErrorTitle(error)} {...(onDismiss ? { onDismiss } : {})} testId="source-error">
      <p className={styles.errorText} data-testid="source-error-code">
        {/* A refused password needs no more than the hint; other messages carry the server's own words. */}
        {error.code === 'SOURCE_AUTH_FAILED' || error.code === 'CANCELLED' ? '' : `${error.message} `}
        {sourceErrorHint(error) ?? ''}
      </p>
      {(onChangePassword || onRetry) && (
        <div className={styles.bannerActions}>
          {onChangePassword && error.code === 'SOURCE_AUTH_FAILED' && (
            <Button size="small" onClick={onChangePassword} data-testid="source-error-change-password">
              Change password…
            </Button>
          )}
          {onRetry && (
            <Button size="small" variant="ghost" onClick={onRetry}>
              Try again
            </Button>
          )}
        </div>
      )}
    </Banner>
  );
}

export function SourceWorkspace({ source, sourced, existingTables, refresh, onImported, onQueryTable, onRemove, onChangePassword, onClose }: SourceWorkspaceProps) {
  const [browseSerial, setBrowseSerial] = useState(0);
  const browse = useSourceTables(source.name, browseSerial);
  const preview = useSourcePreview(source.name);
  const [mode, setMode] = useState<'table' | 'query'>('table');
  const [query, setQuery] = useState('');
  const [table, setTable] = useState('');
  const [conflict, setConflict] = useState<Conflict>('replace');
  const [done, setDone] = useState<Done | null>(null);
  const [importError, setImportError] = useState<AppError | null>(null);
  const [dialog, setDialog] = useState<'remove' | 'password' | null>(null);
  const handledRefresh = useRef(0);
  const runner = useSourceImport();
  const { running } = runner;

  const chosen = preview.state.status === 'idle' ? null : preview.state.selection;
  const shown = preview.state.status === 'ready' ? preview.state.preview : null;
  const chosenTable = chosen && 'table' in chosen && browse.status === 'ready' ? browse.tables.find((t) => tableKey(t) === tableKey({ schema: chosen.schema, name: chosen.table })) : undefined;
  const target = sanitizeTableName(table);
  const taken = existingTables.some((t) => t.toLowerCase() === target.toLowerCase());

  const choose = (selection: Selection) => {
    setDone(null);
    setImportError(null);
    setTable(sanitizeTableName('sql' in selection ? `${source.name}_query` : selection.table));
    void preview.load(selection);
  };

  const finish = async (verb: Done['verb'], r: Result<SourceImportOutcome>) => {
    if (!r.ok) return setImportError(r.error);
    await onImported();
    setDone({ verb, outcome: r.value });
  };

  const runImport = async () => {
    if (!chosen) return;
    setImportError(null);
    setDone(null);
    const r = await runner.start({ kind: 'import', input: { source: source.name, from: chosen, table: target, onConflict: taken ? conflict : 'error' } });
    await finish('Imported', r);
  };

  const runRefresh = async (name: string) => {
    setImportError(null);
    setDone(null);
    await finish('Refreshed', await runner.start({ kind: 'refresh', table: name }));
  };

  // A Refresh from the table list starts here, where its progress and Cancel show.
  useEffect(() => {
    if (refresh && refresh.serial !== handledRefresh.current && !running) {
      handledRefresh.current = refresh.serial;
      void runRefresh(refresh.table);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request starts a refresh
  }, [refresh]);

  const shownRows = chosenTable?.rows ?? null;
  // A SQLite file's counts are exact (it counts its tables); a server's are estimates.
  const about = source.kind === 'sqlite' ? '' : 'about ';
  const rowsText = shown && shown.page.rowCount < 100 ? countOf(shown.page.rowCount, 'row') : shownRows !== null ? `${about}${countOf(shownRows, 'row')}` : 'every row';
  const action = !taken ? `Import ${rowsText} into ${target}` : conflict === 'replace' ? `Replace ${target} with ${rowsText}` : `Append ${rowsText} to ${target}`;

  return (
    <section className={styles.workspace} aria-labelledby="source-title" data-testid="source-workspace">
      <header className={styles.workHead}>
        <div className={styles.workTitleBox}>
          <div className={styles.workTitleRow}>
            <h2 id="source-title" className={styles.workTitle}>
              {source.name}
            </h2>
            <KindTag kind={source.kind} />
          </div>
          <span className={styles.workUrl} title={source.url} data-testid="source-url">
            {source.url}
          </span>
        </div>
        <div className={styles.workActions}>
          {source.kind !== 'sqlite' && (
            <Button size="small" variant="ghost" onClick={() => setDialog('password')} disabled={!!running} data-testid="source-change-password">
              Change password…
            </Button>
          )}
          <Button size="small" variant="ghost" onClick={() => setDialog('remove')} disabled={!!running} data-testid="source-remove">
            Remove…
          </Button>
          <Button size="small" variant="ghost" onClick={onClose} disabled={!!running} data-testid="source-close">
            Close
          </Button>
        </div>
      </header>

      {browse.status === 'error' && (
        <div className={styles.bannerWrap}>
          <SourceErrorBanner error={browse.error} onChangePassword={() => setDialog('password')} onRetry={() => setBrowseSerial((n) => n + 1)} />
        </div>
      )}

      <div className={styles.workBody}>
        <SourcePicker
          browse={browse}
          chosen={chosen}
          query={query}
          mode={mode}
          onMode={setMode}
          onQuery={setQuery}
          onChoose={choose}
          exactCounts={source.kind === 'sqlite'}
          disabled={!!running}
        />
        <div className={styles.previewPane}>
          {running ? (
            <SourceImportProgress running={running} verb={running.kind === 'refresh' ? 'Refreshing' : 'Importing into'} onCancel={() => void runner.cancel()} />
          ) : done ? (
            <ImportDone
              verb={done.verb}
              rows={done.outcome.rows}
              table={done.outcome.table}
              backLabel={chosen ? 'Back to the preview' : 'Choose a table'}
              onBack={() => setDone(null)}
              onQueryTable={onQueryTable}
              testId="source-import-done"
              queryTestId="source-query-table"
            >
              {done.outcome.notes.length > 0 && (
                <ul className={styles.notes}>
                  {done.outcome.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </ImportDone>
          ) : (
            <>
              {importError && <SourceErrorBanner error={importError} onChangePassword={() => setDialog('password')} onDismiss={() => setImportError(null)} />}
              {preview.state.status === 'idle' ? (
                <div className={styles.previewEmpty} data-testid="source-preview-empty">
                  <strong>{mode === 'query' ? 'Write a query on the left' : 'Choose a table on the left'}</strong>
                  <span>You will see its first 100 rows, with each column’s type in the source and in Enclave, before anything is imported.</span>
                </div>
              ) : preview.state.status === 'loading' ? (
                <div className={styles.previewEmpty}>
                  <Spinner size={18} label="Reading the first rows" />
                  <span>Reading the first rows of {describeSelection(preview.state.selection)}…</span>
                </div>
              ) : preview.state.status === 'error' ? (
                <SourceErrorBanner error={preview.state.error} onChangePassword={() => setDialog('password')} />
              ) : (
                shown && (
                  <>
                    <div className={styles.previewCaption} data-testid="source-preview-caption">
                      {describeSelection(preview.state.selection)} ·{' '}
                      {shown.page.rowCount < 100 ? `all ${countOf(shown.page.rowCount, 'row')}` : `the first 100 rows${shownRows !== null ? ` of ${about}${countOf(shownRows, 'row').replace(/ rows?$/, '')}` : ''}`} ·{' '}
                      {countOf(shown.columns.length, 'column')}
                    </div>
                    {shown.notes.length > 0 && (
                      <div className={styles.notesBox} role="note" data-testid="source-preview-notes">
                        <strong>Not every type fits exactly:</strong>
                        <ul className={styles.notes}>
                          {shown.notes.map((n) => (
                            <li key={n}>{n}</li>
                          ))}
                        </ul>
                      </div>
                    )}
                    <SourcePreviewTable preview={shown} />
                    <form
                      className={styles.target}
                      onSubmit={(e) => {
                        e.preventDefault();
                        void runImport();
                      }}
                    >
                      <label className={styles.targetName}>
                        <span className={importStyles.label}>Import into table</span>
                        <input
                          className={styles.targetInput}
                          value={table}
                          onChange={(e) => setTable(e.target.value)}
                          onBlur={() => setTable(target)}
                          spellCheck={false}
                          data-testid="source-table-name"
                        />
                      </label>
                      {taken && (
                        <fieldset className={styles.conflict} data-testid="source-conflict">
                          <legend className={importStyles.label}>A table named {target} exists</legend>
                          <RadioChoices
                            name="source-conflict"
                            value={conflict}
                            options={CONFLICT_CHOICES}
                            onChange={setConflict}
                            className={styles.radio}
                            testIdPrefix="source-conflict"
                          />
                        </fieldset>
                      )}
                      <Button type="submit" variant="primary" data-testid="source-import-submit">
                        {action}
                      </Button>
                    </form>
                  </>
                )
              )}
            </>
          )}
        </div>
      </div>

      {sourced.length > 0 && (
        <footer className={styles.sourcedFoot}>
          <span className={styles.sourcedTitle}>Imported from {source.name}</span>
          <ul className={styles.sourcedList} data-testid="sourced-tables">
            {sourced.map((t) => (
              <li key={t.table} className={styles.sourcedItem}>
                <code>{t.table}</code>
                <span className={styles.dim}>
                  {describeSelection(t.selection)} · {countOf(t.rows, 'row')} · {formatClock(t.importedAt)}
                </span>
                <Button size="small" variant="ghost" onClick={() => void runRefresh(t.table)} disabled={!!running} data-testid={`sourced-refresh-${t.table}`}>
                  Refresh
                </Button>
              </li>
            ))}
          </ul>
        </footer>
      )}

      {dialog === 'remove' && <RemoveSourceDialog source={source} sourced={sourced} onRemove={onRemove} onClose={() => setDialog(null)} />}
      {dialog === 'password' && (
        <ChangePasswordDialog
          source={source}
          onSave={onChangePassword}
          onSaved={() => {
            setDialog(null);
            setBrowseSerial((n) => n + 1);
            if (chosen) void preview.load(chosen);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
