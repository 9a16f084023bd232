import type { ExportFormat } from '../../shared/analysis/analytics.js';
import type { ImportFilePurpose } from '../../shared/files/dialog-channels.js';

/**
 * Native file dialogs, shown over the window that asked. The Electron shell supplies
 * real ones; the CLI has none (it takes paths as arguments) and the Chromium harness
 * a scripted stand-in, as the OS dialog is part of the Electron edge.
 */
export interface FileDialogs {
  /** Open dialog for a file to read: a data file (default), a SQLite database or a CA certificate, with filters to match. */
  chooseImportFile(windowId: number, purpose?: ImportFilePurpose): Promise<string | null>;
  chooseExportPath(windowId: number, options: { format: ExportFormat; suggestedName: string }): Promise<string | null>;
  /** Open dialog for an iCalendar file (.ics). */
  chooseCalendarFile(windowId: number): Promise<string | null>;
  /** Save dialog for an iCalendar file (.ics). */
  chooseCalendarExportPath(windowId: number, suggestedName: string): Promise<string | null>;
  /** Save dialog for a profile archive (.enclave). */
  chooseArchivePath(windowId: number, suggestedName: string): Promise<string | null>;
  /** Open dialog for a profile archive to restore. */
  chooseArchiveFile(windowId: number): Promise<string | null>;
}

/** For callers without windows: every dialog is "cancelled". */
export const noDialogs: FileDialogs = {
  chooseImportFile: async () => null,
  chooseExportPath: async () => null,
  chooseCalendarFile: async () => null,
  chooseCalendarExportPath: async () => null,
  chooseArchivePath: async () => null,
  chooseArchiveFile: async () => null,
};
