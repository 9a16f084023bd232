// Exports, automatic backups and restores of profiles, on the main thread. The
// snapshot and the archive are made in the profile's worker (snapshot-methods.ts);
// restoring checks the whole archive before anything is created, then creates the
// profile through ProfileService, which undoes everything if a later step fails.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveOutcome, BackupInfo } from '../../../shared/backups/backups.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { Clock } from '../clock.js';
import { KeyedQueue } from '../keyed-queue.js';
import type { CreateProfileInput, ProfileService } from '../profiles/profile-service.js';
import type { OpenProfile, SessionHooks } from '../sessions/sessions.js';
import type { ProfileWorkerClient } from '../storage/profile-worker-client.js';
import { appVersion } from './app-version.js';
import { invalid, readArchive, type ArchiveManifest } from './archive.js';
import { backupId, backupsDir, DEFAULT_BACKUP_POLICY, listBackupFiles, pruneBackups, type BackupPolicy } from './backup-files.js';
import { ProfileDamaged } from './damage.js';

/** How often a profile that stays open is checked for a due backup. */
const CHECK_EVERY_MS = 15 * 60 * 1000;

export class Backups implements SessionHooks {
  /** Per profile, the backup work under way (one at a time). */
  private readonly queue = new KeyedQueue<string>();
  private readonly scheduled = new Map<string, { worker: ProfileWorkerClient; timer: NodeJS.Timeout }>();

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly profiles: ProfileService,
    /** null: no automatic backups (the CLI, tests); backupNow still works. */
    private readonly policy: BackupPolicy | null,
  ) {}

  /** Writes an archive of an open profile to `target` (already checked to lie outside the user-data dir). */
  async exportTo(profileId: string, worker: ProfileWorkerClient, target: string): Promise<ArchiveOutcome> {
    const outcome = await this.writeArchive(profileId, worker, target);
    this.profiles.audit(profileId, 'profile exported', `${outcome.bytes} bytes`);
    return outcome;
  }

  /** Makes an automatic backup now and drops the oldest beyond the kept number. */
  backupNow(profileId: string, worker: ProfileWorkerClient): Promise<BackupInfo> {
    return this.serially(profileId, () => this.makeBackup(profileId, worker));
  }

  /** Checks an archive completely, then creates a new profile holding its data. */
  async restore(file: string, input: CreateProfileInput): Promise<ProfileSummary> {
    const manifest = await readArchive(file); // nothing exists yet when this throws
    const summary = await this.profiles.create(input, {
      place: async (dir) => {
        const again = await readArchive(file, dir);
        if (JSON.stringify(again) !== JSON.stringify(manifest)) throw invalid('it changed while it was being restored');
      },
      check: (worker) => checkCounts(worker, manifest),
    }).catch((e: unknown) => {
      // Files whose checksums match but that no database accepts: a forged archive.
      if (e instanceof ProfileDamaged) throw invalid(`its ${e.damaged.map((d) => d.file).join(' and ')} cannot be opened`);
      throw e;
    });
    this.profiles.audit(summary.id, 'profile restored', `archive of ${JSON.stringify(manifest.profileName)} made ${manifest.createdAt} by Enclave ${manifest.appVersion}`);
    return summary;
  }

  // SessionHooks: automatic backups run while a profile is open.
  opened(profile: OpenProfile): void {
    if (!this.policy) return;
    const timer = setInterval(() => void this.backupIfDue(profile.id), Math.min(this.policy.intervalMs, CHECK_EVERY_MS));
    timer.unref();
    this.scheduled.set(profile.id, { worker: profile.worker, timer });
    void this.backupIfDue(profile.id);
  }

  async closing(profileId: string): Promise<void> {
    const entry = this.scheduled.get(profileId);
    if (entry) clearInterval(entry.timer);
    this.scheduled.delete(profileId);
    await this.queue.idle(profileId);
  }

  /** Makes the backups that are due now (the timers call this; tests call it after moving the clock). */
  async runDue(): Promise<void> {
    await Promise.all([...this.scheduled.keys()].map((id) => this.backupIfDue(id)));
  }

  private backupIfDue(profileId: string): Promise<void> {
    return this.serially(profileId, async () => {
      const entry = this.scheduled.get(profileId);
      if (!entry || !this.policy) return;
      const [last] = await listBackupFiles(this.dataDir, profileId);
      if (last && this.clock.now().getTime() - Date.parse(last.createdAt) < this.policy.intervalMs) return;
      await this.makeBackup(profileId, entry.worker).catch((e: unknown) => console.error('[enclave] automatic backup failed:', e));
    });
  }

  private async makeBackup(profileId: string, worker: ProfileWorkerClient): Promise<BackupInfo> {
    const dir = backupsDir(this.dataDir, profileId);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    let at = this.clock.now();
    const taken = new Set((await listBackupFiles(this.dataDir, profileId)).map((b) => b.id));
    while (taken.has(backupId(at))) at = new Date(at.getTime() + 1);
    const id = backupId(at);
    const { bytes } = await this.writeArchive(profileId, worker, path.join(dir, id), at);
    await pruneBackups(this.dataDir, profileId, (this.policy ?? DEFAULT_BACKUP_POLICY).keep);
    return { id, createdAt: at.toISOString(), bytes };
  }

  private writeArchive(profileId: string, worker: ProfileWorkerClient, target: string, at = this.clock.now()): Promise<ArchiveOutcome> {
    return worker.call('writeArchive', {
      target,
      profileName: this.profiles.get(profileId).name,
      appVersion: appVersion(),
      createdAt: at.toISOString(),
    });
  }

  private serially<T>(profileId: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(profileId, work);
  }
}

/** A restored profile must hold exactly the rows its manifest counted (same schema: no migration ran). */
async function checkCounts(worker: ProfileWorkerClient, manifest: ArchiveManifest): Promise<void> {
  const opened = await worker.call('archiveCounts', undefined);
  if (opened.schema.sqlite !== manifest.schema.sqlite || opened.schema.duckdb !== manifest.schema.duckdb) return;
  for (const db of ['sqlite', 'duckdb'] as const) {
    if (JSON.stringify(sorted(opened.counts[db])) !== JSON.stringify(sorted(manifest.counts[db]))) {
      throw invalid(`its ${db === 'sqlite' ? 'data.sqlite' : 'analytics.duckdb'} does not hold the rows its manifest lists`);
    }
  }
}

const sorted = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));

