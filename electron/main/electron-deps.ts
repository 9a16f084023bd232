// The slice of the `electron` module the shell uses, as narrow structural types built
// from Electron's own. main.ts passes the real module (so tsc checks it against these
// types) and the seam tests pass a recording stand-in (checked against the same types).
// Methods use method syntax on purpose: Electron calls our listeners with its richer
// objects, which satisfy the narrower parameter types declared here.
import type {
  App,
  BrowserWindowConstructorOptions,
  CustomScheme,
  Dialog,
  Event,
  HandlerDetails,
  MenuItemConstructorOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  PowerMonitor,
  SaveDialogOptions,
  SaveDialogReturnValue,
  Shell,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WindowOpenHandlerResponse,
} from 'electron';
import type { SenderFrame } from '../core/shell/sender-check.js';

export interface ShellWebContents {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
  on(event: 'will-navigate', listener: (details: Event<WebContentsWillNavigateEventParams>) => void): unknown;
  on(event: 'will-redirect', listener: (details: Event<WebContentsWillRedirectEventParams>) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Event) => void): unknown;
}

export interface ShellWindow {
  readonly id: number;
  readonly webContents: ShellWebContents;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export interface ShellWindowClass {
  new (options: BrowserWindowConstructorOptions): ShellWindow;
  getFocusedWindow(): ShellWindow | null;
  getAllWindows(): ShellWindow[];
}

export interface ShellApp
  extends Pick<App, 'setPath' | 'getPath' | 'requestSingleInstanceLock' | 'enableSandbox' | 'whenReady' | 'quit' | 'exit' | 'isPackaged'> {
  on(event: 'before-quit', listener: (event: Event) => void): unknown;
  on(event: 'will-quit', listener: (event: Event) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: Event, contents: ShellWebContents) => void): unknown;
}

/** What an `ipcMain.handle` listener receives (a subset of `IpcMainInvokeEvent`). */
export interface ShellInvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

export interface ShellIpcMain {
  handle(channel: string, listener: (event: ShellInvokeEvent, input: unknown) => Promise<unknown>): void;
}

export interface ShellProtocol {
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** What Electron passes a permission request handler as `details` (every kind has these). */
export interface ShellPermissionRequest {
  readonly requestingUrl: string;
  readonly isMainFrame: boolean;
}

/** What Electron passes a permission check handler as `details`. */
export interface ShellPermissionCheck {
  readonly requestingUrl?: string;
  readonly embeddingOrigin?: string;
  readonly isMainFrame: boolean;
}

export type ShellPermissionRequestHandler = (
  webContents: { readonly id: number },
  permission: string,
  callback: (granted: boolean) => void,
  details: ShellPermissionRequest,
) => void;

export type ShellPermissionCheckHandler = (
  webContents: { readonly id: number } | null,
  permission: string,
  requestingOrigin: string,
  details: ShellPermissionCheck,
) => boolean;

export interface ShellSession {
  setPermissionRequestHandler(handler: ShellPermissionRequestHandler | null): void;
  setPermissionCheckHandler(handler: ShellPermissionCheckHandler | null): void;
}

export interface ShellPowerMonitor extends Pick<PowerMonitor, 'getSystemIdleTime'> {
  on(event: 'lock-screen', listener: () => void): unknown;
  on(event: 'suspend', listener: () => void): unknown;
}

export interface ShellMenuClass {
  buildFromTemplate(template: MenuItemConstructorOptions[]): unknown;
  setApplicationMenu(menu: unknown): void;
}

/**
 * Electron's dialogs, addressed by the webContents id of the window to show them over
 * (main.ts adapts the real `dialog`, looking its methods up at call time so the
 * end-to-end specs can stub them through electronApp.evaluate).
 */
export interface ShellDialog extends Pick<Dialog, 'showErrorBox'> {
  showOpenDialog(contentsId: number, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(contentsId: number, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export interface ElectronDeps {
  app: ShellApp;
  BrowserWindow: ShellWindowClass;
  ipcMain: ShellIpcMain;
  protocol: ShellProtocol;
  session: { readonly defaultSession: ShellSession };
  powerMonitor: ShellPowerMonitor;
  Menu: ShellMenuClass;
  shell: Pick<Shell, 'openExternal'>;
  dialog: ShellDialog;
  webContents: { fromId(id: number): ShellWebContents | undefined };
}
