// Runs one import from a source (or a Refresh) with live progress — rows so far against
// the source's estimate — and a Cancel that cuts the source connection and rolls back.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../../../shared/analysis/analytics.js';
import type { Result } from '../../../shared/errors.js';
import type { SourceImportOutcome } from '../../../shared/sources/sources.js';
import { callAnalytics, newId } from '../analysis/analytics-api.js';
import { callSources, subscribeProgress, type SourceInput } from './sources-api.js';

export interface RunningSourceImport {
  importId: string;
  /** The table being made (or refreshed). */
  table: string;
  kind: SourceImportRequest['kind'];
  startedAt: number;
  progress: ImportProgress | null;
}

export type SourceImportRequest = { kind: 'import'; input: Omit<SourceInput<'importFromSource'>, 'importId'> } | { kind: 'refresh'; table: string };

export function useSourceImport() {
  const [running, setRunning] = useState<RunningSourceImport | null>(null);
  const currentId = useRef<string | null>(null);

  useEffect(
    () =>
      subscribeProgress((progress) => {
        if (progress.importId !== currentId.current) return;
        setRunning((prev) => (prev && prev.importId === progress.importId ? { ...prev, progress } : prev));
      }),
    [],
  );

  const start = useCallback(async (request: SourceImportRequest): Promise<Result<SourceImportOutcome>> => {
    const importId = newId();
    currentId.current = importId;
    const table = request.kind === 'import' ? request.input.table : request.table;
    setRunning({ importId, table, kind: request.kind, startedAt: performance.now(), progress: null });
    const result =
      request.kind === 'import' ? await callSources('importFromSource', { ...request.input, importId }) : await callSources('refreshTable', { table: request.table, importId });
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
