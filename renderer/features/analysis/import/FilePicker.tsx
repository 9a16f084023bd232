// Step one of an import: which file, from the native open dialog, or typed, pasted or
// dropped (the preload says where a dropped File is; a file:// URI or a pasted path
// works too).
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { droppedFilePath } from '../../../bridge/bridge.js';
import { Button } from '../../../components/Button.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { chooseImportFile } from '../analytics-api.js';
import styles from './Import.module.css';

export const NO_DROPPED_PATH = 'Enclave could not tell where the dropped file is. Choose it with “Choose a file…” or paste its path instead.';

/** Whether a drag carries files (or a URI, from file managers that send those). */
export const dragHasFile = (data: DataTransfer) => data.types.includes('Files') || data.types.includes('text/uri-list');

/** A local path from what was dropped, or null when the drop carried none. */
export function pathFromDrop(data: DataTransfer): string | null {
  const file = data.files[0];
  const onDisk = file ? droppedFilePath(file) : null;
  if (onDisk) return onDisk;
  const uris = data
    .getData('text/uri-list')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const uri of uris) {
    if (!uri.startsWith('file:')) continue;
    try {
      const url = new URL(uri);
      const path = decodeURIComponent(url.pathname);
      // file:///C:/data.csv → C:/data.csv on Windows
      return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
    } catch {
      continue;
    }
  }
  const text = data.getData('text/plain').trim();
  if (/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(text) && !text.includes('\n')) return text;
  return null;
}

export function FilePicker({ onChosen, initialError = null }: { onChosen: (path: string) => void; initialError?: string | null }) {
  const [path, setPath] = useState('');
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const id = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = path.trim().replace(/^["']|["']$/g, '');
    if (!trimmed) return setError('Enter the full path of a CSV, TSV, Parquet or JSON file.');
    onChosen(trimmed);
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    // Handled here; the analysis screen's own drop target is for drops elsewhere.
    e.stopPropagation();
    setDragging(false);
    const dropped = pathFromDrop(e.dataTransfer);
    if (dropped) onChosen(dropped);
    else setError(NO_DROPPED_PATH);
  };

  const browse = async () => {
    const result = await chooseImportFile();
    if (!result.ok) return setError(result.error.message);
    if (result.value) onChosen(result.value.path);
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
        <Button variant="primary" onClick={() => void browse()} data-testid="import-browse">
          Choose a file…
        </Button>
      </div>
      <form className={styles.pathForm} onSubmit={submit}>
        <label htmlFor={`${id}-path`} className={styles.label}>
          Or enter its path
        </label>
        <div className={styles.pathRow}>
          <input
            id={`${id}-path`}
            className={styles.pathInput}
            value={path}
            onChange={(e) => {
              setPath(e.target.value);
              setError(null);
            }}
            placeholder="/home/me/Downloads/sales.csv"
            spellCheck={false}
            autoFocus
            data-testid="import-path"
          />
          <Button type="submit" variant="secondary" data-testid="import-path-submit">
            Preview
          </Button>
        </div>
        {error && <ErrorMessage>{error}</ErrorMessage>}
      </form>
    </div>
  );
}
