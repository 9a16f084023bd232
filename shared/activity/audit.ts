// A profile's activity log, as the profile itself may read it after unlocking.
// Entries carry no secret and no file path: only what happened, when, and a short detail.

export const AUDIT_EVENTS = [
  'profile created',
  'unlocked',
  'unlock failed',
  'locked',
  'profile renamed',
  'password changed',
  'profile deleted',
  'table imported',
  'data exported',
  'legacy data migrated',
  'profile exported',
  'profile restored',
  'damaged files moved aside',
  'profile stopped',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export interface AuditLogEntry {
  /** Increasing with time; the paging cursor. */
  id: number;
  at: string; // ISO 8601 UTC
  event: AuditEvent;
  detail: string | null;
}

export interface AuditLogPage {
  /** Newest first. */
  entries: AuditLogEntry[];
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextCursor: number | null;
}

export const AUDIT_PAGE_MAX = 200;

/** A run of consecutive entries of one kind, shown as one line ("3 failed unlock attempts"). */
export interface AuditRun {
  event: AuditEvent;
  count: number;
  /** The newest entry of the run. */
  last: AuditLogEntry;
  /** The oldest entry of the run. */
  first: AuditLogEntry;
}

/** Collapses consecutive failed unlocks (newest-first order kept); every other entry stays its own run. */
export function collapseRuns(entries: readonly AuditLogEntry[]): AuditRun[] {
  const runs: AuditRun[] = [];
  for (const e of entries) {
    const prev = runs[runs.length - 1];
    if (prev && e.event === 'unlock failed' && prev.event === 'unlock failed') {
      prev.count += 1;
      prev.first = e;
    } else {
      runs.push({ event: e.event, count: 1, last: e, first: e });
    }
  }
  return runs;
}
