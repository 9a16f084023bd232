// An import from a source while it runs: rows so far against the source's estimate (a
// source has no bytes to count), time taken, and Cancel (nothing is kept).
import { Button } from '../../components/Button.js';
import { countOf, formatCount } from '../analysis/display-format.js';
import { ImportProgressBar } from '../analysis/import/ImportProgressBar.js';
import importStyles from '../analysis/import/Import.module.css';
import type { RunningSourceImport } from './useSourceImport.js';

export function SourceImportProgress({ running, verb, onCancel }: { running: RunningSourceImport; verb: string; onCancel: () => void }) {
  const p = running.progress;
  const estimate = p?.estimatedRows ?? 0;
  // An estimate can be short of the truth: the bar stops just before the end until the import is done.
  const fraction = p && estimate > 0 ? Math.min(0.99, p.rows / estimate) : null;
  return (
    <div className={importStyles.centered} data-testid="source-import-running">
      <h3 className={importStyles.stageTitle}>
        {verb} <code>{running.table}</code>
      </h3>
      <ImportProgressBar fraction={fraction} startedAt={running.startedAt} testId="source-import-progress" textTestId="source-import-progress-text">
        {p && p.rows > 0 ? `${countOf(p.rows, 'row')}${estimate > 0 ? ` of about ${formatCount(estimate)}` : ''}` : 'Connecting and reading…'}
      </ImportProgressBar>
      <Button onClick={onCancel} data-testid="source-import-cancel">
        Cancel import
      </Button>
    </div>
  );
}
