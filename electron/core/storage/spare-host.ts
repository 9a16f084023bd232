// One host process started ahead of need, so that unlocking a profile does not wait
// for a process to spawn and load SQLite's and DuckDB's native modules (most of a
// host's start-up). A spare has no profile until the core sends it `init`; whoever
// launches next gets it, and a new spare starts at once. Used where profiles are
// unlocked interactively (the app, the Chromium harness, the bench). The CLI starts
// one, not replenished, before it loads the core, so the host's start-up runs beside it.
import { HOST_ENTRY, HOST_NAME, type HostChannel, type HostLauncher } from './host-channel.js';

export class SpareHostLauncher implements HostLauncher {
  private spare: { channel: HostChannel; exited: Promise<void>; gone: boolean } | null = null;
  private disposed = false;

  /** `replenish: false` hands out one host and starts no other (the CLI opens one profile per command). */
  constructor(
    private readonly inner: HostLauncher,
    private readonly replenish = true,
  ) {}

  /** Starts the spare now (e.g. while the picker waits for a password). */
  warm(): void {
    if (this.disposed || this.spare) return;
    const channel = this.inner.launch(HOST_ENTRY, HOST_NAME);
    const spare = { channel, gone: false, exited: Promise.resolve() };
    spare.exited = new Promise<void>((resolve) =>
      channel.onExit(() => {
        spare.gone = true;
        if (this.spare === spare) this.spare = null;
        resolve();
      }),
    );
    // The spare's stderr is read once it is handed out; until then it stays buffered in the pipe.
    this.spare = spare;
  }

  launch(entry: string, name: string): HostChannel {
    const spare = this.spare;
    this.spare = null;
    const channel = spare && !spare.gone && entry === HOST_ENTRY ? spare.channel : this.inner.launch(entry, name);
    if (this.replenish) this.warm();
    else this.disposed = true;
    return channel;
  }

  /** Ends the spare (closing the core): it holds no profile, so killing it loses nothing. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const spare = this.spare;
    this.spare = null;
    if (!spare) return;
    spare.channel.kill();
    await spare.exited;
  }
}
