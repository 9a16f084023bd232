// Which window holds which unlocked profile, and each open profile's host process.
// A profile's host is shared by all windows bound to it and closed when the last
// of them locks or closes. A host that dies stays bound to its windows as stopped:
// their calls answer PROFILE_CRASHED until one of them reopens it.
import type { EventName, EventPayload } from '../../../shared/contract.js';
import { AppException } from '../../../shared/errors.js';
import type { LockReason } from '../../../shared/profiles/profiles.js';
import type { EventSink } from '../event-sink.js';
import { profileDir } from '../paths.js';
import type { Registry } from '../registry/registry.js';
import { CrashBackoff } from './crash-backoff.js';
import { ProfileWorkerClient, type HostStartOptions } from '../storage/profile-worker-client.js';

export interface OpenProfile {
  id: string;
  /** The profile's host; replaced by a new one when a stopped profile is reopened. */
  worker: ProfileWorkerClient;
  windows: Set<number>;
}

/** Told when a profile's host has opened and before it closes (scheduled backups). */
export interface SessionHooks {
  opened(profile: OpenProfile): void;
  closing(profileId: string): Promise<void>;
}

export class Sessions {
  private readonly open = new Map<string, Promise<OpenProfile>>();
  private readonly windowProfile = new Map<number, string>();
  // A profile being closed must finish closing before it is opened again: its host
  // holds DuckDB's lock on the file until it exits.
  private readonly closing = new Map<string, Promise<void>>();
  /** Unbinds under way, so that closing the core waits for them. */
  private readonly releasing = new Set<Promise<void>>();
  /** Restarts of stopped hosts under way, one per profile, shared by the windows asking. */
  private readonly restarting = new Map<string, Promise<void>>();
  private readonly backoff = new CrashBackoff();
  /** The open profiles whose host has started, by id (for hostPid, which must not wait). */
  private readonly started = new Map<string, OpenProfile>();

  constructor(
    private readonly dataDir: string,
    private readonly registry: Registry,
    private readonly sink: EventSink,
    private readonly hooks?: SessionHooks,
    private readonly host: HostStartOptions = {},
  ) {}

  /** Binds a window to a profile (opening its host if needed), releasing any earlier binding. */
  async bind(windowId: number, profileId: string): Promise<OpenProfile> {
    const previous = this.windowProfile.get(windowId);
    if (previous !== undefined && previous !== profileId) await this.unbind(windowId, 'switch');
    let opening = this.open.get(profileId);
    if (!opening) {
      await this.closing.get(profileId);
      // A profile being deleted (tombstoned meanwhile) is never opened again.
      if (!this.registry.get(profileId)) throw new AppException('NOT_FOUND', 'No such profile');
      opening = this.open.get(profileId);
    }
    if (!opening) {
      opening = this.startHost(profileId).then((worker) => {
        const profile = { id: profileId, worker, windows: new Set<number>() };
        this.supervise(profile);
        this.started.set(profileId, profile);
        this.hooks?.opened(profile);
        return profile;
      });
      this.open.set(profileId, opening);
      opening.catch(() => this.open.delete(profileId));
    }
    const profile = await opening;
    // Unlocking a profile whose host stopped starts it again (under the same backoff as Reopen).
    if (profile.worker.stopped) await this.restart(profile);
    profile.windows.add(windowId);
    this.windowProfile.set(windowId, profileId);
    return profile;
  }

  /**
   * Restarts the stopped host of the profile bound to a window. The window's profile
   * was authenticated when it was bound and the window has stayed bound since, so no
   * password is asked again. A host that is running is left alone (another window
   * reopened it first). Repeated crashes back off: PROFILE_CRASHED with retryAfterSeconds.
   */
  async reopen(windowId: number): Promise<void> {
    const profile = await this.of(windowId);
    if (!profile) throw new AppException('LOCKED', 'No profile is unlocked in this window');
    if (profile.worker.stopped) await this.restart(profile);
  }

  /** The open profile bound to a window, or null when the window is locked. */
  async of(windowId: number): Promise<OpenProfile | null> {
    const id = this.windowProfile.get(windowId);
    return id === undefined ? null : ((await this.open.get(id)) ?? null);
  }

  /** The process id of a profile's running host, or null (not open, still opening, or stopped). */
  hostPid(profileId: string): number | null {
    const profile = this.started.get(profileId);
    return profile && !profile.worker.stopped ? profile.worker.pid : null;
  }

  /** An open profile whose host has started (not one still opening or closing), or null. */
  startedProfile(profileId: string): OpenProfile | null {
    return this.started.get(profileId) ?? null;
  }

  /** Whether a profile's host is open or opening (its files are in use). */
  isOpen(profileId: string): boolean {
    return this.open.has(profileId) || this.closing.has(profileId);
  }

  profileIdOf(windowId: number): string | null {
    return this.windowProfile.get(windowId) ?? null;
  }

  windowsOf(profileId: string): number[] {
    return [...this.windowProfile].filter(([, p]) => p === profileId).map(([w]) => w);
  }

  /** Pushes an event to every window bound to a profile, and to no other. */
  notify<E extends EventName>(profileId: string, event: E, payload: EventPayload<E>): void {
    for (const windowId of this.windowsOf(profileId)) this.sink(windowId, event, payload);
  }

  /** Unbinds a window and tells it why; closes the profile's databases when no window holds it. */
  unbind(windowId: number, reason: LockReason): Promise<void> {
    const done: Promise<void> = this.release(windowId, reason).finally(() => this.releasing.delete(done));
    this.releasing.add(done);
    return done;
  }

  /** Locks every window and waits for every profile to be closed, also those closing already. */
  async unbindAll(reason: LockReason): Promise<void> {
    await Promise.all([...this.windowProfile.keys()].map((w) => this.unbind(w, reason)));
    await Promise.all([...this.releasing]);
  }

  /** Locks every window bound to a profile and waits until its host has closed. */
  async lockProfile(profileId: string, reason: LockReason): Promise<void> {
    await Promise.all(this.windowsOf(profileId).map((w) => this.unbind(w, reason)));
    await this.closing.get(profileId);
  }

  private startHost(profileId: string): Promise<ProfileWorkerClient> {
    return ProfileWorkerClient.start(profileDir(this.dataDir, profileId), this.host);
  }

  /** Routes a host's events to the profile's windows, and its death to them as `profileStopped`. */
  private supervise(profile: OpenProfile): void {
    const worker = profile.worker;
    // Events the host raises (import progress) go to this profile's windows only.
    worker.onEvent((e) => this.notify(profile.id, e.event, e.payload));
    worker.onCrash((error) => {
      if (profile.worker !== worker) return;
      this.backoff.crashed(profile.id);
      this.registry.audit(profile.id, 'profile stopped', error.message);
      this.notify(profile.id, 'profileStopped', { message: error.message });
    });
  }

  private restart(profile: OpenProfile): Promise<void> {
    let running = this.restarting.get(profile.id);
    if (!running) {
      running = (async () => {
        this.backoff.check(profile.id);
        profile.worker = await this.startHost(profile.id);
        this.supervise(profile);
        this.notify(profile.id, 'profileReopened', null);
      })().finally(() => this.restarting.delete(profile.id));
      this.restarting.set(profile.id, running);
    }
    return running;
  }

  private async release(windowId: number, reason: LockReason): Promise<void> {
    const profileId = this.windowProfile.get(windowId);
    if (profileId === undefined) return;
    this.windowProfile.delete(windowId);
    this.sink(windowId, 'sessionLocked', { reason });
    const opening = this.open.get(profileId);
    if (!opening) return;
    const profile = await opening;
    profile.windows.delete(windowId);
    if (profile.windows.size === 0 && this.open.get(profileId) === opening) {
      this.open.delete(profileId);
      this.started.delete(profileId);
      this.registry.audit(profileId, 'locked', reason);
      const closed = (this.hooks?.closing(profileId) ?? Promise.resolve())
        // A restart under way must finish first, or its new host would be left running.
        .then(() => this.restarting.get(profileId)?.catch(() => undefined))
        .then(() => profile.worker.close())
        .finally(() => this.closing.delete(profileId));
      this.closing.set(profileId, closed);
      await closed;
    }
  }
}
