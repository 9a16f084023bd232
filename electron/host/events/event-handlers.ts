// The calendar channels, served in the profile's host under their contract names.
import fsp from 'node:fs/promises';
import { AppException } from '../../../shared/errors.js';
import { writeExclusively } from '../../core/files/exclusive-file.js';
import { itemHandlers } from '../item-handlers.js';
import { repositories } from '../repositories.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';
import { diskError } from '../../core/storage/storage-errors.js';

/** An .ics file larger than this is not a calendar a person keeps (and is read whole). */
export const ICS_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const eventHandlers = {
  ...itemHandlers('Event', (r) => r.events),
  editOccurrence: ({ sqlite }, input) => repositories(sqlite).events.editOccurrence(input),
  deleteOccurrence: ({ sqlite }, input) => repositories(sqlite).events.deleteOccurrence(input),
} satisfies Partial<HostHandlerTable>;

async function readIcs(file: string): Promise<string> {
  try {
    const stat = await fsp.stat(file);
    if (stat.size > ICS_FILE_MAX_BYTES) {
      throw new AppException('INVALID_INPUT', `file: An .ics file is at most ${ICS_FILE_MAX_BYTES / 1024 / 1024} MB`, { field: 'file' });
    }
    return await fsp.readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof AppException) throw e;
    throw diskError(e) ?? new AppException('NOT_FOUND', `Cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// File work is asynchronous, so these run outside the per-call transaction; the import
// itself is one transaction (all of the file's events or none). The .ics code, and with
// it the contract's schemas an import checks each event against, loads with the first
// file: a host answering `enclave task list` never needs them.
const icsFiles = () => import('./event-ics.js');

export const eventFileHandlers = {
  async importEvents({ sqlite }, { path }) {
    const [text, { importIcs }] = await Promise.all([readIcs(path), icsFiles()]);
    // Times without a zone in the file are read in this computer's zone (the host runs on it).
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return sqlite.db.transaction(() => importIcs(repositories(sqlite).events, text, zone))();
  },
  async exportEvents({ sqlite }, { path }) {
    const { exportIcs } = await icsFiles();
    const { text, events } = exportIcs(repositories(sqlite).events, new Date());
    try {
      await writeExclusively(path, async (out) => {
        await out.writeFile(text, 'utf8');
      });
    } catch (e) {
      throw diskError(e) ?? new AppException('STORAGE_ERROR', `Cannot write the file: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { events };
  },
} satisfies Partial<HostHandlerTable>;
