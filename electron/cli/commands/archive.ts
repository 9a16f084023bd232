// `enclave profile export` and `enclave profile restore`: a profile to one archive
// file and back, through the same channels as the app's Backups section.
import path from 'node:path';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { UsageError } from '../args.js';
import { command } from '../command.js';
import { call, grantPath, unlock } from '../session.js';
import { stringFlag } from './listing.js';

const exportProfile = command({
  usage: 'enclave profile export NAME --out FILE [--password-stdin] [--json]',
  summary: 'Write a consistent snapshot of a profile to one archive file',
  details:
    'A profile with a password needs it on standard input (--password-stdin). The archive holds both databases and a ' +
    'manifest with the SHA-256 of each; FILE may not lie inside Enclave\'s data folder.',
  async run({ args, flags, io, json, enclave, password }) {
    const out = stringFlag(flags, 'out');
    if (out === undefined) throw new UsageError('--out FILE is required');
    const e = await enclave();
    await unlock(e, args.NAME, await password());
    const outcome = await call(e, 'exportProfile', { file: grantPath(e, 'write', out) });
    io.stdout(json ? `${JSON.stringify({ path: path.resolve(out), ...outcome }, null, 2)}\n` : `${path.resolve(out)}\t${outcome.bytes}\n`);
  },
});

const restoreProfile = command({
  usage: 'enclave profile restore FILE --name NEW [--password-stdin] [--color COLOR]',
  summary: 'Create a new profile from an archive; prints its id',
  details:
    'The archive is checked completely first (checksums, manifest, entries); a damaged or altered one is refused ' +
    'and nothing is created. With --password-stdin the new profile is protected by the password read from standard input.',
  async run({ args, flags, io, enclave, password }) {
    const name = stringFlag(flags, 'name');
    if (name === undefined) throw new UsageError('--name NEW is required');
    const color = stringFlag(flags, 'color');
    const pw = await password();
    const e = await enclave();
    const restored = await call(e, 'restoreProfile', {
      file: grantPath(e, 'read', args.FILE!),
      name,
      ...(pw !== undefined ? { password: pw } : {}),
      ...(color !== undefined ? { color: color as ProfileSummary['color'] } : {}),
    });
    io.stdout(`${restored.id}\n`);
  },
});

export const archiveCommands = [exportProfile, restoreProfile];
