// A real data.sqlite in a temp directory, migrated like a profile's, with repositories
// on a manual clock. For repository tests only.
import { after, beforeEach } from 'node:test';
import type { SqliteStore } from '../../core/storage/sqlite-store.js';
import { openSqliteStore } from '../../core/storage/sqlite-store.js';
import { ManualClock } from '../../core/testing/manual-clock.js';
import { makeTempDir, removeTempDir } from '../../core/testing/temp-dir.js';
import { createRepositories, type Repositories } from '../repositories.js';

export interface TestStore extends Repositories {
  dir: string;
  store: SqliteStore;
  clock: ManualClock;
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
    ...createRepositories(store.db, now),
    rows: (table) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close() {
      store.close();
      removeTempDir(dir);
    },
  };
}

/**
 * A fresh store for each test of the calling suite (closed after the last one): the
 * returned object always stands for the current test's store; `renew()` starts a test
 * over on a fresh one.
 */
export function storePerTest(): TestStore & { renew(): void } {
  let current: TestStore | undefined;
  const renew = () => {
    current?.close();
    current = openTestStore();
  };
  beforeEach(renew);
  after(() => current?.close());
  return new Proxy({} as TestStore & { renew(): void }, { get: (_, key) => (key === 'renew' ? renew : Reflect.get(current!, key)) });
}
