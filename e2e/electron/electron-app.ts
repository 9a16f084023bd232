// Launching the built app in real Electron for the specs of this folder, and saying
// plainly when that cannot happen (no Electron binary on an offline machine).
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

export const NO_ELECTRON_REASON =
  'Electron binary not installed (offline machine): run `npx install-electron` or reinstall electron with network access';

/**
 * The Electron executable, read off node_modules/electron's files. Not require('electron'):
 * with path.txt present but the binary gone, that starts a download instead of answering.
 */
export function electronBinary(): string | null {
  const pkg = path.join(ROOT, 'node_modules/electron');
  try {
    const relative = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
    const binary = path.join(pkg, 'dist', relative);
    return relative && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export interface LaunchedApp {
  app: ElectronApplication;
  dataDir: string;
  keychainService: string;
  /** Quits the app and, unless kept for a restart, removes its data and keychain entries. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts build/electron/main/main.js (through package.json) on a fresh user-data dir,
 * or again on the one of an earlier launch (a restart).
 */
export async function launchApp(binary: string, restart?: LaunchedApp): Promise<LaunchedApp> {
  const dataDir = restart?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-e2e-electron-'));
  const keychainService = restart?.keychainService ?? `enclave-e2e-electron-${process.pid}-${path.basename(dataDir)}`;
  const app = await electron.launch({
    executablePath: binary,
    // One argument: Chromium reads `--switch value` as an empty switch and a stray
    // argument, and the app must see the same directory Chromium uses.
    args: [ROOT, `--user-data-dir=${dataDir}`],
    cwd: ROOT,
    env: {
      ...process.env,
      // Its own keychain entries, removed afterwards; no idle lock in the middle of a step.
      ENCLAVE_KEYCHAIN_SERVICE: keychainService,
      ENCLAVE_IDLE_LOCK_MINUTES: 'off',
    },
  });
  return {
    app,
    dataDir,
    keychainService,
    async close({ keepData = false } = {}) {
      await app.close();
      if (keepData) return;
      const profiles = path.join(dataDir, 'profiles');
      const ids = fs.existsSync(profiles) ? fs.readdirSync(profiles) : [];
      if (ids.length > 0) {
        const { keytarStore } = await import('../../build/electron/core/keychain/keytar-store.js');
        const secrets = keytarStore(keychainService);
        await Promise.all(ids.map((id) => secrets.delete(id).catch(() => false)));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What every spec of this folder sets up: skipped, with the reason, where there is no
 * Electron binary; the app a test launched quit (and its data removed) after it.
 * `launch(restart)` starts the app again on an earlier launch's data.
 */
export function electronSpec(): { launch(restart?: LaunchedApp): Promise<LaunchedApp> } {
  const binary = electronBinary();
  test.skip(binary === null, NO_ELECTRON_REASON);
  let launched: LaunchedApp | undefined;
  test.afterEach(async () => {
    await launched?.close();
    launched = undefined;
  });
  return { launch: async (restart) => (launched = await launchApp(binary!, restart)) };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `electron-${name}.png`) });
}
