// The Chromium end-to-end harness: the built renderer in real Chromium, `window.api`
// provided by the same bridge code as the preload, calls going into the real core
// (real databases in a temp user-data dir, real keychain). Only Electron is missing.
import { test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileDialogs } from '../../build/electron/core/dialogs.js';
import { openEnclave, type Enclave } from '../../build/electron/core/enclave.js';
import { keytarStore } from '../../build/electron/core/keychain/keytar-store.js';
import { SECURITY_HEADERS } from '../../build/electron/core/shell/csp.js';
import { resolveStaticFile } from '../../build/electron/core/shell/static-files.js';
import { hintFragment } from '../../build/electron/core/window-opener.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RENDERER_DIR = path.join(ROOT, 'build/renderer');
const PRELOAD = path.join(ROOT, 'build/e2e/harness-preload.js');
export const ORIGIN = 'http://enclave.test';
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

/**
 * Stands in for the OS open/save dialogs (the one part of the flow that belongs to
 * Electron): each dialog shown answers the next queued path, or is cancelled. The core
 * then mints the window's token for it, as it does for the native dialogs.
 */
export interface ScriptedDialogs extends FileDialogs {
  answers: string[];
  shown: Array<{ kind: 'open' | 'save'; windowId: number }>;
}

function scriptedDialogs(): ScriptedDialogs {
  const answers: string[] = [];
  const shown: ScriptedDialogs['shown'] = [];
  // Every dialog, open or save, answers alike: the next queued path, or cancelled.
  const dialog = (kind: 'open' | 'save') => async (windowId: number) => {
    shown.push({ kind, windowId });
    return answers.shift() ?? null;
  };
  return {
    answers,
    shown,
    chooseImportFile: dialog('open'),
    chooseExportPath: dialog('save'),
    chooseCalendarFile: dialog('open'),
    chooseCalendarExportPath: dialog('save'),
    chooseArchivePath: dialog('save'),
    chooseArchiveFile: dialog('open'),
  };
}

export interface Harness {
  enclave: Enclave;
  dataDir: string;
  dialogs: ScriptedDialogs;
  /** Opens a new page ("window") on the app. */
  openWindow(): Promise<Page>;
  /** Windows the app opened itself ("Open in new window"), in order. */
  openedWindows: Page[];
  /** Test-only: kills a profile's host process as a crash would (SIGKILL by default); returns its pid. */
  killHost(profileId: string, signal?: NodeJS.Signals): number;
  close(): Promise<void>;
}

/** A harness of its own for each test of the file (named `name`), closed after it; call it for the current one. */
export function harnessForEachTest(name: string): () => Harness {
  let harness: Harness | undefined;
  test.beforeEach(async ({ context }, info) => {
    harness = await startHarness(context, `${name}-${info.workerIndex}`);
  });
  test.afterEach(async () => {
    await harness?.close();
  });
  return () => harness!;
}

/** A fresh temp folder for each test of the spec (files it imports, archives it writes), removed after it. */
export function tempDirForEachTest(prefix: string): () => string {
  let dir: string | undefined;
  test.beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `enclave-e2e-${prefix}-`));
  });
  test.afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir!;
}

export async function startHarness(context: BrowserContext, name: string): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `enclave-e2e-${name}-`));
  const service = `enclave-e2e-${process.pid}-${name}`;
  const secrets = keytarStore(service);
  const pages = new Map<number, Page>();
  const ids = new WeakMap<Page, number>();
  let nextId = 1;
  const dialogs = scriptedDialogs();

  // "Open in new window": like main, a new window at the entry URL with the profile hint.
  const opened: Page[] = [];
  const openPage = async (fragment = '') => {
    const page = await context.newPage();
    const id = nextId++;
    pages.set(id, page);
    ids.set(page, id);
    page.on('close', () => void enclave.lockWindow(id, 'user').catch(() => undefined));
    await page.goto(`${ORIGIN}/index.html${fragment}`);
    return page;
  };
  const enclave = await openEnclave({
    dataDir,
    secrets,
    dialogs,
    windows: { open: (hint) => void openPage(hintFragment(hint)).then((page) => opened.push(page)) },
    // As the app does: a host process ready for the next unlock.
    spareHost: true,
    events: (windowId, event, payload) => {
      const page = pages.get(windowId);
      if (page && !page.isClosed()) {
        void page.evaluate(([e, p]) => window.__enclaveEmit(e, p), [event, payload] as const).catch(() => undefined);
      }
    },
  });

  // Served like the app:// protocol: same files, same CSP header on every response.
  await context.route(`${ORIGIN}/**`, async (route) => {
    const file = resolveStaticFile(RENDERER_DIR, new URL(route.request().url()).pathname);
    const headers = { ...SECURITY_HEADERS };
    if (!file) return route.fulfill({ status: 404, headers, body: 'not found' });
    return route.fulfill({ status: 200, headers: { ...headers, 'content-type': file.mimeType }, body: fs.readFileSync(file.path) });
  });
  await context.addInitScript({ path: PRELOAD });
  await context.exposeBinding('__enclaveInvoke', ({ page }, channel: string, input: unknown) => {
    const id = ids.get(page);
    if (id === undefined) return { ok: false, error: { code: 'FORBIDDEN', message: 'unknown window' } };
    return enclave.handle(id, channel, input);
  });
  // What main does for the preload's DROPPED_FILE_IPC: a read token for that window.
  await context.exposeBinding('__enclaveGrantDropped', ({ page }, file: string) => {
    const id = ids.get(page);
    if (id === undefined) return { ok: false };
    try {
      return { ok: true, value: enclave.grantFile(id, 'read', file) };
    } catch {
      return { ok: false };
    }
  });

  return {
    enclave,
    dataDir,
    dialogs,
    openWindow: () => openPage(),
    openedWindows: opened,
    killHost(profileId, signal = 'SIGKILL') {
      const pid = enclave.hostPid(profileId);
      if (pid === null) throw new Error(`profile ${profileId} has no host process running`);
      process.kill(pid, signal);
      return pid;
    },
    async close() {
      // Pages first: an open page would keep calling into a core that is closing.
      await Promise.all([...pages.values()].map((page) => page.close().catch(() => undefined)));
      await enclave.close();
      const profiles = fs.existsSync(path.join(dataDir, 'profiles')) ? fs.readdirSync(path.join(dataDir, 'profiles')) : [];
      await Promise.all(profiles.map((id) => secrets.delete(id).catch(() => false)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Saves `<name>.png` for the UTC project; a project in another zone (playwright.config.ts)
 * saves into a folder named after it, so the same spec run twice never overwrites itself.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const project = test.info().project.name;
  const dir = project === 'chromium' ? SCREENSHOTS : path.join(SCREENSHOTS, project);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/**
 * Drags the file at `file` from "the file manager" over `target` (dragenter, dragover):
 * a File with its name and first bytes in a DataTransfer. `drop()` lets go. The
 * harness's window.files finds its path, as the preload's webUtils would in Electron,
 * and the core grants a read token for it — unless `onDisk` is false (a file dragged
 * from a web page has none).
 */
export async function dragFile(page: Page, target: Locator, file: string, onDisk = true): Promise<{ drop(): Promise<void> }> {
  const name = path.basename(file);
  if (onDisk) await page.evaluate(([n, p]) => window.__enclaveOnDisk(n, p), [name, file] as const);
  const dataTransfer = await page.evaluateHandle(
    ([n, bytes]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], n, { type: 'text/csv' }));
      return dt;
    },
    [name, [...fs.readFileSync(file).subarray(0, 4096)]] as const,
  );
  for (const type of ['dragenter', 'dragover']) await target.dispatchEvent(type, { dataTransfer });
  return { drop: () => target.dispatchEvent('drop', { dataTransfer }) };
}

export async function dropFile(page: Page, target: Locator, file: string, onDisk = true): Promise<void> {
  await (await dragFile(page, target, file, onDisk)).drop();
}
