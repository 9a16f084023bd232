// Entry of the Electron main process: hands the real `electron` module and the real
// core to startShell. Kept this small so the seam tests cover everything else.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  utilityProcess,
  webContents,
} from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppException } from '../../shared/errors.js';
import { DEFAULT_BACKUP_POLICY } from '../core/backup/backup-files.js';
import { openEnclave } from '../core/enclave.js';
import { keytarStore } from '../core/keychain/keytar-store.js';
import { APP_ID } from '../core/keychain/secret-store.js';
import { APP_ENTRIES } from '../core/shell/app-entries.js';
import { startShell } from './shell.js';
import { utilityLauncher } from './utility-launcher.js';

// This file is build/electron/main/main.js: the app's root (the checkout, or app.asar)
// is three levels up, and the other entries are named from there.
const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// No await before this call: ES modules load asynchronously, and what startShell must
// do before `ready` (setPath, registerSchemesAsPrivileged) runs synchronously inside it.
// Dialogs go over the window that asked; methods are looked up at call time so the
// end-to-end specs can stub them through electronApp.evaluate.
const parentOf = (contentsId: number) => {
  const contents = webContents.fromId(contentsId);
  return contents ? BrowserWindow.fromWebContents(contents) : null;
};
const shellDialog = {
  showErrorBox: (title: string, content: string) => dialog.showErrorBox(title, content),
  showOpenDialog: (contentsId: number, options: Electron.OpenDialogOptions) => {
    const parent = parentOf(contentsId);
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
  },
  showSaveDialog: (contentsId: number, options: Electron.SaveDialogOptions) => {
    const parent = parentOf(contentsId);
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  },
};

startShell(
  { app, BrowserWindow, dialog: shellDialog, ipcMain, Menu, powerMonitor, protocol, session, shell, webContents },
  {
    argv: process.argv,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    rendererDir: path.dirname(path.join(appRoot, APP_ENTRIES.renderer)),
    preloadPath: path.join(appRoot, APP_ENTRIES.preload),
    openCore: ({ dataDir, events, dialogs, windows }) =>
      openEnclave({
        dataDir,
        events,
        dialogs,
        windows,
        secrets: keytarStore(process.env.ENCLAVE_KEYCHAIN_SERVICE ?? APP_ID),
        backups: DEFAULT_BACKUP_POLICY,
        // Each unlocked profile's databases run in their own utility process.
        hostLauncher: utilityLauncher(utilityProcess),
        spareHost: true,
        hostLog: (line) => console.error('[enclave]', line),
        // The core times reminders for unlocked profiles only and drops them when one locks.
        reminders: (_profileId, r) => {
          if (!Notification.isSupported()) return;
          const when = r.allDay ? 'All day' : new Date(r.start).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
          new Notification({ title: r.title, body: when, silent: false }).show();
        },
      }),
  },
).catch((e: unknown) => {
  console.error('[enclave] start-up failed:', e);
  // A typed start-up failure (read-only or full data folder) is told to the person, not only the log.
  if (e instanceof AppException) dialog.showErrorBox('Enclave cannot start', e.message);
  app.exit(1);
});
