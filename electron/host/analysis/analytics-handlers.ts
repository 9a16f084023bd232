// The analytics channels, served in the profile's host under their contract names.
// State (kept results, running imports) lives per DuckDB store, i.e. per profile,
// inside that profile's host. Files arrive as paths main resolved from the window's
// tokens and checked.
import type { DuckdbStore } from '../../core/storage/duckdb-store.js';
import type { HostHandlerTable, ProfileStores } from '../../core/storage/profile-stores.js';
import { profileColumn, scrubProfile } from '../../core/analytics/column-profile.js';
import { exportRelation, tableRelation } from '../../core/analytics/export.js';
import { Imports } from '../../core/analytics/import-file.js';
import { listQueryHistory, recordQuery } from '../../core/analytics/query-history.js';
import { QueryResults } from '../../core/analytics/query-results.js';
import { checkStoredRelation } from '../../core/analytics/statement-policy.js';
import { listTables } from '../../core/analytics/tables.js';
import { sourceImportsOf } from '../sources/source-handlers.js';

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

export const analyticsHandlers = {
  previewImport: (stores, { path, options }) => state(stores).imports.preview(path, options),
  startImport: (stores, input) => state(stores).imports.start(input),
  cancelImport: (stores, { importId }) => ({ cancelled: state(stores).imports.cancel(importId) || sourceImportsOf(stores).cancel(importId) }),
  runQuery: (stores, input) => state(stores).results.run(input),
  cancelQuery: (stores, { queryId }) => ({ cancelled: state(stores).results.cancel(queryId) }),
  fetchRows: (stores, { resultId, offset, limit }) => state(stores).results.fetch(resultId, offset, limit),
  resultTotal: (stores, { resultId, pageSize }) => state(stores).results.total(resultId, pageSize),
  sortFilterResult: (stores, { resultId, sort, filters, queryId, pageSize, group }) =>
    state(stores).results.sortFilter(resultId, sort, filters, queryId, pageSize, group),
  closeResult: async (stores, { resultId }) => {
    await state(stores).results.close(resultId);
    return null;
  },
  listTables: ({ duckdb }) => listTables(duckdb.conn),
  profileColumn: async ({ duckdb }, { schema, table, column }) =>
    scrubProfile(await profileColumn(duckdb.conn, schema, table, column, duckdb.timeZone, duckdb.instance), duckdb.dir),
  listQueryHistory: ({ sqlite }, { limit, beforeId, search }) => listQueryHistory(sqlite.db, limit, beforeId, search),
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
} satisfies Partial<HostHandlerTable>;
