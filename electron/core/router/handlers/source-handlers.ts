// Main's steps for the database-source channels: passwords go to and come from the OS
// keychain under the window's profile (never to the host's files, never to a window),
// a SQLite source arrives as a read token whose path is checked here, and what is
// listed to a window names a SQLite file by its base name only.
import fs from 'node:fs';
import path from 'node:path';
import { AppException } from '../../../../shared/errors.js';
import { formatNetworkUrl, isPemCertificate, parseSourceUrl, SOURCE_CA_MAX_BYTES, type SourceInfo } from '../../../../shared/sources/sources.js';
import { checkImportSource } from '../../analytics/import-source.js';
import type { DataContext, Handlers } from '../handler-types.js';

/** A source as a window may see it: a SQLite file by its name, never its folder. */
function forWindow(s: SourceInfo): SourceInfo {
  if (s.kind !== 'sqlite') return s;
  const parsed = parseSourceUrl(s.url);
  return { ...s, url: `sqlite:${parsed.ok && parsed.kind === 'sqlite' ? path.basename(parsed.path) : ''}` };
}

/** The chosen CA file's certificates as PEM text (kept with the source; the path is not). */
function readCaCertificate(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppException('NOT_FOUND', 'The CA certificate file cannot be read', { field: 'ca' });
  }
  if (size > SOURCE_CA_MAX_BYTES) throw new AppException('INVALID_INPUT', `A CA certificate file is at most ${SOURCE_CA_MAX_BYTES / 1024} KiB`, { field: 'ca' });
  const text = fs.readFileSync(file, 'utf8');
  if (!isPemCertificate(text)) throw new AppException('INVALID_INPUT', 'The CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----)', { field: 'ca' });
  return text;
}

const rowsText = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

async function password(ctx: DataContext, source: string): Promise<string | null> {
  return ctx.profiles.sourcePassword(ctx.profile.id, source);
}

export const sourceHandlers = {
  listSources: async (ctx) => (await ctx.profile.worker.call('listSources', undefined)).map(forWindow),

  addSource: async (ctx, { name, url, file, password: secret, tls, ca: caToken }) => {
    const save = async (kind: SourceInfo['kind'], savedUrl: string, tlsMode: SourceInfo['tls'], ca: string | null = null) => {
      const hasPassword = secret !== undefined && secret !== '';
      const saved = await ctx.profile.worker.call('addSource', { name, kind, url: savedUrl, tls: tlsMode, hasPassword, ca });
      try {
        if (hasPassword) await ctx.profiles.setSourcePassword(ctx.profile.id, name, secret);
        else await ctx.profiles.removeSourcePassword(ctx.profile.id, name);
      } catch (e) {
        // No source without the password it was given: the row goes again.
        await ctx.profile.worker.call('removeSource', { name }).catch(() => undefined);
        throw e;
      }
      return forWindow(saved);
    };
    if (file !== undefined) {
      if (caToken !== undefined) throw new AppException('INVALID_INPUT', 'A SQLite file takes no CA certificate', { field: 'ca' });
      return ctx.files.use(ctx.windowId, 'read', file, (p) => save('sqlite', `sqlite:${checkImportSource(ctx.dataDir, p)}`, null));
    }
    const parsed = parseSourceUrl(url ?? '');
    if (!parsed.ok) throw new AppException('INVALID_INPUT', parsed.message, { field: 'url' });
    // A path never comes from a window: a SQLite file is chosen (a token), not typed.
    if (parsed.kind === 'sqlite') throw new AppException('INVALID_INPUT', 'A SQLite source is a file you choose, not a URL', { field: 'url' });
    const ca = caToken === undefined ? null : await ctx.files.use(ctx.windowId, 'read', caToken, (p) => Promise.resolve(readCaCertificate(p)));
    // A CA given means TLS checked against it: a loopback URL's default (off) becomes verified.
    const explicit = tls ?? (/[?&]sslmode=/i.test(url ?? '') ? parsed.tls : undefined);
    if (ca !== null && explicit === 'disable') throw new AppException('INVALID_INPUT', 'A CA certificate needs TLS: choose require or verify-full', { field: 'tls' });
    const address = { ...parsed, tls: explicit ?? (ca !== null ? 'verify-full' : parsed.tls) };
    return save(parsed.kind, formatNetworkUrl(address), address.tls, ca);
  },

  removeSource: async (ctx, { name }) => {
    await ctx.profile.worker.call('removeSource', { name });
    await ctx.profiles.removeSourcePassword(ctx.profile.id, name);
    return null;
  },

  browseSource: async (ctx, input) => ctx.profile.worker.call('browseSource', { ...input, password: await password(ctx, input.source) }),
  previewSource: async (ctx, input) => ctx.profile.worker.call('previewSource', { ...input, password: await password(ctx, input.source) }),

  importFromSource: async (ctx, input) => {
    const outcome = await ctx.profile.worker.call('importFromSource', { ...input, password: await password(ctx, input.source) });
    ctx.profiles.recordActivity(ctx.profile.id, 'table imported', `"${outcome.table}" from source "${input.source}": ${rowsText(outcome.rows)}`);
    return outcome;
  },

  refreshTable: async (ctx, input) => {
    const sourced = (await ctx.profile.worker.call('listSourcedTables', undefined)).find((t) => t.table.toLowerCase() === input.table.toLowerCase());
    if (!sourced) throw new AppException('NOT_FOUND', 'That table was not imported from a source (or was renamed since)', { field: 'table' });
    const outcome = await ctx.profile.worker.call('refreshTable', { ...input, password: await password(ctx, sourced.source) });
    ctx.profiles.recordActivity(ctx.profile.id, 'table imported', `"${outcome.table}" refreshed from source "${sourced.source}": ${rowsText(outcome.rows)}`);
    return outcome;
  },
} satisfies Partial<Handlers>;
