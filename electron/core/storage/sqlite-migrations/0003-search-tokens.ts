import type { SqliteMigration } from '../../sqlite/migrate.js';

// Full-text search indexes text as search/search-text.ts folds and splits it (accents and
// ß folded, CJK as bigrams, e-mail also as email, C++ kept whole), which only JavaScript
// can do. The FTS tables become contentless (content lives once, in tasks/notes/events)
// with contentless_delete, and the triggers, pure SQL so any connection can write the
// tables, only queue changed rows in search_pending; search/search-index.ts indexes the
// queue before each search. Every live row is queued here, so existing items are
// reindexed at the first search after the upgrade. (After a VACUUM, which may renumber
// rowids, queue every row again the same way.)
const CONTENT = {
  task: { table: 'tasks', columns: ['title', 'details'] },
  note: { table: 'notes', columns: ['title', 'body'] },
  event: { table: 'events', columns: ['title', 'description', 'location'] },
} as const;

const TOKENIZE = `tokenize = "unicode61 remove_diacritics 2 tokenchars '+#'", prefix = '2 3'`;

function kindSql(kind: keyof typeof CONTENT): string {
  const { table, columns } = CONTENT[kind];
  const fts = `${table}_fts`;
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  return `
    DROP TRIGGER ${fts}_ai;
    DROP TRIGGER ${fts}_ad;
    DROP TRIGGER ${fts}_au;
    DROP TABLE ${fts};
    CREATE VIRTUAL TABLE ${fts} USING fts5(${columns.join(', ')}, content = '', contentless_delete = 1, ${TOKENIZE});
    CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${table} WHEN new.deleted_at IS NULL BEGIN
      INSERT OR IGNORE INTO search_pending (kind, row) VALUES ('${kind}', new.rowid);
    END;
    CREATE TRIGGER ${fts}_ad AFTER DELETE ON ${table} WHEN old.deleted_at IS NULL BEGIN
      INSERT OR IGNORE INTO search_pending (kind, row) VALUES ('${kind}', old.rowid);
    END;
    CREATE TRIGGER ${fts}_au AFTER UPDATE OF ${columns.join(', ')}, deleted_at ON ${table}
    WHEN ${changed} OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
      INSERT OR IGNORE INTO search_pending (kind, row) VALUES ('${kind}', old.rowid), ('${kind}', new.rowid);
    END;
    INSERT OR IGNORE INTO search_pending (kind, row) SELECT '${kind}', rowid FROM ${table} WHERE deleted_at IS NULL;
  `;
}

export const migration: SqliteMigration = {
  version: 3,
  name: 'search-tokens',
  up: `
    CREATE TABLE search_pending (
      kind TEXT NOT NULL CHECK (kind IN ('task', 'note', 'event')),
      row INTEGER NOT NULL,
      PRIMARY KEY (kind, row)
    ) STRICT, WITHOUT ROWID;
    ${kindSql('task')}
    ${kindSql('note')}
    ${kindSql('event')}
  `,
};
