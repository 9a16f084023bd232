// Keeps the FTS5 tables in step with tasks, notes and events.
//
// What is indexed is the text as search-text.ts folds and splits it, which SQL cannot do,
// so triggers (pure SQL, migration 0003) only note which rows changed in search_pending,
// and this indexes them before each search. Any connection can write the tables — no
// function has to be registered for their triggers — and the index is never stale
// when it is read. The FTS tables are contentless (the text lives once, in the tables);
// contentless_delete lets a row be dropped by rowid alone.
import type Database from 'better-sqlite3';
import type { ItemKind } from '../../../../shared/search/search.js';
import { Statements } from '../repositories/statements.js';
import { indexText } from './search-text.js';

/** Per kind: its content table, FTS table and indexed columns, title first. */
export const SEARCH_SOURCES: Record<ItemKind, { table: string; fts: string; columns: readonly string[] }> = {
  task: { table: 'tasks', fts: 'tasks_fts', columns: ['title', 'details'] },
  note: { table: 'notes', fts: 'notes_fts', columns: ['title', 'body'] },
  event: { table: 'events', fts: 'events_fts', columns: ['title', 'description', 'location'] },
};

/** Rows indexed per transaction: a long catch-up (after an upgrade) keeps what it has done. */
const BATCH = 2000;

export class SearchIndex {
  private readonly s: Statements;
  private readonly batch: Database.Transaction<() => number>;

  constructor(db: Database.Database) {
    this.s = new Statements(db);
    this.batch = db.transaction(() => this.indexBatch());
  }

  /** Indexes every row changed since the last call; returns how many. */
  catchUp(): number {
    let total = 0;
    while (this.s.get('SELECT EXISTS (SELECT 1 FROM search_pending) AS any').pluck().get() === 1) {
      total += this.batch.immediate();
    }
    return total;
  }

  private indexBatch(): number {
    const pending = this.s.get(`SELECT kind, row FROM search_pending LIMIT ${BATCH}`).all() as { kind: ItemKind; row: number }[];
    for (const [kind, source] of Object.entries(SEARCH_SOURCES) as [ItemKind, (typeof SEARCH_SOURCES)[ItemKind]][]) {
      const rows = pending.filter((p) => p.kind === kind).map((p) => p.row);
      if (rows.length === 0) continue;
      const { table, fts, columns } = source;
      const live = this.s
        .get(`SELECT rowid, ${columns.join(', ')} FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`)
        .all(JSON.stringify(rows)) as Record<string, string | number>[];
      const drop = this.s.get(`DELETE FROM ${fts} WHERE rowid = ?`);
      for (const row of rows) drop.run(row);
      const add = this.s.get(`INSERT INTO ${fts} (rowid, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`);
      for (const r of live) add.run(r.rowid, ...columns.map((c) => indexText(String(r[c] ?? ''))));
      this.s.get('DELETE FROM search_pending WHERE kind = ? AND row IN (SELECT value FROM json_each(?))').run(kind, JSON.stringify(rows));
    }
    return pending.length;
  }
}
