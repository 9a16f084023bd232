import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { ProfileRowCounts } from '../../../shared/profiles/storage-usage.js';
import { profileDir } from '../../core/paths.js';
import { command } from '../command.js';
import { UsageError } from '../args.js';
import { formatTable, readStdinLines } from '../io.js';
import { call, unlock } from '../session.js';
import { printList } from './listing.js';

const create = command({
  usage: 'enclave profile create NAME [--password-stdin] [--color COLOR]',
  summary: 'Create a profile; prints its id',
  details: 'With --password-stdin the profile is protected by the password read from standard input.',
  async run({ args, flags, io, enclave, password }) {
    const color = flags.get('color');
    const pw = await password();
    const created = await call(await enclave(), 'createProfile', {
      name: args.NAME!,
      ...(pw !== undefined ? { password: pw } : {}),
      ...(typeof color === 'string' ? { color: color as ProfileSummary['color'] } : {}),
    });
    io.stdout(`${created.id}\n`);
  },
});

const list = command({
  usage: 'enclave profile list [--json]',
  summary: 'List profiles',
  async run({ io, json, enclave }) {
    const profiles = await call(await enclave(), 'listProfiles');
    printList(io, json, profiles, 'No profiles yet. Create one with: enclave profile create NAME', ['NAME', 'ID', 'PASSWORD', 'CREATED', 'LAST OPENED'], (p) => [
      p.name,
      p.id,
      p.hasPassword ? 'yes' : 'no',
      p.createdAt,
      p.lastOpenedAt ?? '-',
    ]);
  },
});

const rename = command({
  usage: 'enclave profile rename NAME NEW_NAME [--password-stdin]',
  summary: 'Rename a profile',
  details: 'A profile with a password needs it on standard input (--password-stdin). Names are unique ignoring case.',
  async run({ args, enclave, password }) {
    const e = await enclave();
    await unlock(e, args.NAME, await password());
    await call(e, 'renameProfile', { name: args.NEW_NAME! });
  },
});

const passwd = command({
  usage: 'enclave profile passwd NAME [--password-stdin]',
  summary: "Set, change or remove a profile's password",
  details: [
    'Reads standard input (--password-stdin is required):',
    '  a profile with a password: first line the current password, second line the new one;',
    '  a profile without one: one line, the new password.',
    'An empty (or missing) new-password line removes the password.',
  ].join('\n'),
  async run({ args, flags, io, enclave }) {
    if (!flags.has('password-stdin')) throw new UsageError('profile passwd reads the passwords from standard input: add --password-stdin');
    const e = await enclave();
    const row = e.profiles.findByName(args.NAME!);
    const lines = await readStdinLines(io);
    const current = row.hasPassword ? lines.shift() : undefined;
    const next = lines.shift() ?? '';
    await unlock(e, args.NAME, current);
    await call(e, 'changePassword', {
      ...(current !== undefined ? { currentPassword: current } : {}),
      ...(next !== '' ? { newPassword: next } : {}),
    });
  },
});

const remove = command({
  usage: 'enclave profile delete NAME [--password-stdin] [--yes]',
  summary: 'Delete a profile and all its data',
  details:
    'A profile with a password needs it on standard input (--password-stdin); one without a password needs --yes. ' +
    'Its files and keychain entry are removed; this cannot be undone.',
  async run({ args, flags, enclave, password }) {
    const e = await enclave();
    const row = e.profiles.findByName(args.NAME!);
    const pw = await password();
    if (!row.hasPassword && !flags.has('yes')) {
      throw new UsageError(`profile ${JSON.stringify(row.name)} has no password: confirm deleting it with --yes`);
    }
    await call(e, 'deleteProfile', {
      profileId: row.id,
      ...(pw !== undefined ? { password: pw } : {}),
      ...(row.hasPassword ? {} : { confirmName: row.name }),
    });
  },
});

const usage = command({
  usage: 'enclave profile usage [--json] [--rows [--profile NAME --password-stdin]]',
  summary: 'Disk space each profile uses',
  details: [
    'Sizes include the write-ahead logs; nothing is opened for them.',
    '--rows adds rows per table (tasks, notes and events with those in the Trash; each analysis table).',
    'A profile without a password is counted from its files opened read-only (its last-opened time stays);',
    'one with a password is counted only when named with --profile NAME and its password on standard input',
    '(that unlocks it, like the other data commands). Counts that cannot be read show as "-" (JSON: null),',
    'e.g. while the desktop app has that profile open.',
  ].join('\n'),
  async run({ io, json, flags, dataDir, enclave, unlockProfile }) {
    const e = await enclave();
    const profiles = await call(e, 'listProfiles');
    const usages = await call(e, 'profileUsage');
    const nameOf = new Map(profiles.map((p) => [p.id, p.name]));
    const wanted = flags.get('profile');
    const only = typeof wanted === 'string' && flags.has('rows') ? e.profiles.findByName(wanted).id : null;
    const rows = usages.filter((u) => only === null || u.profileId === only).map((u) => ({ name: nameOf.get(u.profileId) ?? '', ...u }));
    if (!flags.has('rows')) {
      if (json) {
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      io.stdout(
        formatTable(
          ['NAME', 'DATA', 'ANALYTICS', 'LAST OPENED'],
          rows.map((r) => [r.name, formatBytes(r.sqliteBytes), formatBytes(r.duckdbBytes), r.lastOpenedAt ?? '-']),
        ),
      );
      return;
    }
    const hasPassword = new Map(profiles.map((p) => [p.id, p.hasPassword]));
    const counted: (typeof rows[number] & { rows: ProfileRowCounts | null })[] = [];
    for (const r of rows) {
      let counts: ProfileRowCounts | null = null;
      if (only !== null && hasPassword.get(r.profileId)) {
        counts = (await call(await unlockProfile(), 'profileStorage')).rowCounts;
      } else if (!hasPassword.get(r.profileId)) {
        // Loaded only here: reading counts opens both databases' drivers.
        const { readRowCounts } = await import('../../core/storage/row-counts.js');
        counts = await readRowCounts(profileDir(dataDir, r.profileId)).catch(() => null);
      }
      counted.push({ ...r, rows: counts });
    }
    if (json) {
      io.stdout(`${JSON.stringify(counted, null, 2)}\n`);
      return;
    }
    const count = (c: ProfileRowCounts | null, table: string) => {
      const t = c?.sqlite.find((x) => x.table === table);
      return t ? `${t.rows}${t.inTrash ? ` (+${t.inTrash} in Trash)` : ''}` : '-';
    };
    io.stdout(
      formatTable(
        ['NAME', 'DATA', 'ANALYTICS', 'LAST OPENED', 'TASKS', 'NOTES', 'EVENTS', 'TABLES'],
        counted.map((r) => [
          r.name,
          formatBytes(r.sqliteBytes),
          formatBytes(r.duckdbBytes),
          r.lastOpenedAt ?? '-',
          count(r.rows, 'tasks'),
          count(r.rows, 'notes'),
          count(r.rows, 'events'),
          r.rows ? r.rows.duckdb.map((t) => `${t.table}: ${t.rows}`).join(', ') || 'none' : '-',
        ]),
      ),
    );
  },
});

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

export const profileCommands = [create, list, rename, passwd, remove, usage];
