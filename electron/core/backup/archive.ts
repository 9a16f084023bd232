// A profile archive: one ustar file holding manifest.json, then the profile's
// data.sqlite and analytics.duckdb snapshots. The manifest names every file with
// its size and SHA-256; a reader accepts an archive only when every byte checks
// out, nothing is missing, extra or repeated, and the format is one it knows.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { z } from 'zod';
import { PROFILE_FILES, type ArchiveCounts, type ProfileFile } from '../../../shared/backups/backups.js';
import { AppException } from '../../../shared/errors.js';
import { writeExclusively } from '../files/exclusive-file.js';
import { BLOCK, endOfArchive, fileHeader, padding, readEntry, TarFormatError } from './tar.js';

export const ARCHIVE_FORMAT = 'enclave-profile-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_MAX_BYTES = 1024 * 1024;

const counts = z.record(z.string().max(200), z.number().int().nonnegative());
const manifestSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  appVersion: z.string().max(100),
  createdAt: z.iso.datetime(),
  profileName: z.string().max(1000),
  schema: z.strictObject({ sqlite: z.number().int().nonnegative(), duckdb: z.number().int().nonnegative() }),
  counts: z.strictObject({ sqlite: counts, duckdb: counts }),
  files: z
    .array(
      z.strictObject({
        name: z.enum(PROFILE_FILES),
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .length(PROFILE_FILES.length),
});

export type ArchiveManifest = z.infer<typeof manifestSchema>;
export type ManifestInfo = Omit<ArchiveManifest, 'format' | 'formatVersion' | 'files'>;

export const invalid = (why: string) => new AppException('ARCHIVE_INVALID', `This is not a usable Enclave archive: ${why}. Nothing was created.`);

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Writes the archive next to `target` and renames it into place, so the target
 * appears whole or not at all. Answers its size. `files` are the snapshot files by archive name.
 */
export async function writeArchive(target: string, info: ManifestInfo, files: Record<ProfileFile, string>): Promise<number> {
  const entries = await Promise.all(
    PROFILE_FILES.map(async (name) => ({ name, path: files[name], size: (await fs.stat(files[name])).size, sha256: await sha256Of(files[name]) })),
  );
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    ...info,
    files: entries.map(({ name, size, sha256 }) => ({ name, size, sha256 })),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const mtime = new Date(info.createdAt);
  // Created exclusively under a random name and renamed into place (see exclusive-file.ts):
  // a link planted at the partial or the final name cannot redirect the write.
  return writeExclusively(target, async (out) => {
    let position = 0;
    const write = async (buf: Buffer) => {
      await out.write(buf, 0, buf.length, position);
      position += buf.length;
    };
    await write(fileHeader(MANIFEST_NAME, manifestBytes.length, mtime));
    await write(Buffer.concat([manifestBytes, Buffer.alloc(padding(manifestBytes.length))]));
    for (const entry of entries) {
      await write(fileHeader(entry.name, entry.size, mtime));
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(entry.path)) {
        hash.update(chunk as Buffer);
        await write(chunk as Buffer);
      }
      // The snapshot must not have changed between hashing and copying.
      if (hash.digest('hex') !== entry.sha256) throw new AppException('STORAGE_ERROR', `${entry.name} changed while it was archived`);
      await write(Buffer.alloc(padding(entry.size)));
    }
    await write(endOfArchive());
  });
}

/**
 * Checks an archive completely and, with `into`, writes its files there (as they are
 * hashed, so what is written is exactly what was checked). Throws ARCHIVE_INVALID
 * saying what is wrong; on a failure the caller removes `into`.
 */
/** Opens an archive to read; NOT_FOUND (naming the file, never its folder) when it cannot be. */
export async function openArchiveFile(file: string): Promise<fs.FileHandle> {
  try {
    return await fs.open(file, 'r');
  } catch {
    throw new AppException('NOT_FOUND', `No such file: ${path.basename(file)}`, { field: 'path' });
  }
}

export async function readArchive(file: string, into?: string): Promise<ArchiveManifest> {
  const handle = await openArchiveFile(file);
  try {
    return await readOpen(handle, into);
  } catch (e) {
    if (e instanceof TarFormatError) throw invalid(e.message);
    throw e;
  } finally {
    await handle.close();
  }
}

async function readOpen(handle: fs.FileHandle, into: string | undefined): Promise<ArchiveManifest> {
  const { size: fileSize } = await handle.stat();
  const first = await readEntry(handle, 0, fileSize).catch(() => null);
  if (!first || first.name !== MANIFEST_NAME) throw invalid('it is not an Enclave archive');
  if (first.size > MANIFEST_MAX_BYTES) throw invalid('its manifest is too large');
  const raw = Buffer.alloc(first.size);
  await handle.read(raw, 0, first.size, first.offset);
  const manifest = parseManifest(raw);
  const expected = new Map(manifest.files.map((f) => [f.name as string, f]));
  if (expected.size !== manifest.files.length) throw invalid('its manifest names a file twice');
  const seen = new Set<string>();
  let offset = first.offset + first.size + padding(first.size);
  for (;;) {
    const entry = await readEntry(handle, offset, fileSize);
    if (!entry) break;
    const spec = expected.get(entry.name);
    if (!spec) throw invalid(`it holds an unexpected entry ${JSON.stringify(entry.name)}`);
    if (seen.has(entry.name)) throw invalid(`it holds ${entry.name} twice`);
    seen.add(entry.name);
    if (entry.size !== spec.size) throw invalid(`size mismatch for ${entry.name}`);
    const hash = await copyRange(handle, entry.offset, entry.size, into && path.join(into, entry.name));
    if (hash !== spec.sha256) throw invalid(`checksum mismatch for ${entry.name}`);
    offset = entry.offset + entry.size + padding(entry.size);
  }
  // Past the end marker only zero padding may follow (tar pads to whole records).
  const rest = Buffer.alloc(Math.min(fileSize - offset, 64 * 1024));
  if (fileSize - offset > 64 * 1024 || fileSize - offset < BLOCK * 2) throw invalid('it has data after its end');
  await handle.read(rest, 0, rest.length, offset);
  if (!rest.every((b) => b === 0)) throw invalid('it has data after its end');
  for (const name of expected.keys()) if (!seen.has(name)) throw invalid(`${name} is missing`);
  return manifest;
}

export function parseManifest(raw: Buffer): ArchiveManifest {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalid('its manifest is not valid JSON');
  }
  const head = json as { format?: unknown; formatVersion?: unknown };
  if (typeof json !== 'object' || json === null || head.format !== ARCHIVE_FORMAT) throw invalid('it is not an Enclave archive');
  if (typeof head.formatVersion === 'number' && head.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw invalid(`it comes from a newer version of Enclave (archive format ${head.formatVersion}); update Enclave to restore it`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`its manifest is malformed (${issue ? `${issue.path.join('.') || 'manifest'}: ${issue.message}` : 'invalid'})`);
  }
  return parsed.data;
}

/** Hashes `size` bytes at `offset`, also writing them to `dest` when given. */
async function copyRange(handle: fs.FileHandle, offset: number, size: number, dest: string | undefined): Promise<string> {
  const hash = createHash('sha256');
  const source = handle.createReadStream({ start: offset, end: offset + size - 1, autoClose: false });
  if (size === 0) {
    source.destroy();
    if (dest) await fs.writeFile(dest, '', { mode: 0o600 });
    return hash.digest('hex');
  }
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  if (dest) await pipeline(source, tee, createWriteStream(dest, { mode: 0o600, flags: 'wx' }));
  else await pipeline(source, tee, async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) void chunk;
  });
  return hash.digest('hex');
}

export type { ArchiveCounts };
