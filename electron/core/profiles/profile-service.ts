// Creating, listing and authenticating profiles. Secrets go to the keychain, the
// registry holds only names and counters, files go under profiles/<random uuid>/.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AuditEvent, AuditLogPage } from '../../../shared/activity/audit.js';
import { AppException } from '../../../shared/errors.js';
import { PROFILE_COLORS, type ProfileColor, type ProfileSummary, type ProfileUsage } from '../../../shared/profiles/profiles.js';
import { createVerifier, verifyPassword } from '../auth/password.js';
import { delayAfter, secondsLeft } from '../auth/throttle.js';
import type { Clock } from '../clock.js';
import { KeyedQueue } from '../keyed-queue.js';
import type { SecretStore } from '../keychain/secret-store.js';
import { DUCKDB_FILE, profileDir, profilesRoot, SQLITE_FILE } from '../paths.js';
import type { ProfileRow, Registry } from '../registry/registry.js';
import { ProfileWorkerClient, type HostStartOptions } from '../storage/profile-worker-client.js';
import {
  keychainCall,
  newProfileSecrets,
  readProfileSecrets,
  writeProfileSecrets,
  type ProfileSecrets,
} from './profile-secrets.js';
import { deleteAiKey, readAiKey, writeAiKey } from './ai-key.js';
import { sourcePasswords } from './source-secrets.js';

const PROFILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** How old a directory without a registry row must be before a start removes it. */
const UNFINISHED_AFTER_MS = 10 * 60_000;

export interface CreateProfileInput {
  name: string;
  password?: string | undefined;
  color?: ProfileColor | undefined;
}

async function fileUsage(dataDir: string, row: ProfileRow): Promise<ProfileUsage> {
  const dir = profileDir(dataDir, row.id);
  const size = async (...files: string[]) => {
    const sizes = await Promise.all(files.map((f) => fs.stat(path.join(dir, f)).then((s) => s.size, () => 0)));
    return sizes.reduce((a, b) => a + b, 0);
  };
  return {
    profileId: row.id,
    sqliteBytes: await size(SQLITE_FILE, `${SQLITE_FILE}-wal`),
    duckdbBytes: await size(DUCKDB_FILE, `${DUCKDB_FILE}.wal`),
    lastOpenedAt: row.lastOpenedAt,
  };
}

/**
 * Where a new profile's databases come from when they are not created empty (a
 * restore): `place` writes the files into the new, still empty directory; `check`
 * may inspect them once opened. Either failing undoes the whole creation.
 */
export interface ProfileSource {
  place(dir: string): Promise<void>;
  check?(worker: ProfileWorkerClient): Promise<void>;
}

export class ProfileService {
  private readonly attempts = new KeyedQueue<string>();

  constructor(
    private readonly dataDir: string,
    private readonly registry: Registry,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    /** How profile hosts are started (creation and restore open the new profile's databases once). */
    private readonly host: HostStartOptions = {},
  ) {}

  list(): ProfileSummary[] {
    return this.registry.list().map((row) => this.summary(row));
  }

  get(id: string): ProfileRow {
    const row = this.registry.get(id);
    if (!row) throw new AppException('NOT_FOUND', 'No such profile');
    return row;
  }

  findByName(name: string): ProfileRow {
    const row = this.registry.findByName(name);
    if (!row) throw new AppException('NOT_FOUND', `No profile named ${JSON.stringify(name)}`);
    return row;
  }

  summary(row: ProfileRow): ProfileSummary {
    const blockedUntil = this.registry.failures(row.id)?.blockedUntil ?? null;
    const blocked = secondsLeft(blockedUntil, this.clock.now()) > 0;
    return { ...row, unlockBlockedUntil: blocked ? blockedUntil : null };
  }

  async create(input: CreateProfileInput, source?: ProfileSource): Promise<ProfileSummary> {
    if (this.registry.nameTaken(input.name)) {
      throw new AppException('ALREADY_EXISTS', 'A profile with that name already exists', { field: 'name' });
    }
    const id = randomUUID();
    const dir = profileDir(this.dataDir, id);
    const color = input.color ?? PROFILE_COLORS[this.registry.list().length % PROFILE_COLORS.length]!;
    const verifier = input.password === undefined ? null : await createVerifier(input.password);

    await fs.mkdir(profilesRoot(this.dataDir), { recursive: true, mode: 0o700 });
    await fs.mkdir(dir, { mode: 0o700 });
    let wroteSecret = false;
    try {
      await writeProfileSecrets(this.secrets, id, newProfileSecrets(verifier));
      wroteSecret = true;
      await source?.place(dir);
      // Create (or open what was placed) both databases and apply their migrations
      // now, so a broken environment shows up at creation rather than at first unlock.
      const worker = await ProfileWorkerClient.start(dir, this.host);
      try {
        await source?.check?.(worker);
      } finally {
        await worker.close();
      }
      this.registry.insert({ id, name: input.name, color, hasPassword: verifier !== null, createdAt: this.clock.now().toISOString() });
    } catch (e) {
      await fs.rm(dir, { recursive: true, force: true });
      if (wroteSecret) await keychainCall(() => this.secrets.delete(id)).catch(() => undefined);
      if (e instanceof Error && /UNIQUE constraint failed: profiles\.name_key/.test(e.message)) {
        throw new AppException('ALREADY_EXISTS', 'A profile with that name already exists', { field: 'name' });
      }
      throw e;
    }
    return this.summary(this.get(id));
  }

  /**
   * Verifies a profile's password (constant-time, in this process) under the
   * persisted throttle. Returns the profile row on success.
   */
  async authenticate(id: string, password: string | undefined): Promise<ProfileRow> {
    await this.verify(id, password);
    this.registry.markOpened(id);
    return this.get(id);
  }

  /** Verifies a profile's password under the same throttle as unlocking, without opening it. */
  async checkPassword(id: string, password: string | undefined): Promise<ProfileRow> {
    await this.verify(id, password);
    return this.get(id);
  }

  audit(id: string, event: AuditEvent, detail: string | null = null): void {
    this.registry.audit(id, event, detail);
  }

  /** Sizes of every profile's databases with their write-ahead logs; nothing is opened. */
  async usage(): Promise<ProfileUsage[]> {
    return Promise.all(this.registry.list().map((row) => this.usageOf(row)));
  }

  /** One profile's sizes and last opened, as usage() gives them. */
  usageOf(row: ProfileRow): Promise<ProfileUsage> {
    return fileUsage(this.dataDir, row);
  }

  /** Records something a profile did (an import, an export) in its activity log. */
  recordActivity(id: string, event: AuditEvent, detail: string): void {
    this.registry.audit(id, event, detail);
  }

  /** One page of a profile's own activity log, newest first. */
  activity(id: string, limit: number, before?: number): AuditLogPage {
    return this.registry.auditPage(id, limit, before);
  }

  rename(id: string, name: string): ProfileRow {
    this.get(id);
    if (this.registry.nameTaken(name, id)) {
      throw new AppException('ALREADY_EXISTS', 'A profile with that name already exists', { field: 'name' });
    }
    this.registry.rename(id, name);
    return this.get(id);
  }

  /**
   * Sets, changes or (newPassword undefined) removes a profile's password. The current
   * one is checked under the same throttle as unlocking; the profile key is kept.
   */
  changePassword(id: string, currentPassword: string | undefined, newPassword: string | undefined): Promise<ProfileRow> {
    return this.oneAtATime(id, async () => {
      const secrets = await this.verify(id, currentPassword);
      const verifier = newPassword === undefined ? null : await createVerifier(newPassword);
      await writeProfileSecrets(this.secrets, id, { ...secrets, verifier });
      this.registry.passwordChanged(id, verifier !== null);
      return this.get(id);
    });
  }

  /**
   * Checks that a deletion is meant: the password of a protected profile (throttled
   * like unlocking), or the exact name of a passwordless one.
   */
  authorizeDeletion(id: string, password: string | undefined, confirmName: string | undefined): Promise<void> {
    return this.oneAtATime(id, async () => {
      const row = this.get(id);
      const secrets = await this.verify(id, password);
      if (!secrets.verifier && confirmName !== row.name) {
        throw new AppException('INVALID_INPUT', 'Type the profile\'s name to confirm deleting it', { field: 'confirmName' });
      }
    });
  }

  /** Step one of a deletion: the tombstone. The profile can no longer be listed or opened. */
  markDeleting(id: string): void {
    this.get(id);
    this.registry.markDeleting(id);
  }

  /**
   * Removes a tombstoned profile's directory and keychain entry, then its row. Each
   * step may be repeated, so a deletion cut short by a crash is finished by the next start.
   */
  async finishDeletion(id: string): Promise<void> {
    await fs.rm(profileDir(this.dataDir, id), { recursive: true, force: true });
    await deleteAiKey(this.secrets, id);
    await sourcePasswords.removeAll(this.secrets, id);
    await keychainCall(() => this.secrets.delete(id));
    this.registry.finishDeletion(id);
  }

  /** The profile's AI endpoint key from the keychain, or null (ai-key.ts). */
  aiKey(id: string): Promise<string | null> {
    return readAiKey(this.secrets, id);
  }

  /** Stores (or, with null, removes) the profile's AI endpoint key in the keychain. */
  async setAiKey(id: string, key: string | null): Promise<void> {
    if (key === null) await deleteAiKey(this.secrets, id);
    else await writeAiKey(this.secrets, id, key);
  }

  /** The keychain password of one of the profile's saved sources (null: it has none). */
  sourcePassword(id: string, source: string): Promise<string | null> {
    return sourcePasswords.get(this.secrets, id, source);
  }

  setSourcePassword(id: string, source: string, password: string): Promise<void> {
    return sourcePasswords.set(this.secrets, id, source, password);
  }

  removeSourcePassword(id: string, source: string): Promise<void> {
    return sourcePasswords.remove(this.secrets, id, source);
  }

  /** Finishes every deletion a crash interrupted; one that fails again waits for the next start. */
  async finishPendingDeletions(): Promise<void> {
    for (const id of this.registry.tombstones()) {
      try {
        await this.finishDeletion(id);
      } catch (e) {
        console.error('[enclave] could not finish deleting a profile:', e);
      }
    }
  }

  /**
   * Removes what a creation cut short by a crash left behind: a directory (and perhaps
   * a keychain entry) under an id the registry never got. Such a profile was never
   * listed or openable. Only leftovers older than a few minutes go, so a creation
   * still running in another process (the CLI beside the app) is not taken apart.
   */
  async removeUnfinishedCreations(): Promise<void> {
    const known = new Set(this.registry.allIds());
    const names = await fs.readdir(profilesRoot(this.dataDir)).catch(() => []);
    for (const name of names) {
      if (known.has(name) || !PROFILE_ID.test(name)) continue;
      const dir = profileDir(this.dataDir, name);
      try {
        const { mtimeMs } = await fs.stat(dir);
        if (this.clock.now().getTime() - mtimeMs < UNFINISHED_AFTER_MS) continue;
        // The secret first: the directory is what marks the leftover for the next attempt.
        await keychainCall(() => this.secrets.delete(name));
        await sourcePasswords.removeAll(this.secrets, name);
        await fs.rm(dir, { recursive: true, force: true });
      } catch (e) {
        console.error('[enclave] could not remove an unfinished profile:', e);
      }
    }
  }

  // One password change or deletion check at a time per profile, so two changes cannot
  // interleave their keychain writes. (The throttle needs no such queue: verify()
  // counts each attempt atomically in the registry.)
  private oneAtATime<T>(id: string, op: () => Promise<T>): Promise<T> {
    return this.attempts.run(id, op);
  }

  /**
   * Checks the password (when the profile has one) under the throttle; returns the
   * profile's secrets. The attempt is counted (atomically, see Registry.countAttempt)
   * before scrypt runs and forgiven on success, so parallel guesses, even from another
   * process, never get more tries than sequential ones.
   */
  private async verify(id: string, password: string | undefined): Promise<ProfileSecrets> {
    this.get(id); // NOT_FOUND before anything else
    const secrets = await readProfileSecrets(this.secrets, id);
    if (!secrets.verifier) return secrets;
    const attempt = this.registry.countAttempt(id, delayAfter);
    if ('blockedForMs' in attempt) {
      const wait = Math.ceil(attempt.blockedForMs / 1000);
      throw new AppException('THROTTLED', `Too many wrong passwords. Try again in ${wait} s.`, { retryAfterSeconds: wait });
    }
    const good = password !== undefined && (await verifyPassword(password, secrets.verifier));
    if (!good) this.fail(id, attempt.failures, attempt.delayMs, password === undefined);
    this.registry.clearFailures(id);
    return secrets;
  }

  private fail(id: string, failures: number, delay: number, missing: boolean): never {
    this.registry.audit(id, 'unlock failed', `failure ${failures}`);
    const base = missing ? 'This profile needs its password.' : 'Wrong password.';
    if (delay > 0) {
      const s = Math.ceil(delay / 1000);
      throw new AppException('AUTH_FAILED', `${base} Too many attempts: try again in ${s} s.`, {
        field: 'password',
        retryAfterSeconds: s,
      });
    }
    throw new AppException('AUTH_FAILED', base, { field: 'password' });
  }
}
