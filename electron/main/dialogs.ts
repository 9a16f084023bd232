// The core's FileDialogs over Electron's native open/save dialogs.
import { ARCHIVE_EXTENSION } from '../../shared/backups/backups.js';
import type { ImportFilePurpose } from '../../shared/files/dialog-channels.js';
import type { FileDialogs } from '../core/dialogs.js';
import type { ShellDialog } from './electron-deps.js';

type FileFilter = { name: string; extensions: string[] };

/** What the import understands (see electron/core/analytics/import-file.ts). */
const IMPORT_EXTENSIONS = ['csv', 'tsv', 'txt', 'parquet', 'json', 'ndjson', 'jsonl'];

/** The open dialog's title and first filter for each thing a window may ask to read. */
const OPEN_FOR: Record<ImportFilePurpose, { title: string; filter: FileFilter }> = {
  data: { title: 'Import a file', filter: { name: 'Data files', extensions: IMPORT_EXTENSIONS } },
  database: { title: 'Open a SQLite database', filter: { name: 'SQLite databases', extensions: ['sqlite', 'sqlite3', 'db', 'db3', 's3db', 'sl3'] } },
  certificate: { title: 'Choose a CA certificate', filter: { name: 'Certificates (PEM)', extensions: ['pem', 'crt', 'cer'] } },
};

export function nativeFileDialogs(dialog: ShellDialog): FileDialogs {
  /** One existing file of the `filter`'s kind (any file may still be picked), or null when cancelled. */
  const openOne = async (windowId: number, title: string, filter: FileFilter) => {
    const result = await dialog.showOpenDialog(windowId, {
      title,
      properties: ['openFile'],
      filters: [filter, { name: 'All files', extensions: ['*'] }],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  /** Where to write a new file, the native dialog asking before it replaces one; null when cancelled. */
  const saveTo = async (windowId: number, title: string, suggestedName: string, filter: FileFilter) => {
    const result = await dialog.showSaveDialog(windowId, {
      title,
      defaultPath: suggestedName,
      filters: [filter],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    async chooseImportFile(windowId, purpose = 'data') {
      const { title, filter } = OPEN_FOR[purpose];
      return openOne(windowId, title, filter);
    },
    chooseExportPath: (windowId, { format, suggestedName }) =>
      saveTo(windowId, 'Export', suggestedName, { name: { csv: 'CSV', parquet: 'Parquet', json: 'JSON' }[format], extensions: [format] }),
    chooseCalendarFile: (windowId) => openOne(windowId, 'Import a calendar', { name: 'iCalendar', extensions: ['ics', 'ical', 'ifb', 'icalendar'] }),
    chooseCalendarExportPath: (windowId, suggestedName) => saveTo(windowId, 'Export the calendar', suggestedName, { name: 'iCalendar', extensions: ['ics'] }),
    chooseArchivePath: (windowId, suggestedName) => saveTo(windowId, 'Export profile', suggestedName, { name: 'Enclave archive', extensions: [ARCHIVE_EXTENSION] }),
    chooseArchiveFile: (windowId) => openOne(windowId, 'Restore a profile', { name: 'Enclave archive', extensions: [ARCHIVE_EXTENSION] }),
  };
}
