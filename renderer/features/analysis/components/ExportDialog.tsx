// Export a table or a result to CSV, Parquet or JSON, to a file chosen in main's save dialog
// (the dialog answers a token for it: the page never names a path).
import { useEffect, useId, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type ExportOutcome, type ExportSource } from '../../../../shared/analysis/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import { Button } from '../../../components/Button.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { callAnalytics, chooseExportPath } from '../analytics-api.js';
import { countOf, formatBytes } from '../display-format.js';
import styles from './Dialog.module.css';
import { DialogFrame } from './DialogFrame.js';

interface ExportDialogProps {
  source: ExportSource;
  /** What is exported, e.g. "table sales" or "the result (1,204 rows)". */
  label: string;
  suggestedName: string;
  /** Which rows go out: whether the grid's sort and filters apply. */
  scope: string;
  onClose: () => void;
}

const FORMAT_TEXT: Record<ExportFormat, { name: string; about: string }> = {
  csv: { name: 'CSV', about: 'Text, opens anywhere' },
  parquet: { name: 'Parquet', about: 'Compact, keeps every type' },
  json: { name: 'JSON', about: 'An array of row objects' },
};

export function ExportDialog({ source, label, suggestedName, scope, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<ExportOutcome | null>(null);
  const id = useId();
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  const exportTo = async (file: string) => {
    setPending(true);
    setError(null);
    const result = await callAnalytics('exportData', { source, format, file });
    setPending(false);
    if (result.ok) setDone(result.value);
    else setError(result.error);
  };

  const submit = async () => {
    const chosen = await chooseExportPath(format, `${suggestedName}.${format}`);
    if (!chosen.ok) return setError(chosen.error);
    if (chosen.value) await exportTo(chosen.value.token);
  };

  return (
    <DialogFrame title={`Export ${label}`} testId="export-dialog" onClose={onClose} onSubmit={() => void submit()}>
        {done ? (
          <div className={styles.success} role="status" data-testid="export-done">
            Wrote {countOf(done.rows, 'row')} ({formatBytes(done.bytes)}) to <code>{done.name}</code>
          </div>
        ) : (
          <>
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>Format</legend>
              <div className={styles.choices}>
                {EXPORT_FORMATS.map((f, i) => (
                  <label key={f} className={styles.choice}>
                    <input
                      ref={i === 0 ? firstRef : undefined}
                      type="radio"
                      name={`${id}-format`}
                      checked={format === f}
                      onChange={() => setFormat(f)}
                      data-testid={`export-format-${f}`}
                    />
                    <span>
                      <strong>{FORMAT_TEXT[f].name}</strong>
                      <small>{FORMAT_TEXT[f].about}</small>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <p className={styles.note} data-testid="export-scope">
              {scope}
            </p>
            {error && <ErrorMessage>{error.message}</ErrorMessage>}
          </>
        )}
        <div className={styles.actions}>
          <Button variant={done ? 'primary' : 'ghost'} onClick={onClose}>
            {done ? 'Done' : 'Cancel'}
          </Button>
          {!done && (
            <Button variant="primary" type="submit" pending={pending} data-testid="export-submit">
              Choose where to save…
            </Button>
          )}
        </div>
    </DialogFrame>
  );
}
