// Domain types of profiles and sessions, as the renderer and CLI see them.

export const PROFILE_COLORS = [
  '#3b82f6', // blue
  '#10b981', // green
  '#f59e0b', // amber
  '#ef4444', // red
  '#8b5cf6', // violet
  '#ec4899', // pink
  '#14b8a6', // teal
  '#64748b', // slate
] as const;
export type ProfileColor = (typeof PROFILE_COLORS)[number];

export const PROFILE_NAME_MAX = 64;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;

export interface ProfileSummary {
  id: string;
  name: string;
  color: ProfileColor;
  hasPassword: boolean;
  createdAt: string; // ISO 8601 UTC
  lastOpenedAt: string | null;
  /** Set while wrong passwords have throttled unlocking. */
  unlockBlockedUntil: string | null;
}

/** What a window knows about the profile it is bound to. */
export interface SessionInfo {
  name: string;
  color: ProfileColor;
  hasPassword: boolean;
}

export interface ProfileOverview {
  name: string;
  color: ProfileColor;
  counts: { tasks: number; notes: number; events: number; tables: number };
  schema: { sqlite: number; duckdb: number };
}

/** Disk use of one profile, as the picker may see it without unlocking: sizes only, never contents. */
export interface ProfileUsage {
  profileId: string;
  /** data.sqlite with its write-ahead log, in bytes. */
  sqliteBytes: number;
  /** analytics.duckdb with its write-ahead log, in bytes. */
  duckdbBytes: number;
  lastOpenedAt: string | null;
}

export type LockReason = 'user' | 'switch' | 'idle' | 'system' | 'quit' | 'deleted';
