import type { ProfileSummary } from '../../../shared/profiles.js';
import type { Command } from '../command.js';
import { formatTable } from '../io.js';
import { call } from '../session.js';

const create: Command = {
  path: ['profile', 'create'],
  usage: 'enclave profile create NAME [--password-stdin] [--color COLOR]',
  summary: 'Create a profile; prints its id',
  positionals: ['NAME'],
  flags: { color: 'string' },
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
};

const list: Command = {
  path: ['profile', 'list'],
  usage: 'enclave profile list [--json]',
  summary: 'List profiles',
  positionals: [],
  flags: {},
  async run({ io, json, enclave }) {
    const profiles = await call(await enclave(), 'listProfiles');
    if (json) {
      io.stdout(`${JSON.stringify(profiles, null, 2)}\n`);
      return;
    }
    if (profiles.length === 0) {
      io.stdout('No profiles yet. Create one with: enclave profile create NAME\n');
      return;
    }
    io.stdout(
      formatTable(
        ['NAME', 'ID', 'PASSWORD', 'CREATED', 'LAST OPENED'],
        profiles.map((p) => [p.name, p.id, p.hasPassword ? 'yes' : 'no', p.createdAt, p.lastOpenedAt ?? '-']),
      ),
    );
  },
};

export const profileCommands = [create, list];
