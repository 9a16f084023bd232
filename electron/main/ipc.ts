// One ipcMain handler per contract channel, each checking its caller before the core
// runs; and the sink through which the core pushes events to one window.
import { CHANNEL_NAMES, ipcChannel, ipcEvent } from '../../shared/contract.js';
import { AppException, fail, ok } from '../../shared/errors.js';
import { DROPPED_FILE_IPC } from '../../shared/files/file-grants.js';
import type { Enclave, EventSink } from '../core/enclave.js';
import { checkSender, forbidden } from '../core/shell/sender-check.js';
import type { ElectronDeps, ShellIpcMain } from './electron-deps.js';

export function registerIpc(
  ipcMain: ShellIpcMain,
  core: Pick<Enclave, 'handle' | 'grantFile'>,
  isOurWindow: (webContentsId: number) => boolean,
): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input) => {
      const verdict = checkSender(event.senderFrame, isOurWindow(event.sender.id));
      if (!verdict.ok) {
        console.warn(`[enclave] ${name}: ${verdict.reason}`);
        return forbidden(verdict.reason);
      }
      try {
        return await core.handle(event.sender.id, name, input);
      } catch (e) {
        // The core answers failures as values; a throw here would reach the renderer
        // as an Error whose message may hold paths. Never let it.
        console.error(`[enclave] ${name} threw:`, e);
        return fail({ code: 'INTERNAL', message: 'Something went wrong inside Enclave (details are in its log)' });
      }
    });
  }
  // A file dropped on a window: the preload found its path with webUtils and asks for a
  // read token. Not a contract channel, so window.api cannot reach it; the path gets the
  // same checks as a dialog's (absolute, an existing file, outside the data folder).
  ipcMain.handle(DROPPED_FILE_IPC, async (event, path) => {
    const verdict = checkSender(event.senderFrame, isOurWindow(event.sender.id));
    if (!verdict.ok) return forbidden(verdict.reason);
    try {
      if (typeof path !== 'string') throw new AppException('INVALID_INPUT', 'Not a path');
      return ok(core.grantFile(event.sender.id, 'read', path));
    } catch (e) {
      return fail(e instanceof AppException ? { code: e.code, message: 'Enclave cannot import this file' } : { code: 'INTERNAL', message: 'Enclave cannot import this file' });
    }
  });
}

/** Delivers a core event to the window whose webContents id the core knows it by. */
export function eventSink(webContents: ElectronDeps['webContents']): EventSink {
  return (windowId, event, payload) => {
    const contents = webContents.fromId(windowId);
    if (contents && !contents.isDestroyed()) contents.send(ipcEvent(event), payload);
  };
}
