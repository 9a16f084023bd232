// Seam tests of the Electron shell: startShell against the recording stand-in, with a
// recording core. What Electron itself does with our calls is its business; that we
// make the right calls, in the right order, with the right options, is ours.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CHANNEL_NAMES, ipcChannel, ipcEvent } from '../../shared/contract.js';
import type { FileDialogs } from '../core/dialogs.js';
import type { EventSink } from '../core/enclave.js';
import { APP_ENTRY_URL } from '../core/shell/app-origin.js';
import { CONTENT_SECURITY_POLICY } from '../core/shell/csp.js';
import { IDLE_POLL_INTERVAL_MS } from '../core/shell/idle-lock.js';
import { createStandIn, electronEvent, FakeWebContents, type FakeWindow, type StandIn } from './testing/electron-stand-in.js';
import { DROPPED_FILE_IPC } from '../../shared/files/file-grants.js';
import { startShell, type RunningShell, type ShellCore, type ShellOptions } from './shell.js';

interface Harness {
  fake: StandIn;
  core: ShellCore & { calls: Array<[string, ...unknown[]]> };
  sink: () => EventSink;
  dialogs: () => FileDialogs;
  intervals: Array<{ callback: () => void; ms: number; cleared: boolean }>;
  started: Promise<RunningShell | null>;
  /** Fires `ready` and waits for the first window. */
  ready(): Promise<RunningShell>;
}

const RENDERER = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-shell-renderer-'));
fs.writeFileSync(path.join(RENDERER, 'index.html'), '<!doctype html><title>Enclave</title>');
fs.mkdirSync(path.join(RENDERER, 'assets'));
fs.writeFileSync(path.join(RENDERER, 'assets', 'index-abc.js'), 'export {};');
fs.writeFileSync(path.join(path.dirname(RENDERER), `${path.basename(RENDERER)}-secret.txt`), 'secret');

function start(overrides: Partial<ShellOptions> & { argv?: string[] } = {}): Harness {
  const fake = createStandIn();
  let events: EventSink | null = null;
  let dialogs: FileDialogs | null = null;
  const calls: Array<[string, ...unknown[]]> = [];
  const record = (name: string, ...args: unknown[]) => {
    calls.push([name, ...args]);
    fake.calls.push(`core.${name}${args.length ? ` ${args.join(' ')}` : ''}`);
  };
  const core: Harness['core'] = {
    calls,
    async handle(windowId, channel, input) {
      record('handle', windowId, channel);
      return { ok: true, value: { windowId, channel, input } };
    },
    grantFile(windowId, purpose, file) {
      record('grantFile', windowId, purpose, file);
      return { token: `ft_${'T'.repeat(43)}`, name: path.basename(file) };
    },
    async lockWindow(windowId, reason) {
      record('lockWindow', windowId, reason);
    },
    async lockAll(reason) {
      record('lockAll', reason);
    },
    async close() {
      record('close');
    },
  };
  const intervals: Harness['intervals'] = [];
  const started = startShell(fake.deps, {
    argv: ['/usr/bin/electron', '.'],
    env: {},
    cwd: '/work/app',
    platform: 'linux',
    rendererDir: RENDERER,
    preloadPath: '/app/build/preload/preload.cjs',
    async openCore(options) {
      fake.calls.push(`core.open ${options.dataDir}`);
      events = options.events;
      dialogs = options.dialogs;
      return core;
    },
    timers: {
      setInterval(callback, ms) {
        const entry = { callback, ms, cleared: false };
        intervals.push(entry);
        return entry;
      },
      clearInterval(handle) {
        (handle as { cleared: boolean }).cleared = true;
      },
    },
    ...overrides,
  });
  return {
    fake,
    core,
    intervals,
    started,
    sink: () => {
      assert.ok(events, 'the core was opened with an event sink');
      return events;
    },
    dialogs: () => {
      assert.ok(dialogs, 'the core was opened with file dialogs');
      return dialogs;
    },
    async ready() {
      fake.app.emitReady();
      const running = await started;
      assert.ok(running, 'the shell started');
      return running;
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const firstWindow = (h: Harness): FakeWindow => {
  const win = h.fake.windows[0];
  assert.ok(win, 'a window was opened');
  return win;
};
const topFrameEvent = (win: FakeWindow) => ({ sender: { id: win.webContents.id }, senderFrame: win.webContents.mainFrame });

test('--user-data-dir is applied before the single-instance lock, before ready and before the core opens', async () => {
  const h = start({ argv: ['/usr/bin/electron', '.', '--user-data-dir', 'data/e2e'] });
  const dir = path.resolve('/work/app', 'data/e2e');
  // Nothing may wait for ready before these: Electron ignores setPath and
  // registerSchemesAsPrivileged once the app is ready.
  assert.deepEqual(h.fake.calls.slice(0, 5), [
    `app.setPath userData ${dir}`,
    'app.requestSingleInstanceLock',
    'app.enableSandbox',
    'protocol.registerSchemesAsPrivileged app',
    'app.whenReady',
  ]);
  await h.ready();
  const open = h.fake.calls.indexOf(`core.open ${dir}`);
  assert.ok(open > h.fake.calls.indexOf('ready'), 'the core opens after ready, on the user-data dir');
  assert.ok(h.fake.calls.indexOf('protocol.handle app') > open);
  assert.ok(h.fake.calls.indexOf('new BrowserWindow') > h.fake.calls.indexOf('protocol.handle app'));
});

test('without --user-data-dir the platform default is used and setPath is not called', async () => {
  const h = start();
  await h.ready();
  assert.ok(!h.fake.calls.some((c) => c.startsWith('app.setPath')));
  assert.ok(h.fake.calls.includes('core.open /default/Enclave'));
});

test('app:// is privileged as standard, secure and fetch-capable, and nothing more', async () => {
  const h = start();
  assert.deepEqual(h.fake.protocol.privileged, [
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  await h.ready();
});

test('a second instance quits at once and leaves the first one focused', async () => {
  const fake = createStandIn();
  fake.app.singleInstance = false;
  const result = await startShell(fake.deps, {
    argv: [],
    env: {},
    cwd: '/',
    platform: 'linux',
    rendererDir: RENDERER,
    preloadPath: '/p.cjs',
    openCore: () => assert.fail('the core must not open in a second instance'),
  });
  assert.equal(result, null);
  assert.deepEqual(fake.calls, ['app.requestSingleInstanceLock', 'app.quit']);
  assert.equal(fake.ipcMain.handlers.size, 0);

  // The first instance hears about it and brings its window forward.
  const first = start();
  await first.ready();
  const win = firstWindow(first);
  first.fake.app.emit('second-instance', electronEvent({}), [], '/');
  assert.equal(win.focused, true);
  assert.equal(first.fake.windows.length, 1);
});

test('a second launch during start-up is heard before ready and focuses the first window once it is painted', async () => {
  let resolveCore!: (core: ShellCore) => void;
  const h = start({ openCore: () => new Promise<ShellCore>((resolve) => (resolveCore = resolve)) });
  assert.equal(h.fake.app.count('second-instance'), 1, 'listening before ready');
  h.fake.app.emit('second-instance', electronEvent({}), [], '/');
  h.fake.app.emitReady();
  await flush();
  h.fake.app.emit('second-instance', electronEvent({}), [], '/'); // while the core opens
  resolveCore(h.core);
  assert.ok(await h.started);
  assert.equal(h.fake.windows.length, 1, 'the queued launches open no extra window');
  const win = firstWindow(h);
  assert.equal(win.focused, false, 'not before it is painted');
  win.emit('ready-to-show');
  assert.equal(win.shown, true);
  assert.equal(win.focused, true);
  assert.equal(h.fake.app.count('second-instance'), 1, 'one listener, also after start-up');

  // Without a launch during start-up, the first window is shown but not forced to the front.
  const quiet = start();
  await quiet.ready();
  firstWindow(quiet).emit('ready-to-show');
  assert.equal(firstWindow(quiet).focused, false);
});

test('a bad --user-data-dir stops the app with an exit code instead of guessing', async () => {
  const h = start({ argv: ['/usr/bin/electron', '.', '--user-data-dir'] });
  assert.equal(await h.started, null);
  assert.equal(h.fake.app.exitCode, 2);
  assert.ok(!h.fake.calls.includes('app.requestSingleInstanceLock'));
});

test('a core that cannot open is reported in a native error box and the app exits', async () => {
  const h = start({ openCore: () => Promise.reject(new Error('registry is corrupt')) });
  h.fake.app.emitReady();
  assert.equal(await h.started, null);
  assert.equal(h.fake.errorBoxes.length, 1);
  assert.match(h.fake.errorBoxes[0]!.content, /registry is corrupt/);
  assert.equal(h.fake.app.exitCode, 1);
  assert.equal(h.fake.windows.length, 0);
});

test('every contract channel has exactly one ipcMain handler, and there are no others but the dropped-file grant', async () => {
  const h = start();
  await h.ready();
  const expected = [...CHANNEL_NAMES.map(ipcChannel), DROPPED_FILE_IPC].sort();
  assert.deepEqual([...h.fake.ipcMain.registrations].sort(), expected);
  assert.equal(new Set(h.fake.ipcMain.registrations).size, h.fake.ipcMain.registrations.length);
});

test('a call from the top frame of our window reaches the core with its webContents id', async () => {
  const h = start();
  await h.ready();
  const win = firstWindow(h);
  for (const name of CHANNEL_NAMES) {
    const result = await h.fake.ipcMain.invoke(ipcChannel(name), topFrameEvent(win), { probe: name });
    assert.deepEqual(result, { ok: true, value: { windowId: win.webContents.id, channel: name, input: { probe: name } } });
  }
});

test('the sender check refuses subframes, foreign origins, gone frames and foreign webContents', async () => {
  const h = start();
  await h.ready();
  const win = firstWindow(h);
  const top = win.webContents.mainFrame;
  const cases = {
    subframe: { sender: { id: win.webContents.id }, senderFrame: { url: APP_ENTRY_URL, parent: top } },
    'foreign origin': { sender: { id: win.webContents.id }, senderFrame: { url: 'https://evil.example/', parent: null } },
    'file page': { sender: { id: win.webContents.id }, senderFrame: { url: 'file:///index.html', parent: null } },
    'other app host': { sender: { id: win.webContents.id }, senderFrame: { url: 'app://evil/index.html', parent: null } },
    'frame gone': { sender: { id: win.webContents.id }, senderFrame: null },
    'not our window': { sender: { id: 9999 }, senderFrame: { url: APP_ENTRY_URL, parent: null } },
  };
  for (const [label, event] of Object.entries(cases)) {
    for (const name of CHANNEL_NAMES) {
      const result = (await h.fake.ipcMain.invoke(ipcChannel(name), event, undefined)) as { ok: boolean; error?: { code: string } };
      assert.equal(result.ok, false, `${label} → ${name}`);
      assert.equal(result.error?.code, 'FORBIDDEN', `${label} → ${name}`);
    }
  }
  assert.equal(h.core.calls.filter(([n]) => n === 'handle').length, 0, 'the core never saw a refused call');
});

test('a dropped file: the top frame of our window gets a read token from the core; any other sender is refused', async () => {
  const h = start();
  await h.ready();
  const win = firstWindow(h);
  const granted = await h.fake.ipcMain.invoke(DROPPED_FILE_IPC, topFrameEvent(win), '/home/ada/sales.csv');
  assert.deepEqual(granted, { ok: true, value: { token: `ft_${'T'.repeat(43)}`, name: 'sales.csv' } });
  assert.deepEqual(h.core.calls.at(-1), ['grantFile', win.webContents.id, 'read', '/home/ada/sales.csv'], 'for reading, in that window only');
  const before = h.core.calls.length;
  const subframe = { sender: { id: win.webContents.id }, senderFrame: { url: APP_ENTRY_URL, parent: win.webContents.mainFrame } };
  const refused = (await h.fake.ipcMain.invoke(DROPPED_FILE_IPC, subframe, '/etc/passwd')) as { ok: boolean; error?: { code: string } };
  assert.equal(refused.error?.code, 'FORBIDDEN');
  const notText = (await h.fake.ipcMain.invoke(DROPPED_FILE_IPC, topFrameEvent(win), { path: '/etc/passwd' })) as { ok: boolean; error?: { code: string } };
  assert.equal(notText.error?.code, 'INVALID_INPUT');
  assert.equal(h.core.calls.length, before, 'the core never saw either');
});

test('a closed window is no longer ours: its id is refused afterwards', async () => {
  const h = start();
  await h.ready();
  const win = firstWindow(h);
  const event = topFrameEvent(win);
  win.close();
  const result = (await h.fake.ipcMain.invoke(ipcChannel('listProfiles'), event)) as { ok: boolean; error?: { code: string } };
  assert.equal(result.error?.code, 'FORBIDDEN');
});

test('a core that throws answers INTERNAL without leaking the message', async () => {
  const h = start();
  h.core.handle = () => Promise.reject(new Error('/home/alice/.config/Enclave/profiles is broken'));
  await h.ready();
  const result = await h.fake.ipcMain.invoke(ipcChannel('listProfiles'), topFrameEvent(firstWindow(h)));
  assert.equal((result as { error: { code: string } }).error.code, 'INTERNAL');
  assert.doesNotMatch(JSON.stringify(result), /alice/);
});

test('every window is created hidden with the secure webPreferences and loads app://enclave', async () => {
  const h = start();
  await h.ready();
  h.fake.menu.item('New Window')?.click?.({} as never, undefined, {} as never);
  assert.equal(h.fake.windows.length, 2);
  for (const win of h.fake.windows) {
    assert.equal(win.options.show, false);
    assert.deepEqual(win.options.webPreferences, {
      preload: '/app/build/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      enableBlinkFeatures: 'LangAttributeAwareFormControlUI',
    });
    assert.deepEqual(win.loaded, [APP_ENTRY_URL]);
    assert.equal(win.shown, false);
    win.emit('ready-to-show');
    assert.equal(win.shown, true);
  }
});

test('navigation away from the app and redirects elsewhere are prevented; allow-listed links go to the browser', async () => {
  const h = start();
  await h.ready();
  const contents = firstWindow(h).webContents;
  assert.equal(contents.navigate('app://enclave/index.html'), false);
  assert.equal(contents.navigate('https://evil.example/phish'), true);
  assert.equal(contents.navigate('file:///etc/passwd'), true);
  assert.equal(contents.navigate('app://evil/index.html'), true);
  assert.equal(contents.navigate('https://github.com/enclave/enclave'), true, 'even allow-listed sites never load in our window');
  assert.equal(contents.navigate('https://evil.example/', 'will-redirect'), true);
  await flush();
  assert.deepEqual(h.fake.opened, ['https://github.com/enclave/enclave']);
});

test('window.open is always denied; only allow-listed http(s) URLs are handed to the system browser', async () => {
  const h = start();
  await h.ready();
  const contents = firstWindow(h).webContents;
  for (const url of ['https://github.com/x', 'https://evil.example/', 'app://enclave/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@github.com/']) {
    assert.deepEqual(contents.windowOpen(url), { action: 'deny' }, url);
  }
  await flush();
  assert.deepEqual(h.fake.opened, ['https://github.com/x']);
});

test('<webview> attachment is prevented, also for webContents we did not create', async () => {
  const h = start();
  await h.ready();
  const event = electronEvent({});
  firstWindow(h).webContents.emit('will-attach-webview', event, {}, {});
  assert.equal(event.defaultPrevented, true);

  const stray = new FakeWebContents(555);
  h.fake.app.emit('web-contents-created', electronEvent({}), stray);
  assert.equal(stray.navigate('https://evil.example/'), true);
  assert.deepEqual(stray.windowOpen('https://evil.example/'), { action: 'deny' });
});

test('permissions: only clipboard-sanitized-write, only for the top frame of our window at app://enclave, in checks and requests', async () => {
  const h = start();
  await h.ready();
  const { requestHandler, checkHandler } = h.fake.session;
  assert.ok(requestHandler && checkHandler);
  const win = firstWindow(h);
  const request = (contents: { id: number }, permission: string, requestingUrl: string, isMainFrame: boolean) => {
    let granted: boolean | undefined;
    requestHandler(contents, permission, (g) => (granted = g), { requestingUrl, isMainFrame });
    assert.notEqual(granted, undefined, 'the request is answered');
    return granted;
  };
  const check = (contents: { id: number } | null, permission: string, origin: string, isMainFrame: boolean) =>
    checkHandler(contents, permission, origin, { requestingUrl: origin === 'app://enclave' ? APP_ENTRY_URL : `${origin}/`, embeddingOrigin: origin, isMainFrame });

  assert.equal(request(win.webContents, 'clipboard-sanitized-write', APP_ENTRY_URL, true), true);
  assert.equal(check(win.webContents, 'clipboard-sanitized-write', 'app://enclave', true), true);

  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'unknown']) {
    assert.equal(request(win.webContents, permission, APP_ENTRY_URL, true), false, permission);
    assert.equal(check(win.webContents, permission, 'app://enclave', true), false, permission);
  }
  const refused = {
    subframe: [win.webContents, 'app://enclave', false],
    'foreign origin': [win.webContents, 'https://evil.example', true],
    'other app host': [win.webContents, 'app://evil', true],
    'not our window': [{ id: 9999 }, 'app://enclave', true],
  } as const;
  for (const [label, [contents, origin, isMainFrame]] of Object.entries(refused)) {
    assert.equal(request(contents, 'clipboard-sanitized-write', `${origin}/index.html`, isMainFrame), false, label);
    assert.equal(check(contents, 'clipboard-sanitized-write', origin, isMainFrame), false, label);
  }
  assert.equal(check(null, 'clipboard-sanitized-write', 'app://enclave', true), false, 'no webContents');
  win.close();
  assert.equal(check(win.webContents, 'clipboard-sanitized-write', 'app://enclave', true), false, 'a closed window');
});

test('the app:// protocol sets the CSP header on every response: files, 404s, traversal, foreign hosts, bad methods', async () => {
  const h = start();
  await h.ready();
  const check = async (url: string, method: string, status: number) => {
    const response = await h.fake.protocol.request(url, method);
    assert.equal(response.status, status, `${method} ${url}`);
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, `${method} ${url}`);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    return response;
  };
  const index = await check('app://enclave/index.html', 'GET', 200);
  assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(await index.text(), /<title>Enclave/);
  assert.equal((await check('app://enclave/', 'GET', 200)).headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal((await check('app://enclave/assets/index-abc.js', 'GET', 200)).headers.get('content-type'), 'text/javascript; charset=utf-8');
  await check('app://enclave/missing.js', 'GET', 404);
  const secret = `${path.basename(RENDERER)}-secret.txt`;
  for (const url of [
    `app://enclave/../${secret}`,
    `app://enclave/%2e%2e/${secret}`,
    `app://enclave/..%2f${secret}`,
    `app://enclave/assets/..%2f..%2f${secret}`,
    `app://enclave/..%5c${secret}`,
    'app://enclave/%2fetc%2fpasswd',
    'app://enclave/assets',
  ]) {
    const response = await check(url, 'GET', 404);
    assert.doesNotMatch(await response.text(), /secret/);
  }
  await check('app://other-host/index.html', 'GET', 404);
  await check('app://enclave/index.html', 'POST', 405);
});

test('lock-screen and suspend lock every window', async () => {
  const h = start();
  await h.ready();
  h.fake.powerMonitor.emit('lock-screen');
  h.fake.powerMonitor.emit('suspend');
  await flush();
  assert.deepEqual(h.core.calls.filter(([n]) => n === 'lockAll'), [['lockAll', 'system'], ['lockAll', 'system']]);
});

test('idle auto-lock polls the system idle time every 30 s against ENCLAVE_IDLE_LOCK_MINUTES, once per idle spell', async () => {
  const h = start({ env: { ENCLAVE_IDLE_LOCK_MINUTES: '2' } });
  await h.ready();
  assert.equal(h.intervals.length, 1);
  const poll = h.intervals[0]!;
  assert.equal(poll.ms, IDLE_POLL_INTERVAL_MS);
  const idle = (seconds: number) => {
    h.fake.powerMonitor.idleSeconds = seconds;
    poll.callback();
  };
  idle(60);
  idle(119);
  idle(120);
  idle(150);
  idle(5);
  idle(121);
  await flush();
  assert.deepEqual(h.core.calls.filter(([n]) => n === 'lockAll'), [['lockAll', 'idle'], ['lockAll', 'idle']]);
});

test('the idle lock defaults to 15 minutes and can be turned off', async () => {
  const h = start();
  await h.ready();
  h.fake.powerMonitor.idleSeconds = 15 * 60 - 1;
  h.intervals[0]!.callback();
  h.fake.powerMonitor.idleSeconds = 15 * 60;
  h.intervals[0]!.callback();
  await flush();
  assert.deepEqual(h.core.calls.filter(([n]) => n === 'lockAll'), [['lockAll', 'idle']]);

  const off = start({ env: { ENCLAVE_IDLE_LOCK_MINUTES: '0' } });
  await off.ready();
  assert.equal(off.intervals.length, 0);
});

test('closing a window locks it in the core', async () => {
  const h = start();
  await h.ready();
  const win = firstWindow(h);
  win.close();
  await flush();
  assert.deepEqual(h.core.calls, [['lockWindow', win.webContents.id, 'user']]);
});

test('quitting holds the quit until every window is locked and the core closed, then quits', async () => {
  const h = start();
  await h.ready();
  h.fake.app.quit();
  assert.equal(h.fake.app.quitted, false, 'the first quit is held back');
  h.fake.app.quit(); // a second request while closing is held too, and runs nothing twice
  await flush();
  await flush();
  assert.equal(h.fake.app.quitted, true);
  assert.deepEqual(h.core.calls, [['lockAll', 'quit'], ['close']]);
  assert.equal(h.intervals[0]!.cleared, true, 'the idle poll stops');
});

test('closing the last window quits on Linux and Windows but not on macOS', async () => {
  const linux = start();
  await linux.ready();
  linux.fake.app.emit('window-all-closed');
  await flush();
  await flush();
  assert.equal(linux.fake.app.quitted, true);

  const mac = start({ platform: 'darwin' });
  await mac.ready();
  mac.fake.app.emit('window-all-closed');
  await flush();
  assert.equal(mac.fake.app.quitted, false);
  firstWindow(mac).close();
  mac.fake.app.emit('activate');
  assert.equal(mac.fake.windows.length, 2, 'activate with no window opens one');
});

test('the core event sink sends to the window it names, on the contract event channel', async () => {
  const h = start();
  await h.ready();
  const win = firstWindow(h);
  h.sink()(win.webContents.id, 'sessionLocked', { reason: 'idle' });
  h.sink()(4242, 'sessionLocked', { reason: 'idle' }); // unknown id: dropped
  assert.deepEqual(win.webContents.sent, [{ channel: ipcEvent('sessionLocked'), args: [{ reason: 'idle' }] }]);
  win.close();
  h.sink()(win.webContents.id, 'sessionLocked', { reason: 'idle' });
  assert.equal(win.webContents.sent.length, 1, 'nothing is sent to a destroyed window');
});

test('the menu: Lock and Switch Profile lock the focused window; Import and Export ask it to start them', async () => {
  const h = start();
  await h.ready();
  const win = firstWindow(h);
  const click = (label: string) => {
    const item = h.fake.menu.item(label);
    assert.ok(item, `menu item ${label}`);
    item.click?.({} as never, undefined, {} as never);
  };
  assert.equal(h.fake.menu.item('Lock')?.accelerator, 'CmdOrCtrl+L');
  click('Lock'); // nothing focused: nothing locked
  click('Import…'); // nothing focused: nothing sent
  h.fake.focus(win);
  click('Lock');
  click('Switch Profile');
  click('Import…');
  click('Export…');
  await flush();
  assert.deepEqual(h.core.calls, [
    ['lockWindow', win.webContents.id, 'user'],
    ['lockWindow', win.webContents.id, 'switch'],
  ]);
  assert.deepEqual(win.webContents.sent, [
    { channel: ipcEvent('menuCommand'), args: [{ command: 'import' }] },
    { channel: ipcEvent('menuCommand'), args: [{ command: 'export' }] },
  ]);
  assert.ok(h.fake.menu.item('View'), 'the usual menus are there');
  assert.ok(h.fake.menu.applicationMenu?.some((m) => m.role === 'editMenu'));
});

test('the core gets native file dialogs shown over the window that asked', async () => {
  const h = start();
  await h.ready();
  const dialogs = h.dialogs();
  h.fake.dialogAnswers.push('/home/ada/sales.csv');
  assert.equal(await dialogs.chooseImportFile(7), '/home/ada/sales.csv');
  assert.equal(await dialogs.chooseImportFile(7), null, 'cancelled');
  h.fake.dialogAnswers.push('/home/ada/out.parquet');
  assert.equal(await dialogs.chooseExportPath(8, { format: 'parquet', suggestedName: 'out.parquet' }), '/home/ada/out.parquet');
  h.fake.dialogAnswers.push('/home/ada/ada.enclave');
  assert.equal(await dialogs.chooseArchivePath(9, 'ada.enclave'), '/home/ada/ada.enclave');
  h.fake.dialogAnswers.push('/home/ada/old.enclave');
  assert.equal(await dialogs.chooseArchiveFile(9), '/home/ada/old.enclave');
  assert.deepEqual(
    h.fake.dialogs.map((d) => [d.kind, d.contentsId]),
    [
      ['open', 7],
      ['open', 7],
      ['save', 8],
      ['save', 9],
      ['open', 9],
    ],
  );
});

test('a quit while the core is still opening waits for it and closes it', async () => {
  let resolveCore!: (core: ShellCore) => void;
  const h = start({ openCore: () => new Promise<ShellCore>((resolve) => (resolveCore = resolve)) });
  h.fake.app.emitReady();
  await flush();
  h.fake.app.quit();
  assert.equal(h.fake.app.quitted, false);
  resolveCore(h.core);
  await h.started;
  for (let i = 0; i < 5; i++) await flush();
  assert.deepEqual(h.core.calls, [['lockAll', 'quit'], ['close']]);
  assert.equal(h.fake.app.quitted, true);
});
