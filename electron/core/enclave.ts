// Composition root of the plain-Node core, shared by the Electron main process,
// the CLI and the test harnesses. Nothing here imports `electron`.
import fs from 'node:fs';
import { AppException, type Result } from '../../shared/errors.js';
import type { FileGrant, FilePurpose } from '../../shared/files/file-grants.js';
import type { LockReason } from '../../shared/profiles/profiles.js';
import type { BackupPolicy } from './backup/backup-files.js';
import { Backups } from './backup/backups.js';
import { systemClock, type Clock } from './clock.js';
import { noDialogs, type FileDialogs } from './dialogs.js';
import { noWindows, type WindowOpener } from './window-opener.js';
import { FileGrants } from './files/file-grants.js';
import { grantFile } from './files/grant-file.js';
import type { SecretStore } from './keychain/secret-store.js';
import { ProfileService } from './profiles/profile-service.js';
import { Registry } from './registry/registry.js';
import { route } from './router/router.js';
import { Sessions, type SessionHooks } from './sessions/sessions.js';
import { forkLauncher } from './storage/fork-launcher.js';
import type { HostLauncher } from './storage/host-channel.js';
import { SpareHostLauncher } from './storage/spare-host.js';
import { ReminderScheduler, type ReminderSink, type Timers } from './reminders/reminder-scheduler.js';
import type { HostStartOptions } from './storage/profile-worker-client.js';
import type { HostBudget } from './storage/worker-protocol.js';
import { diskError } from './storage/storage-errors.js';
import type { EventSink } from './event-sink.js';

export type { EventSink } from './event-sink.js';

export interface EnclaveOptions {
  /** `<userData>`: holds registry.sqlite and profiles/<uuid>/. */
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  events?: EventSink;
  /** Native file dialogs (the Electron shell); none by default. */
  dialogs?: FileDialogs;
  /** Opens another app window (the Electron shell, the Chromium harness); none by default. */
  windows?: WindowOpener;
  /** Automatic backups of every open profile (the desktop app: DEFAULT_BACKUP_POLICY); none by default. */
  backups?: BackupPolicy;
  /** How profile host processes start: child_process.fork by default, utilityProcess in the desktop app. */
  hostLauncher?: HostLauncher;
  /** Where host processes' stderr lines go (the app's log); this process's stderr by default. */
  hostLog?: (line: string) => void;
  /**
   * Keep one host process started ahead of the next unlock (storage/spare-host.ts): the
   * app, the harness and the bench, where people unlock interactively. Off by default
   * (the CLI opens one profile per command; unit tests count processes).
   */
  spareHost?: boolean;
  /** Each host's limits; by default this machine's share (storage/host-budget.ts). Tests pass small ones. */
  hostBudget?: HostBudget;
  /**
   * Shows an unlocked profile's event reminders as they fall due (the desktop app: an OS
   * notification). None by default: the CLI and tests show nothing. Pending reminders of a
   * profile are dropped when it locks.
   */
  reminders?: ReminderSink;
  /** Timers for the reminders (tests pass ones driven by their manual clock). */
  reminderTimers?: Timers;
}

export interface Enclave {
  /**
   * Handles one bridge call from a window: validates the input against the contract,
   * resolves the window's profile (data channels never carry one) and runs the handler.
   * Never throws: every failure is a `{ ok: false, error }` value.
   */
  handle(windowId: number, channel: string, input: unknown): Promise<Result<unknown>>;
  /**
   * The trusted path entry, never reachable through the router: a token for `file`,
   * usable once by `windowId` for `purpose`, after the same checks as a dialog's file
   * (absolute, outside the data folder; to read: an existing file). The CLI uses it for
   * the paths it is given, main for files dropped on a window (from the preload), the
   * test harnesses for their scripted files. Throws AppException when refused.
   */
  grantFile(windowId: number, purpose: FilePurpose, file: string): FileGrant;
  /** Unbinds a window (its profile's databases close when no window holds it any more). */
  lockWindow(windowId: number, reason: LockReason): Promise<void>;
  /** Locks every window (OS screen lock, suspend, quit). */
  lockAll(reason: LockReason): Promise<void>;
  /** Locks everything and closes the registry. */
  close(): Promise<void>;
  readonly profiles: ProfileService;
  /**
   * The process id of an open profile's host, or null when it has none running. For
   * supervision tests, the crash suite and the bench, which kill hosts on purpose.
   */
  hostPid(profileId: string): number | null;
  /** Exports, restores and automatic backups; runDue() makes the backups due now. */
  readonly backups: Pick<Backups, 'runDue'>;
}

/** The data directory and its registry, or a typed error saying why not (read-only, full, unreadable). */
function openRegistry(dataDir: string, clock: Clock): Registry {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // SQLite would open a read-only registry for reading and fail only at the first
    // unlock; say so at once instead (EROFS holds for root too).
    fs.accessSync(dataDir, fs.constants.W_OK);
    return Registry.open(dataDir, clock);
  } catch (e) {
    throw diskError(e) ?? new AppException('STORAGE_ERROR', `Enclave cannot open its data folder ${dataDir}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function openEnclave(options: EnclaveOptions): Promise<Enclave> {
  const { dataDir, secrets } = options;
  const clock = options.clock ?? systemClock;
  const sink: EventSink = options.events ?? (() => undefined);
  const dialogs = options.dialogs ?? noDialogs;
  const windows = options.windows ?? noWindows;
  const files = new FileGrants(clock);
  const registry = openRegistry(dataDir, clock);
  const spare = options.spareHost ? new SpareHostLauncher(options.hostLauncher ?? forkLauncher) : null;
  spare?.warm();
  const launcher = spare ?? options.hostLauncher;
  const host: HostStartOptions = {
    ...(launcher ? { launcher } : {}),
    ...(options.hostLog ? { log: options.hostLog } : {}),
    ...(options.hostBudget ? { budget: options.hostBudget } : {}),
    // Where profiles are unlocked interactively, analytics opens in the background after the first page.
    ...(spare ? { warmAnalytics: true } : {}),
  };
  const profiles = new ProfileService(dataDir, registry, secrets, clock, host);
  const backups = new Backups(dataDir, clock, profiles, options.backups ?? null);
  const reminders = options.reminders
    ? new ReminderScheduler(
        clock,
        async (profileId, from, to) => {
          const profile = sessionsRef.started(profileId);
          if (!profile) return [];
          return profile.worker.call('eventReminders', {
            from: from.toISOString(),
            to: to.toISOString(),
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          });
        },
        options.reminders,
        options.reminderTimers,
        options.hostLog,
      )
    : null;
  // Reminders follow the events: any change pushed to a profile's windows renews its schedule.
  const pushing: EventSink = reminders
    ? (windowId, event, payload) => {
        if (event === 'eventsChanged') {
          const profileId = sessionsRef.profileIdOf(windowId);
          if (profileId !== null) reminders.changed(profileId);
        }
        sink(windowId, event, payload);
      }
    : sink;
  const hooks: SessionHooks = {
    opened: (profile) => {
      backups.opened(profile);
      reminders?.opened(profile.id);
    },
    closing: (profileId) => {
      reminders?.closing(profileId);
      return backups.closing(profileId);
    },
  };
  const sessions = new Sessions(dataDir, registry, pushing, hooks, host);
  const sessionsRef = { started: (id: string) => sessions.startedProfile(id), profileIdOf: (w: number) => sessions.profileIdOf(w) };
  await profiles.finishPendingDeletions();
  await profiles.removeUnfinishedCreations();
  let closed = false;

  return {
    profiles,
    backups,
    handle: (windowId, channel, input) => route({ windowId, dataDir, dialogs, files, profiles, sessions, backups, clock, windows }, channel, input),
    grantFile: (windowId, purpose, file) => grantFile(files, dataDir, windowId, purpose, file),
    // A locked or closed window's file tokens go with it.
    lockWindow: (windowId, reason) => {
      files.revokeWindow(windowId);
      return sessions.unbind(windowId, reason);
    },
    lockAll: (reason) => {
      files.revokeAll();
      return sessions.unbindAll(reason);
    },
    hostPid: (profileId) => sessions.hostPid(profileId),
    async close() {
      if (closed) return;
      closed = true;
      files.revokeAll();
      await sessions.unbindAll('quit');
      await spare?.dispose();
      registry.close();
    },
  };
}
