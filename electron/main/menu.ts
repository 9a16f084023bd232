// The application menu: the platform's usual roles plus Enclave's File commands.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newWindow(): void;
  /** Locks the focused window: 'user' for Lock, 'switch' for Switch Profile. */
  lockFocused(reason: 'user' | 'switch'): void;
  /** Asks the focused window to start an import or an export (it knows its profile). */
  command(command: 'import' | 'export'): void;
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Window', accelerator: 'CmdOrCtrl+N', click: () => actions.newWindow() },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.command('import') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.command('export') },
      { type: 'separator' },
      { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => actions.lockFocused('user') },
      { label: 'Switch Profile', click: () => actions.lockFocused('switch') },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(isPackaged ? [] : ([{ role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[])),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(mac ? ([{ role: 'appMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}
