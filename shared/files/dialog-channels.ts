// Native open/save dialogs, shown by main over the calling window. The renderer
// learns a token for the file the person chose, with its name (and size, to read):
// never its path (see shared/files/file-grants.ts). A file inside the app's data is refused.
import { z } from 'zod';
import { channel, returns, type Scope } from '../channel.js';
import { EXPORT_FORMATS } from '../analysis/analytics.js';
import type { FileGrant } from './file-grants.js';

/** The chosen file as a token for this window; null when the person cancelled. */
export type FileChoice = FileGrant | null;

/** What the open dialog is for: a data file to import (the default), a SQLite database to add as a source, a CA certificate (PEM). */
export const IMPORT_FILE_PURPOSES = ['data', 'database', 'certificate'] as const;
export type ImportFilePurpose = (typeof IMPORT_FILE_PURPOSES)[number];

const DIALOG_ERRORS = ['INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED'] as const;
const suggestedName = z.string().min(1).max(255);

/** A native dialog that answers the chosen file; `input` is what the caller says about the file wanted. */
export const dialogChannel = <S extends z.ZodType, Sc extends Scope = 'data'>(input: S, scope: Sc = 'data' as Sc) =>
  channel({ scope, input, output: returns<FileChoice>(), errors: scope === 'data' ? ['LOCKED', ...DIALOG_ERRORS] : DIALOG_ERRORS });

/** A save dialog for a file of the calling window's profile, offering `suggestedName` (archives, calendars). */
export const saveDialogChannel = () => dialogChannel(z.strictObject({ suggestedName }));

export const dialogChannels = {
  chooseImportFile: dialogChannel(z.strictObject({ purpose: z.enum(IMPORT_FILE_PURPOSES) }).optional()),
  /** Open dialog for an iCalendar file (.ics) to import as events. */
  chooseCalendarFile: dialogChannel(z.undefined()),
  /** Save dialog for the profile's events as an iCalendar file (.ics). */
  chooseCalendarExportPath: saveDialogChannel(),
  chooseExportPath: dialogChannel(z.strictObject({ format: z.enum(EXPORT_FORMATS), suggestedName })),
} as const;
