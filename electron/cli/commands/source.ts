// `enclave source add|list|remove`: a profile's saved database sources. A source's
// password is read from standard input only, goes to the OS keychain under the profile,
// and is never printed.
import { UsageError } from '../args.js';
import { command } from '../command.js';
import { formatTable, readStdinLines } from '../io.js';
import { call, grantPath, unlock } from '../session.js';

const add = command({
  usage: 'enclave source add --profile NAME SOURCE URL [--password-stdin] [--ca FILE]',
  summary: 'Save a database source: postgresql://user@host:port/db, mysql://user@host:port/db (MariaDB too) or sqlite:FILE',
  details: [
    'The URL holds no password. With --password-stdin, standard input holds the profile\'s password first',
    "(if it has one), then the source's password, each on its own line; the source's goes to the OS keychain.",
    'TLS: ?sslmode=disable|require|verify-full (default: disable on loopback, verify-full elsewhere).',
    "--ca FILE: the CA certificate (PEM) that signed the server's; its content is saved with the source and TLS",
    'verifies the server against it (verify-full unless the URL says sslmode=require: then the chain, not the host name).',
  ].join('\n'),
  async run({ args, flags, io, json, enclave }) {
    const profile = flags.get('profile');
    if (typeof profile !== 'string') throw new UsageError('source add needs --profile NAME');
    const e = await enclave();
    const row = e.profiles.findByName(profile);
    const lines = flags.has('password-stdin') ? await readStdinLines(io) : [];
    const profilePassword = row.hasPassword ? lines.shift() : undefined;
    const sourcePassword = lines.shift();
    await unlock(e, profile, profilePassword);
    const url = args.URL!;
    const sqlite = /^sqlite:(?:\/\/)?(.+)$/i.exec(url.trim());
    const ca = flags.get('ca');
    if (ca !== undefined && typeof ca !== 'string') throw new UsageError('--ca needs a FILE');
    if (ca !== undefined && sqlite) throw new UsageError('--ca is for a PostgreSQL or MySQL source, not a SQLite file');
    const info = await call(e, 'addSource', {
      name: args.SOURCE!,
      ...(sqlite ? { file: grantPath(e, 'read', sqlite[1]!) } : { url }),
      ...(ca !== undefined ? { ca: grantPath(e, 'read', ca) } : {}),
      ...(sourcePassword !== undefined && sourcePassword !== '' ? { password: sourcePassword } : {}),
    });
    io.stdout(json ? `${JSON.stringify(info, null, 2)}\n` : `${info.name}\t${info.url}\n`);
  },
});

const list = command({
  usage: 'enclave source list --profile NAME [--json]',
  summary: "List a profile's saved sources (never their passwords)",
  async run({ io, json, unlockProfile }) {
    const e = await unlockProfile();
    const sources = await call(e, 'listSources');
    if (json) {
      io.stdout(`${JSON.stringify(sources, null, 2)}\n`);
      return;
    }
    io.stdout(formatTable(['NAME', 'KIND', 'URL', 'PASSWORD'], sources.map((s) => [s.name, s.kind, s.url, s.hasPassword ? 'keychain' : '-'])));
  },
});

const remove = command({
  usage: 'enclave source remove --profile NAME SOURCE',
  summary: 'Forget a saved source and its keychain password (tables imported from it stay)',
  async run({ args, unlockProfile }) {
    const e = await unlockProfile();
    await call(e, 'removeSource', { name: args.SOURCE! });
  },
});

export const sourceCommands = [add, list, remove];
