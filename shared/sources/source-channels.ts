// Channels of the profile's saved database sources and imports from them. A password
// travels only in addSource's input (main puts it in the keychain); main reads it back
// for the host on each browse, preview, import and refresh. A SQLite source file arrives
// as a read token like every chosen file.
import { z } from 'zod';
import { channel, noInputChannel, returns } from '../channel.js';
import { fileToken } from '../files/file-grants.js';
import { SOURCE_NAME_MAX, SOURCE_PASSWORD_MAX, TLS_MODES, type SourceImportOutcome, type SourceInfo, type SourcePreview, type SourceTable, type SourcedTable } from './sources.js';
import { line } from '../fields.js';

const sourceName = line('Source name', SOURCE_NAME_MAX, 1);
const identifier = z.string().min(1).max(255);
const selection = z.union([
  z.strictObject({ table: identifier, schema: identifier.optional() }),
  z.strictObject({ sql: z.string().trim().min(1).max(1_000_000) }),
]);
const connectErrors = ['NOT_FOUND', 'SOURCE_AUTH_FAILED', 'SOURCE_UNREACHABLE', 'SOURCE_CERTIFICATE_UNTRUSTED', 'SOURCE_CONNECTION_LOST', 'SQL_ERROR', 'KEYCHAIN_UNAVAILABLE', 'PERMISSION_DENIED'] as const;
const importErrors = [...connectErrors, 'ALREADY_EXISTS', 'CANCELLED', 'DISK_FULL', 'STORAGE_ERROR'] as const;

export const sourceChannels = {
  listSources: noInputChannel<SourceInfo[]>(['STORAGE_ERROR']),
  /** Saves a source: a network URL (no password in it) or a SQLite file's token; the password goes to the keychain. */
  addSource: channel({
    scope: 'data',
    input: z
      .strictObject({
        name: sourceName,
        url: z.string().trim().min(1).max(2000).optional(),
        file: fileToken.optional(),
        password: z.string().max(SOURCE_PASSWORD_MAX).optional(),
        tls: z.enum(TLS_MODES).optional(),
        /** A CA certificate file (PEM) chosen by the person: TLS then verifies the server against it. */
        ca: fileToken.optional(),
      })
      .refine((s) => (s.url === undefined) !== (s.file === undefined), { message: 'Give either a URL or a SQLite file', path: ['url'] }),
    output: returns<SourceInfo>(),
    errors: ['ALREADY_EXISTS', 'NOT_FOUND', 'PERMISSION_DENIED', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  /** Forgets a source and its keychain password; tables imported from it stay (they can no longer be refreshed). */
  removeSource: channel({
    scope: 'data',
    input: z.strictObject({ name: sourceName }),
    output: returns<null>(),
    errors: ['NOT_FOUND', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  /** The source's schemas and tables with the server's row estimates. */
  browseSource: channel({ scope: 'data', input: z.strictObject({ source: sourceName }), output: returns<SourceTable[]>(), errors: connectErrors }),
  /** The first 100 rows of a table or query, as the import would type them. */
  previewSource: channel({
    scope: 'data',
    input: z.strictObject({ source: sourceName, from: selection }),
    output: returns<SourcePreview>(),
    errors: connectErrors,
  }),
  /** Streams a table or query into a table of the profile, atomically; `importProgress` events carry `importId`, `cancelImport` stops it. */
  importFromSource: channel({
    scope: 'data',
    input: z.strictObject({
      source: sourceName,
      from: selection,
      table: identifier,
      importId: z.uuid().optional(),
      onConflict: z.enum(['error', 'replace', 'append']).default('error'),
    }),
    output: returns<SourceImportOutcome>(),
    errors: importErrors,
  }),
  /** Tables imported from a source, with what Refresh re-imports. */
  listSourcedTables: noInputChannel<SourcedTable[]>(['STORAGE_ERROR']),
  /** Imports a sourced table again from its source; the old table stays until the new one is complete. */
  refreshTable: channel({
    scope: 'data',
    input: z.strictObject({ table: identifier, importId: z.uuid().optional() }),
    output: returns<SourceImportOutcome>(),
    errors: importErrors,
  }),
} as const;
