// A real data.sqlite in a temp directory, migrated like a profile's, with repositories
// on a manual clock. For repository tests only.
import type { SqliteStore } from '../sqlite-store.js';
import { openSqliteStore } from '../sqlite-store.js';
import { ManualClock } from '../../testing/manual-clock.js';
import { makeTempDir, removeTempDir } from '../../testing/temp-dir.js';
import { EventRepository } from './event-repository.js';
import { NoteRepository } from './note-repository.js';
import { SearchRepository } from './search-repository.js';
import { TaskRepository } from './task-repository.js';
import { TrashRepository } from './trash-repository.js';

export interface TestStore {
  dir: string;
  store: SqliteStore;
  clock: ManualClock;
  tasks: TaskRepository;
  notes: NoteRepository;
  events: EventRepository;
  search: SearchRepository;
  trash: TrashRepository;
  /** Row count of a table, deleted rows included. */
  rows(table: string): number;
  close(): void;
}

export function openTestStore(start = '2030-01-01T12:00:00.000Z'): TestStore {
  const dir = makeTempDir();
  const store = openSqliteStore(dir);
  const clock = new ManualClock(start);
  // Each write happens one millisecond after the previous one, so orders by time are total.
  const now = () => {
    clock.advance(1);
    return clock.now();
  };
  return {
    dir,
    store,
    clock,
    tasks: new TaskRepository(store.db, now),
    notes: new NoteRepository(store.db, now),
    events: new EventRepository(store.db, now),
    search: new SearchRepository(store.db),
    trash: new TrashRepository(store.db, now),
    rows: (table) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close() {
      store.close();
      removeTempDir(dir);
    },
  };
}
