// The Electron shell, wired from its parts. Everything is reached through `deps` (the
// real `electron` module in main.ts, a recording stand-in in the seam tests); the
// decisions themselves live in electron/core/shell/.
import type { LockReason } from '../../shared/profiles/profiles.js';
import type { FileDialogs } from '../core/dialogs.js';
import type { WindowOpener } from '../core/window-opener.js';
import type { Enclave, EventSink } from '../core/enclave.js';
import { parseShellArgs } from '../core/shell/args.js';
import { IDLE_POLL_INTERVAL_MS, idleLockMinutes, idleWatch } from '../core/shell/idle-lock.js';
import { isPermissionGranted } from '../core/shell/permissions.js';
import { quitSequence } from '../core/shell/quit-sequence.js';
import type { ElectronDeps } from './electron-deps.js';
import { nativeFileDialogs } from './dialogs.js';
import { eventSink, registerIpc } from './ipc.js';
import { menuTemplate } from './menu.js';
import { handleAppProtocol, registerAppScheme } from './protocol.js';
import { createWindows, hardenWebContents, type Windows } from './windows.js';

export type ShellCore = Pick<Enclave, 'handle' | 'grantFile' | 'lockWindow' | 'lockAll' | 'close'>;

export interface ShellOptions {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  platform: NodeJS.Platform;
  /** build/renderer, served as app://enclave/. */
  rendererDir: string;
  /** build/preload/preload.cjs. */
  preloadPath: string;
  /** Opens the core on the data directory (after `userData` is final). */
  openCore(options: { dataDir: string; events: EventSink; dialogs: FileDialogs; windows: WindowOpener }): Promise<ShellCore>;
  timers?: {
    setInterval(callback: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
  };
}

export interface RunningShell {
  core: ShellCore;
  windows: Windows;
}

const defaultTimers = {
  setInterval: (callback: () => void, ms: number): unknown => setInterval(callback, ms),
  clearInterval: (handle: unknown) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * Starts the app. Everything Electron requires before `ready` (user-data path, the
 * single-instance lock, privileged schemes, sandbox) runs synchronously in this call;
 * the returned promise settles once the first window is open, or with null when this
 * process is not going to run (a second instance, bad arguments, a core that failed).
 */
export async function startShell(deps: ElectronDeps, options: ShellOptions): Promise<RunningShell | null> {
  const { app } = deps;
  const log = (e: unknown) => console.error('[enclave]', e);

  let userDataDir: string | null;
  try {
    ({ userDataDir } = parseShellArgs(options.argv, options.cwd));
  } catch (e) {
    console.error(`enclave: ${e instanceof Error ? e.message : String(e)}`);
    app.exit(2);
    return null;
  }
  // Before the lock below: Electron keys the single-instance lock on userData, so two
  // instances on two data directories (the e2e tests) do not block each other.
  if (userDataDir) app.setPath('userData', userDataDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.enableSandbox();
  registerAppScheme(deps.protocol);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps.shell));

  let core: ShellCore | null = null;
  let opening: Promise<ShellCore> | null = null;
  const timers = options.timers ?? defaultTimers;
  let idleTimer: unknown = null;

  const shutdown = quitSequence(async () => {
    if (idleTimer !== null) timers.clearInterval(idleTimer);
    idleTimer = null;
    // A quit during start-up waits for the core, so it is never left open.
    const open = core ?? (await opening?.catch(() => null)) ?? null;
    if (!open) return;
    await open.lockAll('quit');
    await open.close();
  });
  app.on('before-quit', (event) => shutdown(event, () => app.quit()));
  app.on('will-quit', (event) => shutdown(event, () => app.quit()));
  app.on('window-all-closed', () => {
    // macOS apps stay in the dock without windows; every window is locked already.
    if (options.platform !== 'darwin') app.quit();
  });
  // Registered before `ready`: a launch while this one is still starting (opening the
  // core takes a while) must not be lost. Until the first window exists, the focus waits.
  let windowsReady: Windows | null = null;
  let focusQueued = false;
  app.on('second-instance', () => {
    if (windowsReady) windowsReady.focusOrOpen();
    else focusQueued = true;
  });

  await app.whenReady();

  // Set before any page exists; the windows are known once created (below).
  let ownWindows: Windows | null = null;
  const fromOurWindow = (contents: { readonly id: number } | null) =>
    contents !== null && (ownWindows?.isOurs(contents.id) ?? false);
  const ses = deps.session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(
      isPermissionGranted({
        permission,
        origins: [details.requestingUrl],
        isMainFrame: details.isMainFrame,
        fromOurWindow: fromOurWindow(contents),
      }),
    ),
  );
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    isPermissionGranted({
      permission,
      origins: [requestingOrigin, details.requestingUrl, details.embeddingOrigin],
      isMainFrame: details.isMainFrame,
      fromOurWindow: fromOurWindow(contents),
    }),
  );

  try {
    opening = options.openCore({
      dataDir: app.getPath('userData'),
      events: eventSink(deps.webContents),
      dialogs: nativeFileDialogs(deps.dialog),
      // The windows exist only after the core is open: a tile's "Open in new window" comes later.
      windows: { open: (hint) => void ownWindows?.open(hint) },
    });
    core = await opening;
  } catch (e) {
    log(e);
    deps.dialog.showErrorBox(
      'Enclave could not start',
      `Its data could not be opened: ${e instanceof Error ? e.message : String(e)}`,
    );
    app.exit(1);
    return null;
  }
  const running = core;

  handleAppProtocol(deps.protocol, options.rendererDir);
  const wins = createWindows(deps, {
    preloadPath: options.preloadPath,
    onClosed: (id) => running.lockWindow(id, 'user').catch(log),
  });
  ownWindows = wins;
  registerIpc(deps.ipcMain, running, wins.isOurs);

  const lockFocused = (reason: LockReason) => {
    const id = wins.focusedContentsId();
    if (id !== null) running.lockWindow(id, reason).catch(log);
  };
  const send = eventSink(deps.webContents);
  const commandFocused = (command: 'import' | 'export') => {
    const id = wins.focusedContentsId();
    if (id !== null) send(id, 'menuCommand', { command });
  };
  deps.Menu.setApplicationMenu(
    deps.Menu.buildFromTemplate(
      menuTemplate({ newWindow: () => wins.open(), lockFocused, command: commandFocused }, options.platform, app.isPackaged),
    ),
  );

  app.on('activate', () => {
    if (wins.count() === 0) wins.open();
  });

  const lockAll = (reason: LockReason) => () => void running.lockAll(reason).catch(log);
  deps.powerMonitor.on('lock-screen', lockAll('system'));
  deps.powerMonitor.on('suspend', lockAll('system'));

  const minutes = idleLockMinutes(options.env);
  if (minutes !== null) {
    const idleReached = idleWatch(minutes * 60);
    idleTimer = timers.setInterval(() => {
      if (idleReached(deps.powerMonitor.getSystemIdleTime())) lockAll('idle')();
    }, IDLE_POLL_INTERVAL_MS);
  }

  const first = wins.open();
  // Once painted, like any second launch: restored, shown and focused.
  if (focusQueued) first.once('ready-to-show', () => wins.focusOrOpen());
  windowsReady = wins;
  return { core: running, windows: wins };
}
