import type { HandlersFor } from '../worker-methods.js';

/** Methods main-process code may call but no channel exposes (benches, maintenance). */
export interface InternalMethods {
  /** Runs one DuckDB statement on the profile's own connection and reads its result. */
  duckdbQuery: { params: { sql: string }; result: { rows: number; ms: number } };
}

export const internalHandlers: HandlersFor<InternalMethods> = {
  async duckdbQuery({ duckdb }, { sql }) {
    const start = performance.now();
    const reader = await duckdb.conn.runAndReadAll(sql);
    return { rows: reader.currentRowCount, ms: performance.now() - start };
  },
};
