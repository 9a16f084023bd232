// The Trash: soft-deleted tasks, notes and events, kept 30 days.
import type { ParsedInput } from '../../../shared/contract.js';
import type { ItemKind } from '../../../shared/search/search.js';
import { TRASH_RETENTION_DAYS, type PurgedIds, type TrashItem } from '../../../shared/trash/trash.js';
import { PAGE_SIZE_DEFAULT, type Page } from '../../../shared/tasks/tasks.js';
import { decodeCursor, keysetSql, toPage, type KeysetOrder } from '../../core/storage/repositories/keyset.js';
import { SqliteRepository } from '../../core/storage/repositories/sqlite-repository.js';

export type ListTrash = ParsedInput<'listTrash'>;
export type PurgeTrash = ParsedInput<'purgeTrash'>;

const TABLES: Record<ItemKind, string> = { task: 'tasks', note: 'notes', event: 'events' };
const RETENTION_MS = TRASH_RETENTION_DAYS * 86_400_000;
const BY_DELETED: KeysetOrder = { name: 'deleted', columns: ['deleted_at', 'id'], direction: 'DESC' };

interface TrashRow {
  kind: ItemKind;
  id: string;
  title: string;
  deleted_at: string;
}

const TRASH = Object.entries(TABLES)
  .map(([kind, table]) => `SELECT '${kind}' AS kind, id, title, deleted_at FROM ${table} WHERE deleted_at IS NOT NULL`)
  .join(' UNION ALL ');

const toItem = (r: TrashRow): TrashItem => ({
  kind: r.kind,
  id: r.id,
  title: r.title,
  deletedAt: r.deleted_at,
  purgeAt: new Date(Date.parse(r.deleted_at) + RETENTION_MS).toISOString(),
});

const noneYet = (): PurgedIds => ({ task: [], note: [], event: [] });

export class TrashRepository extends SqliteRepository {
  list(input: ListTrash): Page<TrashItem> {
    const limit = input.limit ?? PAGE_SIZE_DEFAULT;
    const { after, orderBy } = keysetSql(BY_DELETED);
    const key = input.cursor === undefined ? [] : decodeCursor(BY_DELETED, input.cursor);
    const rows = this.s
      .get(`SELECT * FROM (${TRASH}) ${key.length ? `WHERE ${after}` : ''} ORDER BY ${orderBy} LIMIT ?`)
      .all(...key, limit + 1) as TrashRow[];
    return toPage(rows, limit, toItem, (r) => [r.deleted_at, r.id], BY_DELETED);
  }

  /** Deletes the given items for good, if they are in the Trash. */
  purge(input: PurgeTrash): PurgedIds {
    const purged = noneYet();
    this.s.db.transaction(() => {
      for (const { kind, id } of input.items) {
        const r = this.s.get(`DELETE FROM ${TABLES[kind]} WHERE id = ? AND deleted_at IS NOT NULL RETURNING id`).get(id);
        if (r) purged[kind].push(id);
      }
    })();
    return purged;
  }

  /** Deletes for good everything in the Trash, or only what was deleted before `cutoff`. */
  empty(cutoff?: string): PurgedIds {
    const purged = noneYet();
    this.s.db.transaction(() => {
      for (const [kind, table] of Object.entries(TABLES) as [ItemKind, string][]) {
        const rows = this.s
          .get(`DELETE FROM ${table} WHERE deleted_at IS NOT NULL AND deleted_at < ? RETURNING id`)
          .all(cutoff ?? '~') as { id: string }[];
        purged[kind] = rows.map((r) => r.id);
      }
    })();
    return purged;
  }

  /** Run when a profile opens: what has been in the Trash for 30 days goes for good. */
  purgeExpired(): PurgedIds {
    return this.empty(new Date(this.now().getTime() - RETENTION_MS).toISOString());
  }
}
