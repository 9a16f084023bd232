// Step one of an import: which file, from the native open dialog or dropped on the
// window. Either way main answers a token for it (the preload hands a dropped File to
// main); the page never sees or sends a path, so a typed path or a file:// URI cannot be
// imported.
import { useState, type DragEvent } from 'react';
import type { FileGrant } from '../../../../shared/files/file-grants.js';
import { droppedFileGrant } from '../../../bridge/bridge.js';
import { Button } from '../../../components/Button.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { chooseImportFile } from '../analytics-api.js';
import styles from './Import.module.css';

export const NO_DROPPED_PATH = 'Enclave cannot import the dropped file (it is not a file on this computer, or lies inside Enclave’s own data). Choose it with “Choose a file…” instead.';

/** Whether a drag carries files. */
export const dragHasFile = (data: DataTransfer) => data.types.includes('Files');

/** A read token for the dropped file, or null when the drop carried none main would grant. */
export function grantFromDrop(data: DataTransfer): Promise<FileGrant | null> {
  // Read while the drop event is dispatched: the DataTransfer is emptied after it.
  const file = data.files[0];
  return file ? droppedFileGrant(file) : Promise.resolve(null);
}

export function FilePicker({ onChosen, initialError = null }: { onChosen: (file: FileGrant) => void; initialError?: string | null }) {
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(initialError);

  const drop = (e: DragEvent) => {
    e.preventDefault();
    // Handled here; the analysis screen's own drop target is for drops elsewhere.
    e.stopPropagation();
    setDragging(false);
    void grantFromDrop(e.dataTransfer).then((granted) => (granted ? onChosen(granted) : setError(NO_DROPPED_PATH)));
  };

  const browse = async () => {
    const result = await chooseImportFile();
    if (!result.ok) return setError(result.error.message);
    if (result.value) onChosen(result.value);
  };

  return (
    <div className={styles.pickerWrap}>
      <div
        className={`${styles.dropZone} ${dragging ? styles.dropActive : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="import-drop-zone"
      >
        <svg width="36" height="36" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
          <path d="M12 15V3M7 8l5-5 5 5" />
          <path d="M4 15v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4" />
        </svg>
        <h2 className={styles.dropTitle}>Drop a file here</h2>
        <p className={styles.dropText}>CSV, TSV, Parquet, JSON or newline-delimited JSON. You will see the first 100 rows before anything is imported.</p>
        <Button variant="primary" onClick={() => void browse()} autoFocus data-testid="import-browse">
          Choose a file…
        </Button>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
