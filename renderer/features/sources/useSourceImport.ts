// Runs one import from a source (or a Refresh) with live progress — rows so far against
// the source's estimate — and a Cancel that cuts the source connection and rolls back.
import type { Result } from '../../../shared/errors.js';
import type { SourceImportOutcome } from '../../../shared/sources/sources.js';
import { useImportRunner, type RunningImportOf } from '../analysis/hooks/useImportRun.js';
import { callSources, type SourceInput } from './sources-api.js';

export type SourceImportRequest = { kind: 'import'; input: Omit<SourceInput<'importFromSource'>, 'importId'> } | { kind: 'refresh'; table: string };

interface AboutSourceImport {
  /** The table being made (or refreshed). */
  table: string;
  kind: SourceImportRequest['kind'];
}

export type RunningSourceImport = RunningImportOf<AboutSourceImport>;

const describe = (request: SourceImportRequest): AboutSourceImport => ({
  table: request.kind === 'import' ? request.input.table : request.table,
  kind: request.kind,
});

const run = (request: SourceImportRequest, importId: string): Promise<Result<SourceImportOutcome>> =>
  request.kind === 'import' ? callSources('importFromSource', { ...request.input, importId }) : callSources('refreshTable', { table: request.table, importId });

export function useSourceImport() {
  return useImportRunner(describe, run);
}
