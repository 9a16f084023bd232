// Importing a file into a new table: choose → preview and adjust → import with
// progress and Cancel → rejected rows (import the good ones, or fix and retry) → done.
import { useEffect, useState } from 'react';
import type { ImportOutcome, RejectSummary } from '../../../../shared/analysis/analytics.js';
import type { FileGrant } from '../../../../shared/files/file-grants.js';
import { Button } from '../../../components/Button.js';
import { Spinner } from '../../../components/Spinner.js';
import { countOf, formatBytes, formatCount } from '../display-format.js';
import { useImportPreview } from '../hooks/useImportPreview.js';
import { useImportRun, type RunningImport } from '../hooks/useImportRun.js';
import { sanitizeTableName } from '../table-name.js';
import { FilePicker, NO_DROPPED_PATH } from './FilePicker.js';
import { ImportDone } from './ImportDone.js';
import { ImportProgressBar } from './ImportProgressBar.js';
import styles from './Import.module.css';
import { ImportSetup, type ImportChoices } from './ImportSetup.js';

interface ImportFlowProps {
  existingTables: string[];
  /** A file dropped anywhere on the analysis screen (null: main granted none); a new serial is a new drop. */
  dropped?: DroppedOnScreen | null;
  /** Refreshes what shows the new table (the sidebar); the done step waits for it. */
  onImported: (table: string) => Promise<void> | void;
  /** A new value (the sidebar's "Import a file…") starts over at the file chooser. */
  restart?: number;
  onQueryTable: (table: string) => void;
  onClose: () => void;
}

export interface DroppedOnScreen {
  file: FileGrant | null;
  serial: number;
}

type Stage =
  | { stage: 'setup' }
  | { stage: 'rejected'; rejected: RejectSummary }
  | { stage: 'finishing'; table: string }
  | { stage: 'done'; table: string; rows: number; rejected: RejectSummary | null };

function Progress({ running }: { running: RunningImport }) {
  const p = running.progress;
  const fraction = p && p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : null;
  return (
    <ImportProgressBar fraction={fraction} startedAt={running.startedAt} testId="import-progress">
      {p ? (
        <>
          {formatBytes(p.bytesRead)} of {formatBytes(p.totalBytes)} · about {countOf(p.rows, 'row')}
        </>
      ) : (
        'Importing…'
      )}
    </ImportProgressBar>
  );
}

function Rejections({ rejected }: { rejected: RejectSummary }) {
  return (
    <>
      <div className={styles.rejectKinds}>
        {Object.entries(rejected.byType).map(([kind, n]) => (
          <span key={kind} className={styles.rejectKind}>
            {kind.toLowerCase()} <strong>{formatCount(n)}</strong>
          </span>
        ))}
      </div>
      {rejected.samples.length > 0 && (
        <table className={styles.rejectTable} data-testid="import-reject-samples">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
              <th scope="col">Row as written</th>
            </tr>
          </thead>
          <tbody>
            {rejected.samples.map((s, i) => (
              <tr key={i}>
                <td>{s.line ?? '—'}</td>
                <td>{s.column ?? '—'}</td>
                <td>{s.message}</td>
                <td>
                  <code>{s.csvLine ?? ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ImportFlow({ existingTables, dropped, onImported, onQueryTable, onClose, restart = 0 }: ImportFlowProps) {
  const [file, setFile] = useState<FileGrant | null>(dropped?.file ?? null);
  const [pickerError, setPickerError] = useState<string | null>(dropped && !dropped.file ? NO_DROPPED_PATH : null);
  const [handledDrop, setHandledDrop] = useState(dropped?.serial ?? 0);
  const [handledRestart, setHandledRestart] = useState(restart);
  const [choices, setChoices] = useState<ImportChoices>({ options: {}, renames: {}, table: '', onConflict: 'rename' });
  const [stage, setStage] = useState<Stage>({ stage: 'setup' });
  const [error, setError] = useState<string | null>(null);
  const { running, start, cancel } = useImportRun();

  const choose = (chosen: FileGrant) => {
    setFile(chosen);
    setPickerError(null);
    setChoices({ options: {}, renames: {}, table: '', onConflict: 'rename' });
    setStage({ stage: 'setup' });
    setError(null);
  };

  // A later drop on the screen starts over with that file (never under a running import),
  // followed while rendering like any prop.
  if (dropped && dropped.serial !== handledDrop && !running) {
    setHandledDrop(dropped.serial);
    if (dropped.file) choose(dropped.file);
    else {
      setFile(null);
      setPickerError(NO_DROPPED_PATH);
    }
  }

  // "Import a file…" again: back to choosing a file, unless an import is running (its
  // progress and Cancel stay on screen).
  if (restart !== handledRestart && !running) {
    setHandledRestart(restart);
    setFile(null);
    setPickerError(null);
    setStage({ stage: 'setup' });
    setError(null);
  }

  const run = async (badRows: 'abort' | 'skip') => {
    if (!file) return;
    setError(null);
    const table = sanitizeTableName(choices.table);
    const taken = existingTables.some((t) => t.toLowerCase() === table.toLowerCase());
    // Renames travel with the import: its one statement creates the columns under their new names.
    const result = await start({
      file: file.token,
      table,
      options: { ...choices.options, columnNames: choices.renames },
      onConflict: taken ? choices.onConflict : 'error',
      badRows,
    });
    if (!result.ok) {
      setStage({ stage: 'setup' });
      setError(result.error.code === 'CANCELLED' ? 'Import cancelled. Nothing was imported.' : result.error.message);
      return;
    }
    const outcome: ImportOutcome = result.value;
    if (outcome.status === 'rejected') {
      setStage({ stage: 'rejected', rejected: outcome.rejected });
      return;
    }
    // The sidebar lists the new table before "Imported" shows, never "No tables yet" beside it.
    setStage({ stage: 'finishing', table: outcome.table });
    await onImported(outcome.table);
    setStage({ stage: 'done', table: outcome.table, rows: outcome.rows, rejected: outcome.rejected });
  };

  return (
    <section className={styles.flow} aria-labelledby="import-title" data-testid="import-flow">
      <header className={styles.flowHead}>
        <h2 id="import-title" className={styles.flowTitle}>
          Import a file
        </h2>
        <Button size="small" variant="ghost" onClick={onClose} disabled={!!running} data-testid="import-close">
          Close
        </Button>
      </header>

      {!file ? (
        <FilePicker key={pickerError ?? ''} onChosen={choose} initialError={pickerError} />
      ) : stage.stage === 'finishing' ? (
        <div className={styles.centered} data-testid="import-finishing">
          <h3 className={styles.stageTitle}>Imported into {stage.table}</h3>
          <Spinner size={18} label="Updating the table list" />
        </div>
      ) : running ? (
        <div className={styles.centered}>
          <h3 className={styles.stageTitle}>Importing into {sanitizeTableName(choices.table)}</h3>
          <Progress running={running} />
          <Button onClick={() => void cancel()} data-testid="import-cancel">
            Cancel import
          </Button>
        </div>
      ) : stage.stage === 'rejected' ? (
        <div className={styles.stagePanel} data-testid="import-rejected">
          <h3 className={styles.stageTitle}>
            {formatCount(stage.rejected.rows)} {stage.rejected.rows === 1 ? 'row does' : 'rows do'} not fit the column types
          </h3>
          <p className={styles.stageText}>Nothing has been imported yet. Import the rows that fit, or change the options (a column's type, the delimiter, or read everything as text) and try again.</p>
          <Rejections rejected={stage.rejected} />
          <div className={styles.stageActions}>
            <Button onClick={() => setStage({ stage: 'setup' })} data-testid="import-fix-options">
              Change options
            </Button>
            <Button
              onClick={() => {
                setChoices((c) => ({ ...c, options: { ...c.options, csv: { ...c.options.csv, allVarchar: true } } }));
                setStage({ stage: 'setup' });
              }}
            >
              Read everything as text
            </Button>
            <Button variant="primary" onClick={() => void run('skip')} data-testid="import-good-rows">
              Import the good rows
            </Button>
          </div>
        </div>
      ) : stage.stage === 'done' ? (
        <ImportDone
          verb="Imported"
          rows={stage.rows}
          table={stage.table}
          backLabel="Import another file"
          onBack={() => setFile(null)}
          onQueryTable={onQueryTable}
          testId="import-done"
          queryTestId="import-query-table"
        >
          {stage.rejected && (
            <>
              <p className={styles.stageText}>{stage.rejected.rows === 1 ? '1 row was' : `${formatCount(stage.rejected.rows)} rows were`} left out:</p>
              <Rejections rejected={stage.rejected} />
            </>
          )}
        </ImportDone>
      ) : (
        <ImportPreviewStage
          file={file}
          choices={choices}
          existingTables={existingTables}
          error={error}
          onChange={setChoices}
          onImport={() => void run('abort')}
          onBack={() => setFile(null)}
        />
      )}
    </section>
  );
}

function ImportPreviewStage(props: {
  file: FileGrant;
  choices: ImportChoices;
  existingTables: string[];
  error: string | null;
  onChange: (c: ImportChoices) => void;
  onImport: () => void;
  onBack: () => void;
}) {
  const preview = useImportPreview(props.file.token, props.choices.options);
  const suggested = preview.status === 'ready' ? preview.preview.suggestedTable : null;
  const { choices, onChange } = props;

  // The first preview names the table; after that the name is the person's.
  useEffect(() => {
    if (suggested && !choices.table) onChange({ ...choices, table: sanitizeTableName(suggested) });
  }, [suggested, choices, onChange]);

  return <ImportSetup {...props} fileName={props.file.name} preview={preview} />;
}
