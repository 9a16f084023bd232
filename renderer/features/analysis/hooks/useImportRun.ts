// Runs one import with live progress (bytes and rows, when the core reports them) and
// a Cancel that reaches DuckDB.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BadRowMode, ConflictMode, ImportOutcome, ImportProgress } from '../../../../shared/analysis/analytics.js';
import type { Result } from '../../../../shared/errors.js';
import { callAnalytics, newId, subscribeImportProgress, type ImportOptionsInput } from '../analytics-api.js';

export interface ImportRequest {
  /** The token main granted for the file (dialog or drop). */
  file: string;
  table: string;
  options: ImportOptionsInput;
  onConflict: ConflictMode;
  badRows: BadRowMode;
}

export interface RunningImport {
  importId: string;
  startedAt: number;
  progress: ImportProgress | null;
}

export function useImportRun() {
  const [running, setRunning] = useState<RunningImport | null>(null);
  const currentId = useRef<string | null>(null);

  useEffect(
    () =>
      subscribeImportProgress((progress) => {
        if (progress.importId !== currentId.current) return;
        setRunning((prev) => (prev && prev.importId === progress.importId ? { ...prev, progress } : prev));
      }),
    [],
  );

  const start = useCallback(async (request: ImportRequest): Promise<Result<ImportOutcome>> => {
    const importId = newId();
    currentId.current = importId;
    setRunning({ importId, startedAt: performance.now(), progress: null });
    const result = await callAnalytics('startImport', { ...request, importId });
    if (currentId.current === importId) {
      currentId.current = null;
      setRunning(null);
    }
    return result;
  }, []);

  const cancel = useCallback(async () => {
    const importId = currentId.current;
    if (importId) await callAnalytics('cancelImport', { importId });
  }, []);

  return { running, start, cancel };
}
