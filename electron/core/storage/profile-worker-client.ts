// The main-thread handle on one profile's worker: typed calls, replies matched by id.
import { Worker } from 'node:worker_threads';
import { AppException, type AppError } from '../../../shared/errors.js';
import { ProfileDamaged } from '../backup/damage.js';
import type {
  MethodParams,
  MethodResult,
  WorkerEvent,
  WorkerInit,
  WorkerMessage,
  WorkerMethod,
  WorkerRequest,
} from './worker-protocol.js';

const WORKER_URL = new URL('./profile-worker.js', import.meta.url);

interface Pending {
  resolve(value: unknown): void;
  reject(error: AppException): void;
}

const fromAppError = (e: AppError) =>
  new AppException(e.code, e.message, { field: e.field, ...(e.position !== undefined ? { position: e.position } : {}) });

export class ProfileWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited: AppException | null = null;
  private eventListener: ((event: WorkerEvent) => void) | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'event') {
        this.eventListener?.(m);
        return;
      }
      if (m.kind !== 'reply') return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(fromAppError(m.error));
    });
    const failAll = (why: string) => {
      this.exited = new AppException('STORAGE_ERROR', why);
      for (const p of this.pending.values()) p.reject(this.exited);
      this.pending.clear();
    };
    worker.on('error', (e) => failAll(`profile worker crashed: ${e.message}`));
    worker.on('exit', () => failAll('profile worker has stopped'));
  }

  /** Starts a worker on a profile directory and waits until both databases are open and migrated. */
  static start(dir: string): Promise<ProfileWorkerClient> {
    const worker = new Worker(WORKER_URL, { workerData: { dir } satisfies WorkerInit });
    return new Promise((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.kind === 'ready') {
          cleanup();
          resolve(new ProfileWorkerClient(worker));
        } else if (m.kind === 'fatal') {
          cleanup();
          void worker.terminate();
          reject(m.damaged ? new ProfileDamaged(m.damaged) : fromAppError(m.error));
        }
      };
      const onError = (e: Error) => {
        cleanup();
        reject(new AppException('STORAGE_ERROR', `profile worker failed to start: ${e.message}`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
    });
  }

  /** Receives the push events the worker raises (one listener: the session that owns the worker). */
  onEvent(listener: (event: WorkerEvent) => void): void {
    this.eventListener = listener;
  }

  call<M extends WorkerMethod>(method: M, params: MethodParams<M>): Promise<MethodResult<M>> {
    return this.send({ kind: 'call', id: this.nextId++, method, params }) as Promise<MethodResult<M>>;
  }

  /** Checkpoints and closes both databases, then waits for the thread to exit. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exit = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    await this.send({ kind: 'close', id: this.nextId++ });
    await exit;
  }

  private send(req: WorkerRequest): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      this.worker.postMessage(req);
    });
  }
}
