// Files Enclave writes outside its own folders (exports, archives) and their partial
// copies are created exclusively: a new directory entry under a random name, never an
// existing file and never through a symlink (O_EXCL refuses any existing entry,
// dangling links included; O_NOFOLLOW says so again where the OS has it). The whole
// file is then renamed over the chosen name: rename replaces the directory entry and
// never follows a link there, so a link planted at the final name is replaced, not
// written through.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const EXCLUSIVE = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

/** Opens a new file at exactly `file`, failing (EEXIST) if anything, even a dangling link, is there. */
export function openExclusive(file: string): Promise<fsp.FileHandle> {
  return fsp.open(file, EXCLUSIVE, 0o600);
}

/** A partial file next to `target` under an unguessable name, opened exclusively. */
export async function createPartial(target: string): Promise<{ path: string; handle: fsp.FileHandle }> {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(16).toString('hex')}.partial`);
  return { path: partial, handle: await openExclusive(partial) };
}

/**
 * Writes `target` whole or not at all: `write` fills an exclusively created partial
 * file beside it, which is synced and renamed into place (removed on any failure).
 * Answers the size written.
 */
export async function writeExclusively(target: string, write: (out: fsp.FileHandle) => Promise<void>): Promise<number> {
  const { path: partial, handle } = await createPartial(target);
  try {
    await write(handle);
    await handle.sync();
    const { size } = await handle.stat();
    await handle.close();
    await fsp.rename(partial, target);
    return size;
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fsp.rm(partial, { force: true });
    throw e;
  }
}

/** Copies `source` to `target` through writeExclusively. */
export function copyExclusively(source: string, target: string): Promise<number> {
  return writeExclusively(target, async (out) => {
    const input = await fsp.open(source, 'r');
    try {
      const buf = Buffer.alloc(1024 * 1024);
      for (let position = 0; ; ) {
        const { bytesRead } = await input.read(buf, 0, buf.length, position);
        if (bytesRead === 0) break;
        await out.write(buf, 0, bytesRead);
        position += bytesRead;
      }
    } finally {
      await input.close();
    }
  });
}
