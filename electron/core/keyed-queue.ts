// Work that must not interleave per key (one profile's backups, one profile's password
// changes) while different keys run side by side. A failure does not stop the work queued
// after it; a key's entry goes once its last work has settled, so the map stays small.
export class KeyedQueue<K> {
  private readonly tails = new Map<K, Promise<void>>();

  /** Runs `work` after every work queued before under `key` has settled; answers what it answers. */
  run<T>(key: K, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return run;
  }

  /** Settles when every work queued so far under `key` has. */
  async idle(key: K): Promise<void> {
    await this.tails.get(key);
  }
}
