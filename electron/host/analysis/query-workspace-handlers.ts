// The SQL editor's workspace channels (open tabs, saved queries), served in the profile's
// host under their contract names. They need only data.sqlite: the tabs come back at
// unlock without waiting for DuckDB to load.
import { repositories } from '../repositories.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';

export const queryWorkspaceHandlers = {
  getQueryTabs: ({ sqlite }) => repositories(sqlite).queryTabs.get(),
  saveQueryTabs: ({ sqlite }, tabs) => repositories(sqlite).queryTabs.save(tabs),
  listSavedQueries: ({ sqlite }, { search }) => repositories(sqlite).savedQueries.list(search),
  createSavedQuery: ({ sqlite }, { name, sql }) => repositories(sqlite).savedQueries.create(name, sql),
  updateSavedQuery: ({ sqlite }, { id, name, sql }) => repositories(sqlite).savedQueries.update(id, { name, sql }),
  deleteSavedQuery: ({ sqlite }, { id }) => repositories(sqlite).savedQueries.delete(id),
} satisfies Partial<HostHandlerTable>;
