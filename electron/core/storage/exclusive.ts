// A barrier inside a profile's worker. Calls normally run concurrently (SQLite ones
// are synchronous, DuckDB ones interleave at their awaits); a snapshot needs the
// profile still while it is taken, so calls that arrive meanwhile wait for it.
let barrier: Promise<void> = Promise.resolve();

/** Resolves once no exclusive work is running; every call waits for this first. */
export function exclusiveWorkDone(): Promise<void> {
  return barrier;
}

/** Runs `work` while calls that arrive later wait; calls already running are not interrupted. */
export function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const run = barrier.then(work);
  barrier = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}
