// What a profile's storage holds, for the settings' Storage view and `enclave profile usage --rows`.
import type { ProfileUsage } from './profiles.js';

export interface TableRowCount {
  table: string;
  /** Rows in use (for tasks, notes and events: not in the Trash). */
  rows: number;
  /** Tasks, notes and events only: how many of that kind are in the Trash. */
  inTrash?: number;
}

export interface ProfileRowCounts {
  /** data.sqlite: tasks, notes, events. */
  sqlite: TableRowCount[];
  /** analytics.duckdb: each of the person's own tables (views and our bookkeeping left out). */
  duckdb: TableRowCount[];
}

/** Sizes and last opened (as the picker sees them) plus rows per table (only after unlocking). */
export interface ProfileStorage extends ProfileUsage {
  rowCounts: ProfileRowCounts;
}
