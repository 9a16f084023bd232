// The last stage of an import, from a file or from a source: how many rows went into which
// table, what the caller adds (rows left out, type notes), and two ways on: back to
// importing, or querying the new table.
import type { ReactNode } from 'react';
import { Button } from '../../../components/Button.js';
import { countOf } from '../display-format.js';
import styles from './Import.module.css';

interface ImportDoneProps {
  /** "Imported", "Refreshed". */
  verb: string;
  rows: number;
  table: string;
  /** The way back: "Import another file", "Choose a table"… */
  backLabel: string;
  onBack: () => void;
  onQueryTable: (table: string) => void;
  testId: string;
  queryTestId: string;
  children?: ReactNode;
}

export function ImportDone({ verb, rows, table, backLabel, onBack, onQueryTable, testId, queryTestId, children }: ImportDoneProps) {
  return (
    <div className={styles.stagePanel} data-testid={testId}>
      <h3 className={styles.stageTitle}>
        {verb} {countOf(rows, 'row')} into <code>{table}</code>
      </h3>
      {children}
      <div className={styles.stageActions}>
        <Button onClick={onBack}>{backLabel}</Button>
        <Button variant="primary" onClick={() => onQueryTable(table)} data-testid={queryTestId}>
          Query {table}
        </Button>
      </div>
    </div>
  );
}
