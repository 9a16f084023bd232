// The core's FileDialogs over Electron's native open/save dialogs.
import { ARCHIVE_EXTENSION } from '../../shared/backups/backups.js';
import type { ImportFilePurpose } from '../../shared/files/dialog-channels.js';
import type { FileDialogs } from '../core/dialogs.js';
import type { ShellDialog } from './electron-deps.js';

/** What the import understands (see electron/core/analytics/import-file.ts). */
const IMPORT_EXTENSIONS = ['csv', 'tsv', 'txt', 'parquet', 'json', 'ndjson', 'jsonl'];

/** The open dialog's title and first filter for each thing a window may ask to read. */
const OPEN_FOR: Record<ImportFilePurpose, { title: string; filter: { name: string; extensions: string[] } }> = {
  data: { title: 'Import a file', filter: { name: 'Data files', extensions: IMPORT_EXTENSIONS } },
  database: { title: 'Open a SQLite database', filter: { name: 'SQLite databases', extensions: ['sqlite', 'sqlite3', 'db', 'db3', 's3db', 'sl3'] } },
  certificate: { title: 'Choose a CA certificate', filter: { name: 'Certificates (PEM)', extensions: ['pem', 'crt', 'cer'] } },
};

export function nativeFileDialogs(dialog: ShellDialog): FileDialogs {
  return {
    async chooseImportFile(windowId, purpose = 'data') {
      const { title, filter } = OPEN_FOR[purpose];
      const result = await dialog.showOpenDialog(windowId, {
        title,
        properties: ['openFile'],
        filters: [filter, { name: 'All files', extensions: ['*'] }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseExportPath(windowId, { format, suggestedName }) {
      const result = await dialog.showSaveDialog(windowId, {
        title: 'Export',
        defaultPath: suggestedName,
        filters: [{ name: { csv: 'CSV', parquet: 'Parquet', json: 'JSON' }[format], extensions: [format] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseCalendarFile(windowId) {
      const result = await dialog.showOpenDialog(windowId, {
        title: 'Import a calendar',
        properties: ['openFile'],
        filters: [
          { name: 'iCalendar', extensions: ['ics', 'ical', 'ifb', 'icalendar'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseCalendarExportPath(windowId, suggestedName) {
      const result = await dialog.showSaveDialog(windowId, {
        title: 'Export the calendar',
        defaultPath: suggestedName,
        filters: [{ name: 'iCalendar', extensions: ['ics'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseArchivePath(windowId, suggestedName) {
      const result = await dialog.showSaveDialog(windowId, {
        title: 'Export profile',
        defaultPath: suggestedName,
        filters: [{ name: 'Enclave archive', extensions: [ARCHIVE_EXTENSION] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseArchiveFile(windowId) {
      const result = await dialog.showOpenDialog(windowId, {
        title: 'Restore a profile',
        properties: ['openFile'],
        filters: [
          { name: 'Enclave archive', extensions: [ARCHIVE_EXTENSION] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
