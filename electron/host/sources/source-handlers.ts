// The database-source channels, served in the profile's host: saved sources and sourced
// tables in data.sqlite, imports into analytics.duckdb. Passwords arrive in each call from
// main (which reads them from the keychain) and are kept nowhere here.
import type { DuckdbStore } from '../../core/storage/duckdb-store.js';
import type { HostHandlerTable, ProfileStores } from '../../core/storage/profile-stores.js';
import { SourceImports } from '../../core/sources/source-import.js';
import { sourceInfo } from '../../core/sources/source-reader.js';
import { addSource, getSource, getSourcedTable, listSourcedTables, listSources, removeSource } from '../../core/sources/source-store.js';

const imports = new WeakMap<DuckdbStore, SourceImports>();

/** The profile's running source imports (cancelImport reaches them too). */
export function sourceImportsOf(stores: ProfileStores): SourceImports {
  let s = imports.get(stores.duckdb);
  if (!s) {
    const created = new SourceImports(stores.duckdb, stores.sqlite.db, (payload) => stores.emit?.({ kind: 'event', event: 'importProgress', payload }));
    stores.duckdb.onClose(() => {
      created.cancelAll();
      return Promise.resolve();
    });
    imports.set(stores.duckdb, created);
    s = created;
  }
  return s;
}

export const sourceHandlers = {
  listSources: ({ sqlite }) => listSources(sqlite.db).map(sourceInfo),
  addSource: ({ sqlite }, source) => sourceInfo(sqlite.db.transaction(() => addSource(sqlite.db, source, new Date().toISOString()))()),
  removeSource: ({ sqlite }, { name }) => {
    removeSource(sqlite.db, name);
    return null;
  },
  browseSource: (stores, { source, password }) => sourceImportsOf(stores).browse(getSource(stores.sqlite.db, source), password),
  previewSource: (stores, { source, from, password }) => sourceImportsOf(stores).preview(getSource(stores.sqlite.db, source), password, from),
  importFromSource: (stores, { source, from, table, importId, onConflict, password }) =>
    sourceImportsOf(stores).run({ source: getSource(stores.sqlite.db, source), password, selection: from, table, onConflict, importId }),
  listSourcedTables: ({ sqlite }) => listSourcedTables(sqlite.db),
  refreshTable: (stores, { table, importId, password }) => {
    const sourced = getSourcedTable(stores.sqlite.db, table);
    return sourceImportsOf(stores).run({
      source: getSource(stores.sqlite.db, sourced.source),
      password,
      selection: sourced.selection,
      table: sourced.table,
      onConflict: 'replace',
      importId,
    });
  },
} satisfies Partial<HostHandlerTable>;
