// Quitting waits for every profile to lock and its databases to close. The first
// quit request is held back (preventDefault), the shutdown runs once, then the app is
// asked to quit again and this time let go.
export interface Preventable {
  preventDefault(): void;
}

export function quitSequence(
  shutdown: () => Promise<void>,
  onError: (error: unknown) => void = (e) => console.error('[enclave] shutdown failed:', e),
): (event: Preventable, quit: () => void) => void {
  let state: 'running' | 'closing' | 'done' = 'running';
  return (event, quit) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void shutdown()
      .catch(onError)
      .finally(() => {
        state = 'done';
        quit();
      });
  };
}
