// The results a profile keeps open for paging, and closing them: a result closes when
// the page asks, and the least recently used ones close once more than MAX_KEPT_RESULTS
// are open or together they pass the host's result budget (host-limits.ts).
import { randomUUID } from 'node:crypto';
import { AppException } from '../../../shared/errors.js';
import { hostBudget } from './host-limits.js';
import { closePageReads, estimatedBytes, slicesOf, tooLarge, type KeptConnection, type Materialised, type Slices } from './result-slices.js';

/** Kept results beyond this are closed, oldest use first. */
const MAX_KEPT_RESULTS = 32;

export interface KeptResult extends Slices {
  id: string;
  /** SQL a person could run to get the same rows (for sorted/filtered results, generated). */
  sql: string;
  lastUsed: number;
  /** Estimated bytes the result keeps (for the host's result budget). */
  bytes: number;
}

export class KeptResults {
  private readonly results = new Map<string, KeptResult>();

  /** The open result `resultId`, now its most recently used. */
  get(resultId: string): KeptResult {
    const r = this.results.get(resultId);
    if (!r) throw new AppException('NOT_FOUND', 'That result is no longer open; run the query again');
    r.lastUsed = performance.now();
    return r;
  }

  /** Keeps a materialised result (it starts filling now) and closes what is over the limits. */
  keep(kept: KeptConnection, sql: string, m: Materialised): KeptResult {
    const result: KeptResult = {
      id: randomUUID(),
      ...slicesOf(kept, m),
      sql,
      lastUsed: performance.now(),
      bytes: estimatedBytes(m.totalRows, m.names.length),
    };
    const { resultBytes } = hostBudget();
    if (result.bytes > resultBytes) {
      // Refused before any row is kept; the caller closes the connection (kept.users is still 0 for a new one).
      throw tooLarge(result.bytes, resultBytes);
    }
    result.filled = m.fill(result);
    if (m.counting) {
      // A streamed result's size is known once it is all kept: then it counts against the budget.
      void result.filled.then(() => {
        result.bytes = estimatedBytes(result.totalRows, m.names.length);
        if (this.results.has(result.id)) void this.evict();
      }, () => undefined);
    }
    // A failure shows on the next fetch of a page not yet appended; never unhandled.
    result.filled.catch(() => undefined);
    kept.users++;
    this.results.set(result.id, result);
    void this.evict();
    return result;
  }

  async close(resultId: string): Promise<void> {
    const r = this.results.get(resultId);
    if (!r) return;
    this.results.delete(resultId);
    r.closed = true;
    r.stop?.();
    await r.filled.catch(() => undefined);
    try {
      await closePageReads(r);
      for (const table of r.slices) await r.kept.conn.run(`DROP TABLE IF EXISTS ${table}`);
    } finally {
      if (--r.kept.users === 0) r.kept.conn.closeSync();
    }
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.results.keys()]) await this.close(id).catch(() => undefined);
  }

  private async evict(): Promise<void> {
    const kept = () => [...this.results.values()].reduce((sum, r) => sum + r.bytes, 0);
    while (this.results.size > MAX_KEPT_RESULTS || (this.results.size > 1 && kept() > hostBudget().resultBytes)) {
      const oldest = [...this.results.values()].reduce((a, b) => (a.lastUsed <= b.lastUsed ? a : b));
      await this.close(oldest.id);
    }
  }
}
