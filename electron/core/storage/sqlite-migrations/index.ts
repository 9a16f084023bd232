import type { Database } from 'better-sqlite3';
import { migration as m0001 } from './0001-tasks-notes-events.js';
import { migration as m0002 } from './0002-full-text-search.js';
import { migration as m0003 } from './0003-search-tokens.js';
import { migration as m0004, registerAllDayFunctions } from './0004-all-day-events-as-dates.js';
import { migration as m0005 } from './0005-analytics-bookkeeping.js';
import { migration as m0006 } from './0006-repeating-events.js';
import { migration as m0007 } from './0007-query-workspace.js';
import { migration as m0008 } from './0008-database-sources.js';
import { migration as m0009 } from './0009-source-ca.js';

export const profileSqliteMigrations = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009];

/** SQL functions the migrations call (each on the connection that migrates). */
export function registerMigrationFunctions(db: Database): void {
  registerAllDayFunctions(db);
}
