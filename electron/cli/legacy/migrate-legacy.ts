// Turns a read legacy database (see legacy-source.ts) into one new profile per user.
// Rows go in through the app's own repositories, so search indexes, positions and
// defaults are exactly what the app makes. All or nothing: when anything fails, every
// profile made so far is deleted again (files, keychain entry and registry row).
import { contract } from '../../../shared/contract.js';
import { AppException } from '../../../shared/errors.js';
import { PROFILE_NAME_MAX } from '../../../shared/profiles/profiles.js';
import { profileDir } from '../../core/paths.js';
import type { ProfileService } from '../../core/profiles/profile-service.js';
import { EventRepository } from '../../host/events/event-repository.js';
import { NoteRepository } from '../../host/notes/note-repository.js';
import { TaskRepository } from '../../host/tasks/task-repository.js';
import { openSqliteStore } from '../../core/storage/sqlite-store.js';
import type { LegacyData, LegacyTable, LegacyUser } from './legacy-source.js';

export interface MigratedUser {
  userId: string;
  profileId: string;
  profile: string;
  tasks: number;
  notes: number;
  events: number;
}

export interface LegacyMigrationReport {
  users: MigratedUser[];
  /** Rows left out for having no owner (only with skipOwnerless). */
  skippedOwnerless: Record<LegacyTable, number>;
}

const validName = (name: string) => contract.createProfile.input.safeParse({ name }).success;

/** The legacy name when it makes a valid profile name, else `user <id>`; room is left for a suffix. */
function baseName(user: LegacyUser): string {
  const room = PROFILE_NAME_MAX - ' (99)'.length;
  if (user.name !== null && validName(user.name.slice(0, room))) return user.name.slice(0, room).trim();
  // eslint-disable-next-line no-control-regex
  return `user ${user.userId.replace(/[\u0000-\u001f\u007f]/g, '')}`.slice(0, room).trim();
}

/** Creates a passwordless profile under the first free name: NAME, NAME (2), NAME (3)… */
async function createUnder(profiles: ProfileService, base: string) {
  for (let n = 1; ; n++) {
    try {
      return await profiles.create({ name: n === 1 ? base : `${base} (${n})` });
    } catch (e) {
      if (!(e instanceof AppException && e.code === 'ALREADY_EXISTS') || n >= 99) throw e;
    }
  }
}

/** Inserts one user's rows into a new profile's data.sqlite, in one transaction. */
function insertRows(dir: string, user: LegacyUser, migratedAt: Date): void {
  const store = openSqliteStore(dir);
  try {
    // The repositories read the time from their clock: each row keeps its legacy creation time.
    let at = migratedAt;
    const clock = () => at;
    const tasks = new TaskRepository(store.db, clock);
    const notes = new NoteRepository(store.db, clock);
    const events = new EventRepository(store.db, clock);
    const when = (createdAt: string | null) => (createdAt === null ? migratedAt : new Date(createdAt));
    store.db.transaction(() => {
      for (const t of user.tasks) {
        at = when(t.createdAt);
        tasks.create(t.input);
      }
      for (const n of user.notes) {
        at = when(n.createdAt);
        notes.create(n.input);
      }
      for (const e of user.events) {
        at = when(e.createdAt);
        events.create(e.input);
      }
    })();
  } finally {
    store.close();
  }
}

export async function migrateLegacy(profiles: ProfileService, dataDir: string, data: LegacyData): Promise<LegacyMigrationReport> {
  const migratedAt = new Date();
  const report: MigratedUser[] = [];
  try {
    for (const user of data.users) {
      const profile = await createUnder(profiles, baseName(user));
      report.push({
        userId: user.userId,
        profileId: profile.id,
        profile: profile.name,
        tasks: user.tasks.length,
        notes: user.notes.length,
        events: user.events.length,
      });
      try {
        insertRows(profileDir(dataDir, profile.id), user, migratedAt);
      } catch (e) {
        const where = `user ${user.userId}`;
        if (e instanceof AppException) throw new AppException(e.code, `${where}: ${e.message}; nothing was migrated`, e.extra);
        throw e;
      }
      profiles.recordActivity(
        profile.id,
        'legacy data migrated',
        `${user.tasks.length} tasks, ${user.notes.length} notes, ${user.events.length} events`,
      );
    }
  } catch (e) {
    // A deletion that fails here leaves a tombstone, which the next start finishes.
    for (const { profileId } of report) {
      try {
        profiles.markDeleting(profileId);
        await profiles.finishDeletion(profileId);
      } catch (cleanup) {
        console.error('[enclave] could not remove a profile of a failed migration:', cleanup);
      }
    }
    throw e;
  }
  return { users: report, skippedOwnerless: data.ownerless };
}
