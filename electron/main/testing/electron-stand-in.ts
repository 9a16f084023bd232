// A small recording stand-in for the `electron` module, for the seam tests: the binary
// cannot run here. Each part implements the same narrow types (electron-deps.ts) the
// real module is checked against in main.ts, and records what the shell does with it.
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  Event,
  HandlerDetails,
  MenuItemConstructorOptions,
  WebContentsWillNavigateEventParams,
  WindowOpenHandlerResponse,
} from 'electron';
import type {
  ElectronDeps,
  ShellApp,
  ShellInvokeEvent,
  ShellIpcMain,
  ShellMenuClass,
  ShellPermissionCheckHandler,
  ShellPermissionRequestHandler,
  ShellPowerMonitor,
  ShellProtocol,
  ShellSession,
  ShellWebContents,
  ShellWindow,
  ShellWindowClass,
} from '../electron-deps.js';

type Listener = (...args: never[]) => unknown;

/** Records listeners by event name and calls them like an EventEmitter. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped = ((...args: never[]) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-style event object: `preventDefault` plus the event's details. */
export function electronEvent<P extends object>(details: P): Event<P> {
  let prevented = false;
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    details,
  ) as Event<P>;
}

export class FakeWebContents extends Emitter implements ShellWebContents {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  destroyed = false;
  /** The page's top-level frame, as `event.senderFrame` would give it. */
  readonly mainFrame: { url: string; parent: null } = { url: '', parent: null };

  constructor(readonly id: number) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
  /** Emits will-navigate as Chromium would; answers whether a listener prevented it. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const details = electronEvent<WebContentsWillNavigateEventParams>({ url, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit(event, details);
    return details.defaultPrevented;
  }
  /** What `window.open(url)` would get from the handler. */
  windowOpen(url: string): WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) throw new Error('no window open handler set');
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'no-referrer' } });
  }
}

export interface StandIn {
  deps: ElectronDeps;
  /** Every call the shell made, in order, as short strings (e.g. "app.setPath userData /x"). */
  calls: string[];
  app: FakeApp;
  ipcMain: FakeIpcMain;
  protocol: FakeProtocol;
  session: FakeSession;
  powerMonitor: FakePowerMonitor;
  menu: FakeMenu;
  windows: FakeWindow[];
  contents: Map<number, FakeWebContents>;
  opened: string[];
  errorBoxes: Array<{ title: string; content: string }>;
  /** Open/save dialogs shown, with the window (webContents id) they were shown over. */
  dialogs: Array<{ kind: 'open' | 'save'; contentsId: number; title: string | undefined }>;
  /** What the next dialog answers; cancelled when empty. */
  dialogAnswers: string[];
  focus(win: FakeWindow | null): void;
}

export class FakeApp extends Emitter implements ShellApp {
  readonly paths = new Map<string, string>([['userData', '/default/Enclave']]);
  singleInstance = true;
  isPackaged = false;
  quitted = false;
  exitCode: number | null = null;
  private resolveReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor(private readonly calls: string[]) {
    super();
  }
  setPath(name: string, value: string): void {
    this.calls.push(`app.setPath ${name} ${value}`);
    this.paths.set(name, value);
  }
  getPath(name: 'userData'): string {
    this.calls.push(`app.getPath ${name}`);
    return this.paths.get(name) ?? '';
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('app.requestSingleInstanceLock');
    return this.singleInstance;
  }
  enableSandbox(): void {
    this.calls.push('app.enableSandbox');
  }
  whenReady(): Promise<void> {
    this.calls.push('app.whenReady');
    return this.ready;
  }
  /** Fires `ready`, as Electron does once Chromium has started. */
  emitReady(): void {
    this.calls.push('ready');
    this.resolveReady();
  }
  /** Like Electron: before-quit, then will-quit, each of which may be prevented. */
  quit(): void {
    this.calls.push('app.quit');
    for (const name of ['before-quit', 'will-quit']) {
      const event = electronEvent({});
      this.emit(name, event);
      if (event.defaultPrevented) return;
    }
    this.quitted = true;
  }
  exit(code?: number): void {
    this.calls.push(`app.exit ${code ?? 0}`);
    this.exitCode = code ?? 0;
  }
}

export class FakeIpcMain implements ShellIpcMain {
  readonly handlers = new Map<string, (event: ShellInvokeEvent, input: unknown) => Promise<unknown>>();
  readonly registrations: string[] = [];
  handle(channel: string, listener: (event: ShellInvokeEvent, input: unknown) => Promise<unknown>): void {
    this.registrations.push(channel);
    // Electron throws on a second handler for one channel; so does the stand-in.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, event: ShellInvokeEvent, input?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, input);
  }
}

export class FakeProtocol implements ShellProtocol {
  readonly privileged: CustomScheme[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  constructor(private readonly calls: string[]) {}
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    this.calls.push(`protocol.registerSchemesAsPrivileged ${customSchemes.map((s) => s.scheme).join(',')}`);
    this.privileged.push(...customSchemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.calls.push(`protocol.handle ${scheme}`);
    this.handlers.set(scheme, handler);
  }
  /** Sends a request to the registered handler of the URL's scheme. */
  async request(url: string, method = 'GET'): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`No protocol handler for '${scheme}'`);
    return handler(new Request(url, { method }));
  }
}

export class FakeSession implements ShellSession {
  requestHandler: ShellPermissionRequestHandler | null = null;
  checkHandler: ShellPermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }
}

export class FakePowerMonitor extends Emitter implements ShellPowerMonitor {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

export class FakeMenu implements ShellMenuClass {
  applicationMenu: MenuItemConstructorOptions[] | null = null;
  buildFromTemplate(template: MenuItemConstructorOptions[]): unknown {
    return { template };
  }
  setApplicationMenu(menu: unknown): void {
    this.applicationMenu = (menu as { template: MenuItemConstructorOptions[] } | null)?.template ?? null;
  }
  /** The item of the application menu with this label, searched through submenus. */
  item(label: string): MenuItemConstructorOptions | undefined {
    const search = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
      for (const item of items) {
        if (item.label === label) return item;
        const found = Array.isArray(item.submenu) ? search(item.submenu) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    return search(this.applicationMenu ?? []);
  }
}

export interface FakeWindow extends ShellWindow {
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  readonly loaded: string[];
  shown: boolean;
  focused: boolean;
  emit(event: string, ...args: unknown[]): void;
  close(): void;
}

export function createStandIn(): StandIn {
  const calls: string[] = [];
  const app = new FakeApp(calls);
  const ipcMain = new FakeIpcMain();
  const protocol = new FakeProtocol(calls);
  const session = new FakeSession();
  const powerMonitor = new FakePowerMonitor();
  const menu = new FakeMenu();
  const windows: FakeWindow[] = [];
  const contents = new Map<number, FakeWebContents>();
  const opened: string[] = [];
  const errorBoxes: StandIn['errorBoxes'] = [];
  const dialogs: StandIn['dialogs'] = [];
  const dialogAnswers: string[] = [];
  let focused: FakeWindow | null = null;
  let nextId = 1;

  class FakeBrowserWindow extends Emitter implements FakeWindow {
    readonly id = nextId++;
    readonly webContents: FakeWebContents;
    readonly loaded: string[] = [];
    shown = false;
    focused = false;
    private destroyed = false;

    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      calls.push('new BrowserWindow');
      this.webContents = new FakeWebContents(100 + this.id);
      contents.set(this.webContents.id, this.webContents);
      windows.push(this);
      // As in Electron, the window's webContents is announced while it is constructed.
      app.emit('web-contents-created', electronEvent({}), this.webContents);
    }
    static getFocusedWindow(): FakeWindow | null {
      return focused;
    }
    static getAllWindows(): FakeWindow[] {
      return windows.filter((w) => !w.isDestroyed());
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      this.webContents.mainFrame.url = url;
    }
    show(): void {
      this.shown = true;
    }
    focus(): void {
      this.focused = true;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }
  const BrowserWindow: ShellWindowClass = FakeBrowserWindow;

  const deps: ElectronDeps = {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession: session },
    powerMonitor,
    Menu: menu,
    shell: {
      async openExternal(url: string) {
        opened.push(url);
      },
    },
    dialog: {
      showErrorBox(title: string, content: string) {
        errorBoxes.push({ title, content });
      },
      async showOpenDialog(contentsId, options) {
        dialogs.push({ kind: 'open', contentsId, title: options.title });
        const answer = dialogAnswers.shift();
        return answer === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
      },
      async showSaveDialog(contentsId, options) {
        dialogs.push({ kind: 'save', contentsId, title: options.title });
        const answer = dialogAnswers.shift();
        return answer === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer };
      },
    },
    webContents: { fromId: (id: number) => contents.get(id) },
  };

  return {
    deps,
    calls,
    app,
    ipcMain,
    protocol,
    session,
    powerMonitor,
    menu,
    windows,
    contents,
    opened,
    errorBoxes,
    dialogs,
    dialogAnswers,
    focus(win) {
      focused = win;
    },
  };
}
