// An import from a source while it runs: rows so far against the source's estimate (a
// source has no bytes to count), time taken, and Cancel (nothing is kept).
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button.js';
import { countOf, formatCount, formatDuration } from '../analysis/display-format.js';
import importStyles from '../analysis/import/Import.module.css';
import type { RunningSourceImport } from './useSourceImport.js';

export function SourceImportProgress({ running, verb, onCancel }: { running: RunningSourceImport; verb: string; onCancel: () => void }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(t);
  }, []);
  const p = running.progress;
  const estimate = p?.estimatedRows ?? 0;
  // An estimate can be short of the truth: the bar stops just before the end until the import is done.
  const fraction = p && estimate > 0 ? Math.min(0.99, p.rows / estimate) : null;
  return (
    <div className={importStyles.centered} data-testid="source-import-running">
      <h3 className={importStyles.stageTitle}>
        {verb} <code>{running.table}</code>
      </h3>
      <div className={importStyles.progress} data-testid="source-import-progress">
        <div
          className={importStyles.progressTrack}
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        >
          <span className={fraction === null ? importStyles.progressIndeterminate : importStyles.progressFill} style={fraction === null ? undefined : { width: `${fraction * 100}%` }} />
        </div>
        <div className={importStyles.progressText} data-testid="source-import-progress-text">
          {p && p.rows > 0 ? `${countOf(p.rows, 'row')}${estimate > 0 ? ` of about ${formatCount(estimate)}` : ''}` : 'Connecting and reading…'} ·{' '}
          {formatDuration(now - running.startedAt)}
        </div>
      </div>
      <Button onClick={onCancel} data-testid="source-import-cancel">
        Cancel import
      </Button>
    </div>
  );
}
