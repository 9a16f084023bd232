// Tags across one profile's tasks and notes (each item keeps its tags as a JSON array).
// Runs inside that profile's host.
import { AppException } from '../../../shared/errors.js';
import { renameInTags, type TagCount, type TagRenamed } from '../../../shared/tags/tags.js';
import { SqliteRepository } from '../../core/storage/repositories/sqlite-repository.js';

const TABLES = ['tasks', 'notes'] as const;

export class TagRepository extends SqliteRepository {
  /** Tags on items outside the Trash, A–Z (ignoring case), with counts per kind. */
  list(): TagCount[] {
    return this.s
      .get(
        `SELECT tag, sum(kind = 'task') AS tasks, sum(kind = 'note') AS notes FROM (
           SELECT j.value AS tag, 'task' AS kind FROM tasks t, json_each(t.tags) j WHERE t.deleted_at IS NULL
           UNION ALL
           SELECT j.value AS tag, 'note' AS kind FROM notes n, json_each(n.tags) j WHERE n.deleted_at IS NULL
         ) GROUP BY tag ORDER BY lower(tag), tag`,
      )
      .all() as TagCount[];
  }

  /**
   * Renames `from` to `to` on every task and note, the Trash included (a restored item
   * should not bring the old name back). Each changed item gets a new version, so an
   * editor holding the old one sees a CONFLICT instead of writing the old tags back.
   */
  rename(from: string, to: string): TagRenamed {
    const at = this.now().toISOString();
    const changed: TagRenamed = { tasks: [], notes: [] };
    for (const table of TABLES) {
      const rows = this.s
        .get(`SELECT id, tags FROM ${table} WHERE EXISTS (SELECT 1 FROM json_each(${table}.tags) WHERE value = ?)`)
        .all(from) as { id: string; tags: string }[];
      const update = this.s.get(`UPDATE ${table} SET tags = ?, updated_at = ?, version = version + 1 WHERE id = ?`);
      for (const row of rows) {
        const next = renameInTags(JSON.parse(row.tags) as string[], from, to);
        if (next === null) continue;
        update.run(JSON.stringify(next), at, row.id);
        changed[table].push(row.id);
      }
    }
    if (changed.tasks.length + changed.notes.length === 0) {
      throw new AppException('NOT_FOUND', 'No task or note has that tag', { field: 'from' });
    }
    return changed;
  }
}
