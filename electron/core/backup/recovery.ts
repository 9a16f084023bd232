// Recovering a profile whose database files are damaged. Only the damaged files are
// touched: each is renamed `<file>.damaged-<time>` in the profile's folder (kept,
// in case someone can rescue more from it later) and replaced by the copy in one
// of the profile's backups, or by an empty database. The healthy file is kept.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DamagedFile, ProfileFile } from '../../../shared/backups/backups.js';
import { AppException } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import { profileDir, SQLITE_FILE } from '../paths.js';
import type { ProfileService } from '../profiles/profile-service.js';
import type { Sessions } from '../sessions/sessions.js';
import { ProfileWorkerClient } from '../storage/profile-worker-client.js';
import { readArchive } from './archive.js';
import { backupFile } from './backup-files.js';
import { ProfileDamaged } from './damage.js';

export type Recovery = { kind: 'backup'; backupId: string } | { kind: 'empty' };

/** The files that travel with a database: its write-ahead log (and SQLite's shared memory). */
const companions = (file: ProfileFile) => (file === SQLITE_FILE ? [file, `${file}-wal`, `${file}-shm`] : [file, `${file}.wal`]);

const exists = (p: string) => fs.stat(p).then(() => true, () => false);

/** Which files of a closed profile are damaged (none for a profile that opens). */
export async function findDamage(dataDir: string, sessions: Sessions, profileId: string): Promise<DamagedFile[]> {
  // An open profile opened fine; a second worker on its files must never start.
  if (sessions.isOpen(profileId)) return [];
  try {
    const worker = await ProfileWorkerClient.start(profileDir(dataDir, profileId));
    await worker.close();
    return [];
  } catch (e) {
    if (e instanceof ProfileDamaged) return e.damaged;
    throw e;
  }
}

export async function recoverDamaged(
  deps: { dataDir: string; sessions: Sessions; profiles: ProfileService; clock: Clock },
  profileId: string,
  recovery: Recovery,
): Promise<void> {
  const { dataDir, sessions, profiles, clock } = deps;
  const damaged = await findDamage(dataDir, sessions, profileId);
  if (damaged.length === 0) throw new AppException('INVALID_INPUT', 'This profile is not damaged', { field: 'profileId' });
  const dir = profileDir(dataDir, profileId);
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  // The backup is unpacked (and checked) in the profile's folder before anything moves.
  const unpacked = path.join(dir, `.recovery-${randomUUID()}`);
  const moved: Array<[from: string, to: string]> = [];
  /** Damaged files already moved aside: what is now under their names is ours to remove on failure. */
  const replaced: ProfileFile[] = [];
  try {
    if (recovery.kind === 'backup') {
      await fs.mkdir(unpacked, { mode: 0o700 });
      await readArchive(await backupFile(dataDir, profileId, recovery.backupId), unpacked);
    }
    for (const { file } of damaged) {
      for (const name of companions(file)) {
        const from = path.join(dir, name);
        if (!(await exists(from))) continue;
        const to = path.join(dir, `${name}.damaged-${stamp}`);
        await fs.rename(from, to);
        moved.push([from, to]);
      }
      replaced.push(file);
      if (recovery.kind === 'backup') {
        await fs.rename(path.join(unpacked, file), path.join(dir, file));
      }
    }
    // Opening creates whatever is missing (start empty) and proves the profile opens again.
    const worker = await ProfileWorkerClient.start(dir);
    await worker.close();
  } catch (e) {
    for (const file of replaced) for (const name of companions(file)) await fs.rm(path.join(dir, name), { force: true });
    for (const [from, to] of moved.reverse()) await fs.rename(to, from).catch(() => undefined);
    throw e instanceof ProfileDamaged ? new AppException('STORAGE_ERROR', `The profile still does not open: ${e.message}`) : e;
  } finally {
    await fs.rm(unpacked, { recursive: true, force: true });
  }
  profiles.audit(
    profileId,
    'damaged files moved aside',
    `${damaged.map((d) => d.file).join(', ')} (${recovery.kind === 'backup' ? `replaced from ${recovery.backupId}` : 'started empty'})`,
  );
}
