import type { SqliteMigration } from '../../sqlite/migrate.js';

// Full-text search and the indexes behind every list order.
//
// FTS: one external-content FTS5 table per kind, so note bodies are stored once. The
// triggers keep only live rows (deleted_at IS NULL) in the index: trashing removes an
// item from search, restoring puts it back. External content is keyed by the implicit
// rowid, which VACUUM may renumber on these tables: after a VACUUM, run
// `INSERT INTO <kind>_fts(<kind>_fts) VALUES ('rebuild')` for each kind.
//
// Lists: every order is a keyset over an index, so a page costs the same at row 100 or
// 100,000. Indexes are partial (live rows only) and each order has a twin led by
// status for the status filter. Orders are ascending or descending as a whole, so
// a cursor is one row-value comparison; generated columns supply the sort keys
// (no due date sorts last; high priority first; pinned notes first).
/**
 * The triggers that keep `<table>_fts` to the live rows of a kind indexed by title and one
 * text column (tasks, notes). The text is exactly what shipped, as sqlite_master keeps it:
 * events' three columns are written out below.
 */
const liveTextTriggers = (table: string, text: string) => `CREATE TRIGGER ${table}_fts_ai AFTER INSERT ON ${table} WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO ${table}_fts (rowid, title, ${text}) VALUES (new.rowid, new.title, new.${text});
    END;
    CREATE TRIGGER ${table}_fts_ad AFTER DELETE ON ${table} WHEN old.deleted_at IS NULL BEGIN
      INSERT INTO ${table}_fts (${table}_fts, rowid, title, ${text}) VALUES ('delete', old.rowid, old.title, old.${text});
    END;
    CREATE TRIGGER ${table}_fts_au AFTER UPDATE OF title, ${text}, deleted_at ON ${table}
    WHEN old.title IS NOT new.title OR old.${text} IS NOT new.${text} OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
      INSERT INTO ${table}_fts (${table}_fts, rowid, title, ${text})
        SELECT 'delete', old.rowid, old.title, old.${text} WHERE old.deleted_at IS NULL;
      INSERT INTO ${table}_fts (rowid, title, ${text}) SELECT new.rowid, new.title, new.${text} WHERE new.deleted_at IS NULL;
    END;`;

export const migration: SqliteMigration = {
  version: 2,
  name: 'full-text-search',
  up: `
    ALTER TABLE tasks ADD COLUMN due_sort TEXT GENERATED ALWAYS AS (coalesce(due, '~')) VIRTUAL;
    ALTER TABLE tasks ADD COLUMN priority_order INTEGER GENERATED ALWAYS AS (
      CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END) VIRTUAL;

    CREATE INDEX tasks_by_due ON tasks (due_sort, id) WHERE deleted_at IS NULL;
    CREATE INDEX tasks_by_status_due ON tasks (status, due_sort, id) WHERE deleted_at IS NULL;
    CREATE INDEX tasks_by_priority ON tasks (priority_order, due_sort, id) WHERE deleted_at IS NULL;
    CREATE INDEX tasks_by_status_priority ON tasks (status, priority_order, due_sort, id) WHERE deleted_at IS NULL;
    CREATE INDEX tasks_by_position ON tasks (position, id) WHERE deleted_at IS NULL;
    CREATE INDEX tasks_by_status_position ON tasks (status, position, id) WHERE deleted_at IS NULL;
    CREATE INDEX tasks_by_created ON tasks (created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX tasks_by_status_created ON tasks (status, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX tasks_in_trash ON tasks (deleted_at, id) WHERE deleted_at IS NOT NULL;

    -- The tag filter looks tasks up here instead of parsing every row's JSON.
    CREATE TABLE task_tags (
      tag TEXT NOT NULL,
      task_id TEXT NOT NULL,
      PRIMARY KEY (tag, task_id)
    ) STRICT, WITHOUT ROWID;
    INSERT OR IGNORE INTO task_tags SELECT j.value, t.id FROM tasks t, json_each(t.tags) j;
    CREATE TRIGGER task_tags_ai AFTER INSERT ON tasks BEGIN
      INSERT OR IGNORE INTO task_tags SELECT value, new.id FROM json_each(new.tags);
    END;
    CREATE TRIGGER task_tags_au AFTER UPDATE OF tags ON tasks WHEN old.tags IS NOT new.tags BEGIN
      DELETE FROM task_tags WHERE task_id = old.id AND tag IN (SELECT value FROM json_each(old.tags));
      INSERT OR IGNORE INTO task_tags SELECT value, new.id FROM json_each(new.tags);
    END;
    CREATE TRIGGER task_tags_ad AFTER DELETE ON tasks BEGIN
      DELETE FROM task_tags WHERE task_id = old.id AND tag IN (SELECT value FROM json_each(old.tags));
    END;

    ALTER TABLE notes ADD COLUMN unpinned INTEGER GENERATED ALWAYS AS (1 - pinned) VIRTUAL;
    ALTER TABLE notes ADD COLUMN title_key TEXT GENERATED ALWAYS AS (lower(title)) VIRTUAL;
    CREATE INDEX notes_by_updated ON notes (pinned, updated_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX notes_by_created ON notes (pinned, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX notes_by_title ON notes (unpinned, title_key, id) WHERE deleted_at IS NULL;
    CREATE INDEX notes_in_trash ON notes (deleted_at, id) WHERE deleted_at IS NOT NULL;

    CREATE INDEX events_by_start ON events (start_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX events_in_trash ON events (deleted_at, id) WHERE deleted_at IS NOT NULL;

    CREATE VIRTUAL TABLE tasks_fts USING fts5(
      title, details, content = 'tasks', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
    CREATE VIRTUAL TABLE notes_fts USING fts5(
      title, body, content = 'notes', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
    CREATE VIRTUAL TABLE events_fts USING fts5(
      title, description, location, content = 'events', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
    -- Titles weigh ten times the rest.
    INSERT INTO tasks_fts (tasks_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
    INSERT INTO notes_fts (notes_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
    INSERT INTO events_fts (events_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 2.0)');

    INSERT INTO tasks_fts (rowid, title, details) SELECT rowid, title, details FROM tasks WHERE deleted_at IS NULL;
    INSERT INTO notes_fts (rowid, title, body) SELECT rowid, title, body FROM notes WHERE deleted_at IS NULL;
    INSERT INTO events_fts (rowid, title, description, location)
      SELECT rowid, title, description, location FROM events WHERE deleted_at IS NULL;

    -- An update deletes the old text (while it was live) before adding the new (while it is live).
    ${liveTextTriggers('tasks', 'details')}

    ${liveTextTriggers('notes', 'body')}

    CREATE TRIGGER events_fts_ai AFTER INSERT ON events WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO events_fts (rowid, title, description, location) VALUES (new.rowid, new.title, new.description, new.location);
    END;
    CREATE TRIGGER events_fts_ad AFTER DELETE ON events WHEN old.deleted_at IS NULL BEGIN
      INSERT INTO events_fts (events_fts, rowid, title, description, location)
        VALUES ('delete', old.rowid, old.title, old.description, old.location);
    END;
    CREATE TRIGGER events_fts_au AFTER UPDATE OF title, description, location, deleted_at ON events
    WHEN old.title IS NOT new.title OR old.description IS NOT new.description OR old.location IS NOT new.location
      OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
      INSERT INTO events_fts (events_fts, rowid, title, description, location)
        SELECT 'delete', old.rowid, old.title, old.description, old.location WHERE old.deleted_at IS NULL;
      INSERT INTO events_fts (rowid, title, description, location)
        SELECT new.rowid, new.title, new.description, new.location WHERE new.deleted_at IS NULL;
    END;
  `,
};
