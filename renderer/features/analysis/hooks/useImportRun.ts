// Runs one import with live progress (bytes and rows, when the core reports them) and
// a Cancel that reaches DuckDB. File imports and imports from a database source share
// this: both send the same `importProgress` events and cancel through `cancelImport`.
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

/** An import under way: what the caller said about it (`about`), plus its id, start and last progress. */
export type RunningImportOf<About> = About & {
  importId: string;
  startedAt: number;
  progress: ImportProgress | null;
};

export type RunningImport = RunningImportOf<object>;

/**
 * One import at a time through `run` (a module-level function: it is captured once).
 * `describe` says what the running state shows about a request (e.g. the table).
 */
export function useImportRunner<Request, Outcome, About extends object>(
  describe: (request: Request) => About,
  run: (request: Request, importId: string) => Promise<Result<Outcome>>,
) {
  const [running, setRunning] = useState<RunningImportOf<About> | null>(null);
  const currentId = useRef<string | null>(null);
  // Captured once so that `start` keeps one identity (callers pass module-level functions).
  const steps = useRef({ describe, run }).current;

  useEffect(
    () =>
      subscribeImportProgress((progress) => {
        if (progress.importId !== currentId.current) return;
        setRunning((prev) => (prev && prev.importId === progress.importId ? { ...prev, progress } : prev));
      }),
    [],
  );

  const start = useCallback(
    async (request: Request): Promise<Result<Outcome>> => {
      const importId = newId();
      currentId.current = importId;
      setRunning({ ...steps.describe(request), importId, startedAt: performance.now(), progress: null });
      const result = await steps.run(request, importId);
      if (currentId.current === importId) {
        currentId.current = null;
        setRunning(null);
      }
      return result;
    },
    [steps],
  );

  const cancel = useCallback(async () => {
    const importId = currentId.current;
    if (importId) await callAnalytics('cancelImport', { importId });
  }, []);

  return { running, start, cancel };
}

const describeFileImport = (): object => ({});
const runFileImport = (request: ImportRequest, importId: string): Promise<Result<ImportOutcome>> => callAnalytics('startImport', { ...request, importId });

export function useImportRun() {
  return useImportRunner(describeFileImport, runFileImport);
}
