import type { SqliteStore } from '../core/storage/sqlite-store.js';
import { EventRepository } from './events/event-repository.js';
import { NoteRepository } from './notes/note-repository.js';
import { QueryTabRepository } from './analysis/query-tab-repository.js';
import { SavedQueryRepository } from './analysis/saved-query-repository.js';
import { SearchRepository } from './search/search-repository.js';
import { TagRepository } from './tags/tag-repository.js';
import { TaskRepository } from './tasks/task-repository.js';
import { TrashRepository } from './trash/trash-repository.js';

export interface Repositories {
  tasks: TaskRepository;
  notes: NoteRepository;
  events: EventRepository;
  search: SearchRepository;
  tags: TagRepository;
  trash: TrashRepository;
  queryTabs: QueryTabRepository;
  savedQueries: SavedQueryRepository;
}

const byStore = new WeakMap<SqliteStore, Repositories>();

/** The repositories of one open data.sqlite, made once so their prepared statements are reused. */
export function repositories(store: SqliteStore): Repositories {
  let r = byStore.get(store);
  if (!r) {
    const db = store.db;
    r = {
      tasks: new TaskRepository(db),
      notes: new NoteRepository(db),
      events: new EventRepository(db),
      search: new SearchRepository(db),
      tags: new TagRepository(db),
      trash: new TrashRepository(db),
      queryTabs: new QueryTabRepository(db),
      savedQueries: new SavedQueryRepository(db),
    };
    byStore.set(store, r);
  }
  return r;
}
