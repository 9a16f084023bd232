// The Trash: items deleted from tasks, notes and events, kept until purged or expired.
import type { ItemKind } from '../search/search.js';

export interface TrashItem {
  kind: ItemKind;
  id: string;
  title: string;
  deletedAt: string;
  /** When it will be purged for good. */
  purgeAt: string;
}

export const TRASH_RETENTION_DAYS = 30;

/** The ids a purge deleted for good, by kind (main pushes each kind's change event with them). */
export type PurgedIds = Record<ItemKind, string[]>;
