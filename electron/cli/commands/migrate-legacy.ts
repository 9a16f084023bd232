import path from 'node:path';
import { isTimeZone } from '../../../shared/zoned-time.js';
import { UsageError } from '../args.js';
import { command } from '../command.js';
import { formatTable } from '../io.js';
import { stringFlag } from './listing.js';

export const migrateLegacyCommand = command({
  usage: 'enclave migrate-legacy FILE [--skip-ownerless] [--time-zone ZONE] [--json]',
  summary: 'Split a legacy shared database into one new profile per user',
  details: [
    'FILE is an SQLite database (opened read-only) whose tasks, notes and events tables have a user_id column;',
    'an optional users(id, name) table names the profiles (else "user <id>"; a taken name gets " (2)", " (3)"…).',
    'Every row is checked before anything is created; rows without a user_id refuse the whole file',
    '(LEGACY_OWNERLESS_ROWS) unless --skip-ownerless. Events without a time_zone column are taken to be in',
    '--time-zone (default: this computer\'s zone). If any step fails, every profile it made is removed again.',
    'The new profiles have no password: set one with `enclave profile passwd NAME --password-stdin`.',
  ].join('\n'),
  async run({ args, flags, io, json, dataDir, enclave }) {
    const timeZone = stringFlag(flags, 'time-zone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!isTimeZone(timeZone)) throw new UsageError(`--time-zone: not a known IANA time zone: ${timeZone}`);
    // Loaded here, not at the top: the other commands (and --help) start without SQLite.
    const [{ checkImportSource }, { LEGACY_TABLES, readLegacy }, { migrateLegacy }] = await Promise.all([
      import('../../core/analytics/import-source.js'),
      import('../legacy/legacy-source.js'),
      import('../legacy/migrate-legacy.js'),
    ]);
    // Like imports: never a file inside Enclave's own data folder (another profile's database).
    const file = checkImportSource(dataDir, path.resolve(args.FILE!));
    const data = readLegacy(file, { skipOwnerless: flags.has('skip-ownerless'), timeZone });
    const e = await enclave();
    const report = await migrateLegacy(e.profiles, dataDir, data);
    if (json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    if (report.users.length === 0) {
      io.stdout('No rows with an owner: no profile was created.\n');
    } else {
      io.stdout(
        formatTable(
          ['USER ID', 'PROFILE', 'TASKS', 'NOTES', 'EVENTS'],
          report.users.map((u) => [u.userId, u.profile, String(u.tasks), String(u.notes), String(u.events)]),
        ),
      );
    }
    const skipped = LEGACY_TABLES.filter((t) => report.skippedOwnerless[t] > 0).map((t) => `${t} ${report.skippedOwnerless[t]}`);
    if (skipped.length > 0) io.stdout(`Skipped rows without a user_id: ${skipped.join(', ')}\n`);
    if (report.users.length > 0) {
      io.stdout('The new profiles have no password; set one with: enclave profile passwd NAME --password-stdin\n');
    }
  },
});
