// The app-wide registry: which profiles exist, unlock failure counters and the
// audit log. It never holds a secret: verifiers and keys live in the OS keychain.
import type Database from 'better-sqlite3';
import path from 'node:path';
import type { AuditEvent, AuditLogPage } from '../../../shared/activity/audit.js';
import type { ProfileColor } from '../../../shared/profiles/profiles.js';
import type { Clock } from '../clock.js';
import { configureSqlite, migrateSqlite } from '../sqlite/migrate.js';
import { openDatabase } from '../sqlite/open-database.js';
import { registryMigrations } from './migrations/index.js';

export const REGISTRY_FILE = 'registry.sqlite';

export type { AuditEvent };

export interface ProfileRow {
  id: string;
  name: string;
  color: ProfileColor;
  hasPassword: boolean;
  createdAt: string;
  lastOpenedAt: string | null;
}

export interface UnlockFailures {
  failures: number;
  lastFailureAt: string;
  blockedUntil: string | null;
}

export interface AuditEntry {
  at: string;
  profileId: string | null;
  event: AuditEvent;
  detail: string | null;
}

interface ProfileRecord {
  id: string;
  name: string;
  color: string;
  has_password: number;
  created_at: string;
  last_opened_at: string | null;
}

/** Display names are unique ignoring case and Unicode width/compatibility forms. */
export const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase('en-US');

const toRow = (r: ProfileRecord): ProfileRow => ({
  id: r.id,
  name: r.name,
  color: r.color as ProfileColor,
  hasPassword: r.has_password === 1,
  createdAt: r.created_at,
  lastOpenedAt: r.last_opened_at,
});

export class Registry {
  private constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {}

  static open(dataDir: string, clock: Clock): Registry {
    const db = openDatabase(path.join(dataDir, REGISTRY_FILE));
    configureSqlite(db);
    migrateSqlite(db, registryMigrations);
    return new Registry(db, clock);
  }

  // Tombstoned rows (deleting_at set) are invisible to every reader but tombstones().
  list(): ProfileRow[] {
    const rows = this.db
      .prepare('SELECT * FROM profiles WHERE deleting_at IS NULL ORDER BY last_opened_at IS NULL, last_opened_at DESC, name_key')
      .all() as ProfileRecord[];
    return rows.map(toRow);
  }

  get(id: string): ProfileRow | null {
    const r = this.db.prepare('SELECT * FROM profiles WHERE id = ? AND deleting_at IS NULL').get(id) as ProfileRecord | undefined;
    return r ? toRow(r) : null;
  }

  findByName(name: string): ProfileRow | null {
    const r = this.db.prepare('SELECT * FROM profiles WHERE name_key = ? AND deleting_at IS NULL').get(nameKey(name)) as
      | ProfileRecord
      | undefined;
    return r ? toRow(r) : null;
  }

  /** Also true for a name a profile being deleted still holds. */
  nameTaken(name: string, exceptId?: string): boolean {
    const r = this.db.prepare('SELECT id FROM profiles WHERE name_key = ?').get(nameKey(name)) as { id: string } | undefined;
    return r !== undefined && r.id !== exceptId;
  }

  rename(id: string, name: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE profiles SET name = ?, name_key = ? WHERE id = ?').run(name, nameKey(name), id);
      this.audit(id, 'profile renamed');
    })();
  }

  /** Records a password change that the keychain already holds; a success also ends any throttle. */
  passwordChanged(id: string, hasPassword: boolean): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE profiles SET has_password = ? WHERE id = ?').run(hasPassword ? 1 : 0, id);
      this.db.prepare('DELETE FROM unlock_failures WHERE profile_id = ?').run(id);
      this.audit(id, 'password changed', hasPassword ? 'set' : 'removed');
    })();
  }

  /** Marks a profile as being deleted: from now on no reader sees it. */
  markDeleting(id: string): void {
    this.db.prepare('UPDATE profiles SET deleting_at = ? WHERE id = ?').run(this.clock.now().toISOString(), id);
  }

  /** Every profile id, tombstoned ones included. */
  allIds(): string[] {
    return (this.db.prepare('SELECT id FROM profiles').all() as { id: string }[]).map((r) => r.id);
  }

  /** Ids of profiles whose deletion started and has not finished. */
  tombstones(): string[] {
    return (this.db.prepare('SELECT id FROM profiles WHERE deleting_at IS NOT NULL').all() as { id: string }[]).map((r) => r.id);
  }

  /** Drops a tombstoned row once its files and secrets are gone; the audit log keeps one line. */
  finishDeletion(id: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM unlock_failures WHERE profile_id = ?').run(id);
      const removed = this.db.prepare('DELETE FROM profiles WHERE id = ? AND deleting_at IS NOT NULL').run(id);
      if (removed.changes > 0) this.audit(id, 'profile deleted');
    })();
  }

  insert(row: Omit<ProfileRow, 'lastOpenedAt'>): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO profiles (id, name, name_key, color, has_password, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(row.id, row.name, nameKey(row.name), row.color, row.hasPassword ? 1 : 0, row.createdAt);
      this.audit(row.id, 'profile created');
    })();
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM profiles WHERE id = ?').run(id);
  }

  markOpened(id: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE profiles SET last_opened_at = ? WHERE id = ?').run(this.clock.now().toISOString(), id);
      this.db.prepare('DELETE FROM unlock_failures WHERE profile_id = ?').run(id);
      this.audit(id, 'unlocked');
    })();
  }

  failures(id: string): UnlockFailures | null {
    const r = this.db
      .prepare(
        'SELECT failures, last_failure_at AS lastFailureAt, blocked_until AS blockedUntil FROM unlock_failures WHERE profile_id = ?',
      )
      .get(id) as UnlockFailures | undefined;
    return r ?? null;
  }

  /**
   * Counts one password attempt before the password is checked, so that no number of
   * concurrent attempts (in this process or another on the same data folder) can check
   * more passwords than sequential ones would. BEGIN IMMEDIATE takes the write lock at
   * once: another attempt's read of the counter waits until this one's count is in.
   * Answers how long the profile is still blocked, or the attempt's number and the
   * block it will leave if the password turns out wrong. A right password then calls
   * clearFailures().
   */
  countAttempt(id: string, delayAfter: (failures: number) => number): { blockedForMs: number } | { failures: number; delayMs: number } {
    const now = this.clock.now();
    return this.db
      .transaction(() => {
        const row = this.failures(id);
        const blockedForMs = row?.blockedUntil ? Date.parse(row.blockedUntil) - now.getTime() : 0;
        if (blockedForMs > 0) return { blockedForMs };
        const failures = (row?.failures ?? 0) + 1;
        const delayMs = delayAfter(failures);
        const blockedUntil = delayMs > 0 ? new Date(now.getTime() + delayMs).toISOString() : null;
        this.db
          .prepare(
            `INSERT INTO unlock_failures (profile_id, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, ?)
             ON CONFLICT(profile_id) DO UPDATE SET failures = excluded.failures,
               last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until`,
          )
          .run(id, failures, now.toISOString(), blockedUntil);
        return { failures, delayMs };
      })
      .immediate();
  }

  /** A right password: the attempt counted by countAttempt() (and any before it) is forgiven. */
  clearFailures(id: string): void {
    this.db.prepare('DELETE FROM unlock_failures WHERE profile_id = ?').run(id);
  }

  audit(profileId: string | null, event: AuditEvent, detail: string | null = null): void {
    this.db
      .prepare('INSERT INTO audit_log (at, profile_id, event, detail) VALUES (?, ?, ?, ?)')
      .run(this.clock.now().toISOString(), profileId, event, detail);
  }

  auditLog(profileId?: string): AuditEntry[] {
    const sql =
      'SELECT at, profile_id AS profileId, event, detail FROM audit_log' +
      (profileId ? ' WHERE profile_id = ?' : '') +
      ' ORDER BY id';
    const stmt = this.db.prepare(sql);
    return (profileId ? stmt.all(profileId) : stmt.all()) as AuditEntry[];
  }

  /** One profile's entries, newest first, `limit` at a time below the `before` cursor. */
  auditPage(profileId: string, limit: number, before?: number): AuditLogPage {
    const rows = this.db
      .prepare(
        `SELECT id, at, event, detail FROM audit_log WHERE profile_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
      )
      .all(profileId, before ?? Number.MAX_SAFE_INTEGER, limit + 1) as AuditLogPage['entries'];
    const more = rows.length > limit;
    const entries = more ? rows.slice(0, limit) : rows;
    return { entries, nextCursor: more ? entries[entries.length - 1]!.id : null };
  }

  close(): void {
    // A failed fold (full disk) leaves the WAL to be replayed at the next open; the file closes regardless.
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (e) {
      console.error('[enclave] could not checkpoint the registry:', e);
    } finally {
      this.db.close();
    }
  }
}
