// Our windows: created locked down, shown when painted, loading only app://enclave.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from '../core/shell/app-origin.js';
import { externalLinkToOpen, isAllowedNavigation } from '../core/shell/external-links.js';
import { hintFragment, type WindowHint } from '../core/window-opener.js';
import type { ElectronDeps, ShellWebContents, ShellWindow } from './electron-deps.js';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // Native date and time fields drawn in their `lang` (the person's locale and 12/24-hour
    // choice, renderer/components/LocalizedInputs.tsx) rather than Chromium's UI language.
    enableBlinkFeatures: 'LangAttributeAwareFormControlUI',
  };
}

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    title: 'Enclave',
    show: false,
    webPreferences: secureWebPreferences(preload),
  };
}

const hardened = new WeakSet<ShellWebContents>();

/**
 * Denies every way out of the app origin: in-page navigation and redirects elsewhere,
 * window.open / target=_blank (allow-listed http(s) links go to the system browser
 * instead), and <webview>. Idempotent: applied to our windows and, through
 * `web-contents-created`, to any other webContents that may ever appear.
 */
export function hardenWebContents(contents: ShellWebContents, shell: ElectronDeps['shell']): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const openOutside = (url: string) => {
    const external = externalLinkToOpen(url);
    if (external) shell.openExternal(external).catch((e: unknown) => console.error('[enclave] openExternal failed:', e));
  };
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface Windows {
  /** Opens a new window on the profile picker (with a profile chosen, when hinted). */
  open(hint?: WindowHint): ShellWindow;
  /** Brings an existing window forward (a second launch), or opens one if none is left. */
  focusOrOpen(): void;
  /** Whether a webContents id belongs to one of our windows. */
  isOurs(webContentsId: number): boolean;
  /** The webContents id of the focused window, if it is ours. */
  focusedContentsId(): number | null;
  count(): number;
}

export function createWindows(
  deps: Pick<ElectronDeps, 'BrowserWindow' | 'shell'>,
  options: { preloadPath: string; onClosed(webContentsId: number): void },
): Windows {
  // webContents id → window. The id is read at creation: after `closed` it is gone.
  const open = new Map<number, ShellWindow>();

  const windows: Windows = {
    open(hint) {
      const win = new deps.BrowserWindow(windowOptions(options.preloadPath));
      const contentsId = win.webContents.id;
      open.set(contentsId, win);
      hardenWebContents(win.webContents, deps.shell);
      win.once('ready-to-show', () => win.show());
      win.on('closed', () => {
        open.delete(contentsId);
        options.onClosed(contentsId);
      });
      win.loadURL(hint ? `${APP_ENTRY_URL}${hintFragment(hint)}` : APP_ENTRY_URL).catch((e: unknown) => console.error('[enclave] the window failed to load:', e));
      return win;
    },
    focusOrOpen() {
      const win = [...open.values()].find((w) => !w.isDestroyed());
      if (!win) {
        windows.open();
        return;
      }
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
    isOurs: (webContentsId) => open.has(webContentsId),
    focusedContentsId() {
      const id = deps.BrowserWindow.getFocusedWindow()?.webContents.id;
      return id !== undefined && open.has(id) ? id : null;
    },
    count: () => open.size,
  };
  return windows;
}
