// The core's handle on one profile's host process: typed calls, replies matched by
// id, and the host's death turned into PROFILE_CRASHED for every call in flight.
// (The name predates the process design: it was a worker thread; callers still say `worker`.)
import { AppException, type AppError } from '../../../shared/errors.js';
import { ProfileDamaged } from '../backup/damage.js';
import { defaultHostBudget } from './host-budget.js';
import { HOST_ENTRY, HOST_NAME, type HostChannel, type HostExit, type HostLauncher } from './host-channel.js';
import { forkLauncher } from './fork-launcher.js';
import { decodeReplyValue } from './page-transfer.js';
import type {
  HostBudget,
  MethodParams,
  MethodResult,
  WorkerEvent,
  WorkerMessage,
  WorkerMethod,
  WorkerRequest,
} from './worker-protocol.js';

/** How long a host may take to checkpoint and close before it is killed (lock, quit). */
export const CLOSE_TIMEOUT_MS = 5_000;

export interface HostStartOptions {
  launcher?: HostLauncher;
  budget?: HostBudget;
  /** Where the host's stderr lines go (the app's log); by default this process's stderr. */
  log?: (line: string) => void;
  /** See WorkerInit.warmAnalytics. */
  warmAnalytics?: boolean;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: AppException): void;
}

const fromAppError = (e: AppError) =>
  new AppException(e.code, e.message, { field: e.field, ...(e.position !== undefined ? { position: e.position } : {}) });

const describeExit = ({ code, signal }: HostExit) => (signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`);

export class ProfileWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited: AppException | null = null;
  private closing = false;
  private eventListener: ((event: WorkerEvent) => void) | null = null;
  private crashListener: ((error: AppException) => void) | null = null;
  private readonly exit: Promise<HostExit>;

  private constructor(private readonly host: HostChannel) {
    host.onMessage((m) => {
      if (m.kind === 'event') {
        this.eventListener?.(m);
        return;
      }
      if (m.kind !== 'reply') return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(decodeReplyValue(m.value));
      else p.reject(fromAppError(m.error));
    });
    this.exit = new Promise((resolve) => host.onExit(resolve));
    void this.exit.then((exit) => {
      const crashed = !this.closing;
      this.exited = crashed
        ? new AppException('PROFILE_CRASHED', `This profile's process stopped (${describeExit(exit)}). Reopen the profile to continue.`)
        : new AppException('STORAGE_ERROR', 'This profile has been closed');
      for (const p of this.pending.values()) p.reject(crashed ? this.exited : new AppException('PROFILE_CRASHED', `This profile's process stopped while closing (${describeExit(exit)})`));
      this.pending.clear();
      if (crashed) this.crashListener?.(this.exited);
    });
  }

  /** Starts a host process on a profile directory and waits until both databases are open and migrated. */
  static start(dir: string, options: HostStartOptions = {}): Promise<ProfileWorkerClient> {
    const launcher = options.launcher ?? forkLauncher;
    const log = options.log ?? ((line: string) => console.error(line));
    let host: HostChannel;
    try {
      host = launcher.launch(HOST_ENTRY, HOST_NAME);
    } catch (e) {
      return Promise.reject(new AppException('STORAGE_ERROR', `The profile's process could not be started: ${e instanceof Error ? e.message : String(e)}`));
    }
    host.onStderrLine((line) => log(`[profile-host ${host.pid}] ${line}`));
    return new Promise((resolve, reject) => {
      let settled = false;
      host.onMessage((m: WorkerMessage) => {
        if (settled) return;
        if (m.kind === 'ready') {
          settled = true;
          resolve(new ProfileWorkerClient(host));
        } else if (m.kind === 'fatal') {
          settled = true;
          host.kill();
          reject(m.damaged ? new ProfileDamaged(m.damaged) : fromAppError(m.error));
        }
      });
      host.onExit((exit) => {
        if (settled) return;
        settled = true;
        reject(new AppException('PROFILE_CRASHED', `The profile's process stopped while opening the profile (${describeExit(exit)})`));
      });
      host.send({
        kind: 'init',
        init: { dir, budget: options.budget ?? defaultHostBudget(), ...(options.warmAnalytics ? { warmAnalytics: true } : {}) },
      });
    });
  }

  /** The host's process id (the crash suite and the bench kill it; supervision watches it). */
  get pid(): number {
    return this.host.pid;
  }

  /** Whether the host is gone (crashed or closed). */
  get stopped(): boolean {
    return this.exited !== null;
  }

  /** Receives the push events the host raises (one listener: the session that owns the host). */
  onEvent(listener: (event: WorkerEvent) => void): void {
    this.eventListener = listener;
  }

  /** Told once if the host dies without having been asked to close. */
  onCrash(listener: (error: AppException) => void): void {
    this.crashListener = listener;
    if (this.exited?.code === 'PROFILE_CRASHED') listener(this.exited);
  }

  call<M extends WorkerMethod>(method: M, params: MethodParams<M>): Promise<MethodResult<M>> {
    return this.send({ kind: 'call', id: this.nextId++, method, params }) as Promise<MethodResult<M>>;
  }

  /**
   * Checkpoints and closes both databases, then waits for the process to exit. A host
   * that does not answer within `timeoutMs` is killed: closing must not hang a quit.
   */
  async close(timeoutMs = CLOSE_TIMEOUT_MS): Promise<void> {
    if (this.exited) return;
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.host.kill();
        resolve();
      }, timeoutMs);
    });
    let closeError: unknown = null;
    const reply = this.send({ kind: 'close', id: this.nextId++ }).catch((e: unknown) => void (closeError = e));
    try {
      await Promise.race([reply, timedOut]);
      await Promise.race([this.exit, timedOut]);
      await this.exit;
    } finally {
      clearTimeout(timer);
    }
    // A close that failed to checkpoint says so; a host that died meanwhile is gone either way.
    if (closeError instanceof AppException && closeError.code !== 'PROFILE_CRASHED') throw closeError;
  }

  /** Ends the process at once, as a crash would (tests, the bench, a host that hangs). */
  kill(): void {
    this.host.kill();
  }

  private send(req: WorkerRequest): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      this.host.send(req);
    });
  }
}
