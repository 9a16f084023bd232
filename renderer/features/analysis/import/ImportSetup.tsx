// Step two of an import: the first rows as they would be imported, with the detected
// column names and types, every one of which can be changed — as can the CSV dialect,
// the table's name and what happens if that name is taken.
import { useEffect, useId, useState } from 'react';
import { CSV_DELIMITER_MAX, type ConflictMode, type ImportFormat, type ImportPreview } from '../../../../shared/analysis/analytics.js';
import type { CsvOptionsInput as CsvOptions, ImportOptionsInput as ImportOptions } from '../analytics-api.js';
import { renamedColumns } from '../../../../shared/analysis/import-columns.js';
import { isNumericType } from '../../../../shared/wire.js';
import { Button } from '../../../components/Button.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { RadioChoices } from '../../../components/RadioChoices.js';
import { Select, type Choice } from '../../../components/Select.js';
import { Spinner } from '../../../components/Spinner.js';
import { useRunsPastRightEdge } from '../../../hooks/useRunsPastRightEdge.js';
import { CellValue } from '../components/CellValue.js';
import { countOf, formatBytes, formatCount } from '../display-format.js';
import type { PreviewState } from '../hooks/useImportPreview.js';
import { freeTableName, sanitizeTableName } from '../table-name.js';
import styles from './Import.module.css';
import { TypeSelect } from './TypeSelect.js';

const DELIMITERS: { value: string; label: string }[] = [
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];

const FORMATS: Choice<ImportFormat>[] = [
  { value: 'csv', label: 'CSV' },
  { value: 'tsv', label: 'TSV' },
  { value: 'parquet', label: 'Parquet' },
  { value: 'json', label: 'JSON' },
  { value: 'ndjson', label: 'NDJSON' },
];

export interface ImportChoices {
  options: ImportOptions;
  /** Column name in the file → name in the table; sent with the import (`columnNames`). */
  renames: Record<string, string>;
  table: string;
  onConflict: ConflictMode;
}

interface ImportSetupProps {
  /** The chosen file's base name (the page never knows its path). */
  fileName: string;
  preview: PreviewState;
  choices: ImportChoices;
  existingTables: string[];
  onChange: (choices: ImportChoices) => void;
  onImport: () => void;
  onBack: () => void;
  error: string | null;
}

/** What the button will do: "Import 240 rows into sales_q1", "Append about 20,000 rows to sales". */
function importLabel(shown: ImportPreview | null, table: string, mode: ConflictMode, existing: string[]): string {
  const rows = shown?.rows ? `${shown.rows.exact ? '' : 'about '}${countOf(shown.rows.count, 'row')}` : 'the rows';
  if (mode === 'append') return `Append ${rows} to ${table}`;
  if (mode === 'replace') return `Replace ${table} with ${rows}`;
  return `Import ${rows} into ${mode === 'rename' ? freeTableName(table, existing) : table}`;
}

const describeDelimiter = (d: string) => (d === '\t' ? 'tab' : d === ' ' ? 'space' : d);

export function ImportSetup({ fileName, preview, choices, existingTables, onChange, onImport, onBack, error }: ImportSetupProps) {
  const id = useId();
  const shown: ImportPreview | null = preview.status === 'ready' ? preview.preview : preview.last;
  const { options } = choices;
  const csv = options.csv ?? {};
  const format = options.format ?? shown?.format;
  const isText = format === 'csv' || format === 'tsv';
  const [customDelimiter, setCustomDelimiter] = useState(false);
  // Whether the preview runs off to the right: then it says so, beside its scrollbar.
  const [boxRef, wide] = useRunsPastRightEdge<HTMLDivElement>(shown);

  const setCsv = (patch: Partial<CsvOptions>) => {
    const next: CsvOptions = { ...csv, ...patch };
    for (const k of Object.keys(next) as (keyof CsvOptions)[]) if (next[k] === undefined) delete next[k];
    onChange({ ...choices, options: { ...options, csv: next } });
  };

  const setType = (column: string, type: string) => {
    const columnTypes = { ...options.columnTypes };
    const detected = shown?.columns.find((c) => c.name === column)?.type.sql;
    if (!type.trim() || type.trim().toUpperCase() === detected) delete columnTypes[column];
    else columnTypes[column] = type.trim().toUpperCase();
    onChange({ ...choices, options: { ...options, columnTypes } });
  };

  const tableTaken = existingTables.some((t) => t.toLowerCase() === choices.table.toLowerCase());
  const renamedTo = (name: string) => choices.renames[name] ?? name;
  const sourceNames = shown?.columns.map((c) => c.name);
  const namesCheck = sourceNames ? renamedColumns(sourceNames, choices.renames) : null;

  // Other options can change the file's columns (header row, format): renames of a
  // column that is gone would only make the import fail.
  const sourceKey = JSON.stringify(sourceNames ?? null);
  useEffect(() => {
    const names: string[] | null = JSON.parse(sourceKey) as string[] | null;
    if (!names) return;
    const kept = Object.fromEntries(Object.entries(choices.renames).filter(([from]) => names.includes(from)));
    if (Object.keys(kept).length !== Object.keys(choices.renames).length) onChange({ ...choices, renames: kept });
  }, [sourceKey, choices, onChange]);

  return (
    <div className={styles.setup} data-testid="import-setup">
      <div className={styles.setupHead}>
        <div className={styles.fileInfo}>
          <span className={styles.fileName} title={fileName}>
            {fileName}
          </span>
          <span className={styles.fileMeta}>
            {shown ? `${shown.format.toUpperCase()} · ${formatBytes(shown.fileBytes)}` : 'Reading…'}
            {shown?.detected && ` · delimiter “${describeDelimiter(shown.detected.delimiter)}” · ${shown.detected.header ? 'header row' : 'no header row'}`}
          </span>
        </div>
        <Button size="small" variant="ghost" onClick={onBack}>
          Choose another file
        </Button>
      </div>

      <div className={styles.options} role="group" aria-label="How to read the file">
        <label className={styles.option}>
          <span>Format</span>
          <Select
            className={styles.optionField}
            value={options.format ?? ''}
            options={[{ value: '', label: `Detect${shown ? ` (${shown.format.toUpperCase()})` : ''}` }, ...FORMATS]}
            onChange={(format) => onChange({ ...choices, options: { ...options, format: format || undefined } })}
          />
        </label>
        {isText && (
          <>
            <label className={styles.option}>
              <span>Delimiter</span>
              {customDelimiter ? (
                <input
                  className={`${styles.optionField} ${styles.short}`}
                  value={csv.delimiter ?? ''}
                  maxLength={CSV_DELIMITER_MAX}
                  onChange={(e) => setCsv({ delimiter: e.target.value || undefined })}
                  aria-label="Custom delimiter"
                />
              ) : (
                <select
                  className={styles.optionField}
                  value={csv.delimiter ?? ''}
                  onChange={(e) => {
                    if (e.target.value === 'custom') setCustomDelimiter(true);
                    else setCsv({ delimiter: e.target.value || undefined });
                  }}
                  data-testid="import-delimiter"
                >
                  <option value="">Detect{shown?.detected ? ` (${describeDelimiter(shown.detected.delimiter)})` : ''}</option>
                  {DELIMITERS.map((d) => (
                    <option key={d.label} value={d.value}>
                      {d.label}
                    </option>
                  ))}
                  <option value="custom">Other…</option>
                </select>
              )}
            </label>
            <label className={styles.option}>
              <span>Header row</span>
              <select
                className={styles.optionField}
                value={csv.header === undefined ? '' : csv.header ? 'yes' : 'no'}
                onChange={(e) => setCsv({ header: e.target.value === '' ? undefined : e.target.value === 'yes' })}
                data-testid="import-header"
              >
                <option value="">Detect{shown?.detected ? ` (${shown.detected.header ? 'yes' : 'no'})` : ''}</option>
                <option value="yes">First row is names</option>
                <option value="no">No header</option>
              </select>
            </label>
            <label className={styles.option}>
              <span>Quote</span>
              <select className={styles.optionField} value={csv.quote ?? 'detect'} onChange={(e) => setCsv({ quote: e.target.value === 'detect' ? undefined : e.target.value })}>
                <option value="detect">Detect{shown?.detected ? ` (${shown.detected.quote || 'none'})` : ''}</option>
                <option value={'"'}>Double "</option>
                <option value={"'"}>Single '</option>
                <option value="">None</option>
              </select>
            </label>
            <label className={styles.option}>
              <span>Skip rows</span>
              <input
                type="number"
                min={0}
                className={`${styles.optionField} ${styles.short}`}
                value={csv.skipRows ?? ''}
                placeholder={String(shown?.detected?.skipRows ?? 0)}
                onChange={(e) => setCsv({ skipRows: e.target.value === '' ? undefined : Math.max(0, Number(e.target.value)) })}
              />
            </label>
            <label className={styles.option}>
              <span>NULL text</span>
              <input
                className={`${styles.optionField} ${styles.short}`}
                value={csv.nullString ?? ''}
                placeholder="(empty)"
                title={'An unquoted field with this text is NULL (default: an empty unquoted field). A quoted "" stays an empty string.'}
                onChange={(e) => setCsv({ nullString: e.target.value || undefined })}
              />
            </label>
            <label className={styles.check}>
              <input type="checkbox" checked={csv.allVarchar ?? false} onChange={(e) => setCsv({ allVarchar: e.target.checked || undefined })} />
              Read every column as text
            </label>
          </>
        )}
        {preview.status === 'loading' && (
          <span className={styles.refreshing}>
            <Spinner size={14} label="Updating preview" />
          </span>
        )}
      </div>

      {preview.status === 'error' && (
        <div className={styles.previewError} role="alert" data-testid="import-preview-error">
          <strong>The first rows cannot be read with these options.</strong> {preview.error.message}
          {shown && ' You can still import: rows that do not fit are listed before anything is kept.'}
        </div>
      )}

      <div className={styles.previewBox} ref={boxRef} data-testid="import-preview-box">
        {!shown ? (
          preview.status === 'loading' && (
            <div className={styles.previewLoading}>
              <Spinner size={18} label="Reading the file" /> Reading the first rows…
            </div>
          )
        ) : (
          <table className={styles.previewTable} data-testid="import-preview">
            <thead>
              <tr>
                <th className={styles.rowNo} scope="col">
                  #
                </th>
                {shown.columns.map((c) => {
                  const overridden = options.columnTypes?.[c.name];
                  return (
                    <th key={c.name} scope="col" className={isNumericType(c.type) ? styles.numCol : undefined}>
                      <input
                        className={styles.colNameInput}
                        value={renamedTo(c.name)}
                        onChange={(e) => {
                          const renames = { ...choices.renames };
                          if (e.target.value === c.name) delete renames[c.name];
                          else renames[c.name] = e.target.value;
                          onChange({ ...choices, renames });
                        }}
                        aria-label={`Name of column ${c.name}`}
                        spellCheck={false}
                        data-testid={`import-col-name-${c.name}`}
                      />
                      <TypeSelect
                        column={c.name}
                        value={overridden ?? c.type.sql}
                        overridden={!!overridden}
                        onChange={(type) => setType(c.name, type)}
                        testId={`import-col-type-${c.name}`}
                      />
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: shown.page.rowCount }, (_, i) => (
                <tr key={i}>
                  <td className={styles.rowNo}>{i + 1}</td>
                  {shown.columns.map((c, j) => (
                    <td key={c.name} className={isNumericType(c.type) ? styles.numCol : undefined}>
                      <CellValue type={c.type} cell={shown.page.columns[j]?.[i] ?? null} timeZone={shown.timeZone} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {shown && (
        <div className={styles.scrollHint} data-testid="import-preview-caption">
          {shown.rows && shown.rows.count > shown.page.rowCount
            ? `The first ${countOf(shown.page.rowCount, 'row')} of ${shown.rows.exact ? '' : 'about '}${formatCount(shown.rows.count)}`
            : `All ${countOf(shown.page.rowCount, 'row')}`}{' '}
          · {countOf(shown.columns.length, 'column')}
          {wide && ' · scroll sideways (the bar below the rows, or Shift + wheel) to see every column'}
        </div>
      )}

      <div className={styles.target}>
        <label className={styles.targetName}>
          <span className={styles.label}>Import into table</span>
          <input
            className={styles.pathInput}
            value={choices.table}
            onChange={(e) => onChange({ ...choices, table: e.target.value })}
            onBlur={() => onChange({ ...choices, table: sanitizeTableName(choices.table) })}
            spellCheck={false}
            data-testid="import-table-name"
          />
        </label>
        {tableTaken && (
          <fieldset className={styles.conflict} data-testid="import-conflict">
            <legend className={styles.label}>A table named {choices.table} exists</legend>
            <RadioChoices
              name={`${id}-conflict`}
              value={choices.onConflict}
              options={[
                { value: 'rename', label: `Import as ${freeTableName(choices.table, existingTables)}` },
                { value: 'replace', label: 'Replace it' },
                { value: 'append', label: 'Append the rows to it' },
              ]}
              onChange={(onConflict) => onChange({ ...choices, onConflict })}
              className={styles.radio}
            />
          </fieldset>
        )}
        <div className={styles.importActions}>
          {namesCheck && !namesCheck.ok && <ErrorMessage>{namesCheck.message}.</ErrorMessage>}
          {error && <ErrorMessage>{error}</ErrorMessage>}
          <Button
            variant="primary"
            onClick={onImport}
            disabled={!shown || !namesCheck?.ok || !choices.table.trim()}
            data-testid="import-submit"
          >
            {importLabel(shown, sanitizeTableName(choices.table || 'imported'), tableTaken ? choices.onConflict : 'error', existingTables)}
          </Button>
        </div>
      </div>
    </div>
  );
}
