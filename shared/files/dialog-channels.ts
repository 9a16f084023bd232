// Native open/save dialogs, shown by main over the calling window. The renderer
// learns a token for the file the person chose, with its name (and size, to read):
// never its path (see shared/files/file-grants.ts). A file inside the app's data is refused.
import { z } from 'zod';
import { channel, returns } from '../channel.js';
import { EXPORT_FORMATS } from '../analysis/analytics.js';
import type { FileGrant } from './file-grants.js';

/** The chosen file as a token for this window; null when the person cancelled. */
export type FileChoice = FileGrant | null;

/** What the open dialog is for: a data file to import (the default), a SQLite database to add as a source, a CA certificate (PEM). */
export const IMPORT_FILE_PURPOSES = ['data', 'database', 'certificate'] as const;
export type ImportFilePurpose = (typeof IMPORT_FILE_PURPOSES)[number];

/** A save dialog for a file of the calling window's profile, offering `suggestedName` (archives, calendars). */
export const saveDialogChannel = () =>
  channel({
    scope: 'data',
    input: z.strictObject({ suggestedName: z.string().min(1).max(255) }),
    output: returns<FileChoice>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED'],
  });

export const dialogChannels = {
  chooseImportFile: channel({
    scope: 'data',
    input: z.strictObject({ purpose: z.enum(IMPORT_FILE_PURPOSES) }).optional(),
    output: returns<FileChoice>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED'],
  }),
  /** Open dialog for an iCalendar file (.ics) to import as events. */
  chooseCalendarFile: channel({
    scope: 'data',
    input: z.undefined(),
    output: returns<FileChoice>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED'],
  }),
  /** Save dialog for the profile's events as an iCalendar file (.ics). */
  chooseCalendarExportPath: saveDialogChannel(),
  chooseExportPath: channel({
    scope: 'data',
    input: z.strictObject({
      format: z.enum(EXPORT_FORMATS),
      suggestedName: z.string().min(1).max(255),
    }),
    output: returns<FileChoice>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED'],
  }),
} as const;
