import type Database from 'better-sqlite3';
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

/** Every repository over one data.sqlite; their writes read the time from `now` (tests pass a manual clock). */
export function createRepositories(db: Database.Database, now?: () => Date): Repositories {
  return {
    tasks: new TaskRepository(db, now),
    notes: new NoteRepository(db, now),
    events: new EventRepository(db, now),
    search: new SearchRepository(db),
    tags: new TagRepository(db, now),
    trash: new TrashRepository(db, now),
    queryTabs: new QueryTabRepository(db),
    savedQueries: new SavedQueryRepository(db, now),
  };
}

/** The repositories of one open data.sqlite, made once so their prepared statements are reused. */
export function repositories(store: SqliteStore): Repositories {
  let r = byStore.get(store);
  if (!r) {
    r = createRepositories(store.db);
    byStore.set(store, r);
  }
  return r;
}
