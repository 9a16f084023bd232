// The SQL editor's open tabs of one profile. Runs inside that profile's host. The window
// saves the whole strip (debounced) and reads it back at unlock, so the rows are always
// one consistent strip: a save replaces them all in one transaction.
import type Database from 'better-sqlite3';
import type { QueryTab, QueryTabs } from '../../../shared/analysis/query-workspace.js';
import { Statements } from '../../core/storage/repositories/statements.js';

interface TabRow {
  id: string;
  title: string;
  sql: string;
  saved_query_id: string | null;
  active: number;
}

export class QueryTabRepository {
  private readonly s: Statements;

  constructor(db: Database.Database) {
    this.s = new Statements(db);
  }

  /** The strip as last saved; a tab whose saved query was deleted since comes back unlinked. */
  get(): QueryTabs {
    const rows = this.s
      .get(
        `SELECT t.id, t.title, t.sql, q.id AS saved_query_id, t.active FROM query_tabs t
         LEFT JOIN saved_queries q ON q.id = t.saved_query_id ORDER BY t.position`,
      )
      .all() as TabRow[];
    const tabs = rows.map((r): QueryTab => ({ id: r.id, title: r.title, sql: r.sql, savedQueryId: r.saved_query_id }));
    const active = rows.find((r) => r.active === 1) ?? rows[0];
    return { tabs, activeTabId: active?.id ?? null };
  }

  /** Replaces the strip (the caller's transaction makes it all or nothing). */
  save({ tabs, activeTabId }: QueryTabs): null {
    this.s.get('DELETE FROM query_tabs').run();
    const insert = this.s.get('INSERT INTO query_tabs (id, position, title, sql, saved_query_id, active) VALUES (?, ?, ?, ?, ?, ?)');
    tabs.forEach((t, i) => insert.run(t.id, i, t.title, t.sql, t.savedQueryId, t.id === activeTabId ? 1 : 0));
    return null;
  }
}
