// The analytics methods a profile worker serves. State (kept results, running
// imports) lives per DuckDB store, i.e. per profile, inside that profile's worker.
import type {
  BadRowMode,
  ColumnProfile,
  ConflictMode,
  ExportFormat,
  ExportOutcome,
  ExportSource,
  ImportOptions,
  ImportOutcome,
  ImportPreview,
  QueryHistoryEntry,
  QueryResultInfo,
  ResultFilter,
  ResultSort,
  TableInfo,
} from '../../../shared/analytics.js';
import type { WirePage } from '../../../shared/wire.js';
import type { DuckdbStore } from '../storage/duckdb-store.js';
import type { HandlersFor, ProfileStores } from '../storage/worker-methods.js';
import { profileColumn, scrubProfile } from './column-profile.js';
import { exportRelation, tableRelation } from './export.js';
import { Imports } from './import-file.js';
import { listQueryHistory, recordQuery } from './query-history.js';
import { QueryResults } from './query-results.js';
import { checkStoredRelation } from './statement-policy.js';
import { listTables } from './tables.js';

export interface AnalyticsMethods {
  previewImport: { params: { path: string; options?: ImportOptions | undefined }; result: ImportPreview };
  startImport: {
    params: {
      path: string;
      importId?: string | undefined;
      table?: string | undefined;
      options?: ImportOptions | undefined;
      onConflict: ConflictMode;
      badRows: BadRowMode;
    };
    result: ImportOutcome;
  };
  cancelImport: { params: { importId: string }; result: { cancelled: boolean } };
  runQuery: { params: { sql: string; queryId?: string | undefined; pageSize: number }; result: QueryResultInfo };
  cancelQuery: { params: { queryId: string }; result: { cancelled: boolean } };
  fetchRows: { params: { resultId: string; offset: number; limit: number }; result: WirePage };
  sortFilterResult: {
    params: { resultId: string; sort: ResultSort[]; filters: ResultFilter[]; queryId?: string | undefined; pageSize: number };
    result: QueryResultInfo;
  };
  closeResult: { params: { resultId: string }; result: null };
  listTables: { params: undefined; result: TableInfo[] };
  profileColumn: { params: { schema: string; table: string; column: string }; result: ColumnProfile };
  listQueryHistory: { params: { limit: number; beforeId?: number | undefined }; result: QueryHistoryEntry[] };
  exportData: { params: { source: ExportSource; format: ExportFormat; path: string }; result: ExportOutcome };
}

interface AnalyticsState {
  results: QueryResults;
  imports: Imports;
}

const states = new WeakMap<DuckdbStore, AnalyticsState>();

function state(stores: ProfileStores): AnalyticsState {
  let s = states.get(stores.duckdb);
  if (!s) {
    const created: AnalyticsState = {
      results: new QueryResults(stores.duckdb, (r) => recordQuery(stores.sqlite.db, r)),
      imports: new Imports(stores.duckdb, (payload) => stores.emit?.({ kind: 'event', event: 'importProgress', payload })),
    };
    stores.duckdb.onClose(async () => {
      created.imports.cancelAll();
      await created.results.closeAll();
    });
    states.set(stores.duckdb, created);
    s = created;
  }
  return s;
}

export const analyticsHandlers: HandlersFor<AnalyticsMethods> = {
  previewImport: (stores, { path, options }) => state(stores).imports.preview(path, options),
  startImport: (stores, params) => state(stores).imports.start(params),
  cancelImport: (stores, { importId }) => ({ cancelled: state(stores).imports.cancel(importId) }),
  runQuery: (stores, params) => state(stores).results.run(params),
  cancelQuery: (stores, { queryId }) => ({ cancelled: state(stores).results.cancel(queryId) }),
  fetchRows: (stores, { resultId, offset, limit }) => state(stores).results.fetch(resultId, offset, limit),
  sortFilterResult: (stores, { resultId, sort, filters, queryId, pageSize }) =>
    state(stores).results.sortFilter(resultId, sort, filters, queryId, pageSize),
  closeResult: async (stores, { resultId }) => {
    await state(stores).results.close(resultId);
    return null;
  },
  listTables: ({ duckdb }) => listTables(duckdb.conn),
  profileColumn: async ({ duckdb }, { schema, table, column }) =>
    scrubProfile(await profileColumn(duckdb.conn, schema, table, column, duckdb.timeZone, duckdb.instance), duckdb.dir),
  listQueryHistory: ({ sqlite }, { limit, beforeId }) => listQueryHistory(sqlite.db, limit, beforeId),
  async exportData(stores, { source, format, path }) {
    const { results } = state(stores);
    const dir = stores.duckdb.dir;
    if ('table' in source) {
      const relation = await tableRelation(stores.duckdb.conn, source.table);
      // Exporting a view runs its plan with the app's rights: it passes the policy first.
      await checkStoredRelation(stores.duckdb.conn, stores.duckdb.instance, relation);
      return exportRelation(stores.duckdb.conn, dir, relation, format, path);
    }
    if ('resultId' in source) {
      const { conn, relation } = await results.source(source.resultId);
      return exportRelation(conn, dir, relation, format, path);
    }
    const info = await results.run({ sql: source.sql, pageSize: 0 });
    try {
      const { conn, relation } = await results.source(info.resultId);
      return await exportRelation(conn, dir, relation, format, path);
    } finally {
      await results.close(info.resultId);
    }
  },
};
