// Which host calls are running, and how long: a call past LONG_CALL_MS is background
// work and the threads running it are lowered (thread-priority.ts, host-budget.ts).
// A timer looks only while a call is in flight, so an idle host does nothing.
import { LONG_CALL_MS } from '../core/storage/host-budget.js';

/** How often a running call's age is checked: a long call yields at most this much after LONG_CALL_MS. */
export const CHECK_MS = 100;

export class LongCalls {
  private readonly since = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** Lowers the threads doing work now (demoteRunningWorkerThreads in the host). */
    private readonly demote: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  begin(id: number): void {
    this.since.set(id, this.now());
    if (!this.timer) {
      this.timer = setInterval(() => this.check(), CHECK_MS);
      this.timer.unref();
    }
  }

  end(id: number): void {
    this.since.delete(id);
    if (this.since.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Lowers the running threads if any call in flight has run LONG_CALL_MS or longer (the timer calls this). */
  check(): void {
    const now = this.now();
    for (const started of this.since.values()) {
      if (now - started >= LONG_CALL_MS) {
        this.demote();
        return;
      }
    }
  }
}
