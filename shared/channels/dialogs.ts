// Native open/save dialogs, shown by main over the calling window. The renderer
// learns only the path the person chose (never one inside the app's data).
import { z } from 'zod';
import { channel, returns } from '../channel.js';

export const EXPORT_FORMATS = ['csv', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The chosen file; null when the person cancelled. */
export type FileChoice = { path: string } | null;

export const dialogChannels = {
  chooseImportFile: channel({
    scope: 'data',
    input: z.undefined(),
    output: returns<FileChoice>(),
    errors: ['LOCKED'],
  }),
  chooseExportPath: channel({
    scope: 'data',
    input: z.strictObject({
      format: z.enum(EXPORT_FORMATS),
      suggestedName: z.string().min(1).max(255),
    }),
    output: returns<FileChoice>(),
    errors: ['LOCKED', 'INVALID_INPUT'],
  }),
} as const;
