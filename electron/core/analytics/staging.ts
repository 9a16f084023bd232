// How an import reads a file outside the sandbox.
//
// DuckDB runs with enable_external_access=false and may only touch the profile's
// `.staging/` directory, so user SQL can never reach another file. To import a file
// the person chose, we copy it into `.staging/` under a random name: a copy-on-write
// clone where the file system has them (APFS, btrfs, XFS: O(1)), else a plain copy.
//
// Never a hard link: a link is the person's file itself, so anything that could write
// the staged name (a `COPY … TO` from user SQL while the import ran, issue 12) rewrote
// the original. A copy costs time on file systems without clones and is the price of
// that guarantee: on ext4, a 563 MB, 5M-row CSV (bench/analytics-bench.ts) copies in
// about 0.45 s (one core, in the kernel), against about 7 s for the bare CREATE TABLE …
// AS read_csv on two threads; freeing the copy afterwards is kept off that path
// (release). The copy is 0600 in a 0700 directory, and user SQL cannot name it: the
// statement policy refuses glob() and every file-reading function.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { STAGING_DIR } from './sandbox.js';

export interface StagedFile {
  /** The name DuckDB reads. */
  path: string;
  /** Always a copy (or a copy-on-write clone, which is one to every reader and writer). */
  how: 'copy';
  /**
   * Removes the copy's name at once; its space comes back in the background. The
   * staging copy holds a descriptor open from the start, so the unlink only drops the
   * name (0.1 ms) and the kernel frees the blocks when that descriptor closes, on a
   * pool thread after the answer has gone out: freeing 563 MB takes 0.2–0.4 s of
   * kernel time that nobody needs to wait for. A host that dies first frees them too.
   */
  release(): void;
}

/** Leftovers of a crash; nothing in staging outlives the import or export that made it. */
export function clearStaging(profileDir: string): void {
  const dir = path.join(profileDir, STAGING_DIR);
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) fs.rmSync(path.join(dir, name), { force: true, recursive: true });
}

/** A fresh name in staging, keeping the file's extensions (DuckDB detects .gz/.zst by them). */
export function stagingPath(profileDir: string, originalName: string): string {
  const base = path.basename(originalName).replace(/[^A-Za-z0-9._-]+/g, '_').slice(-80);
  return path.join(profileDir, STAGING_DIR, `${randomUUID()}-${base}`);
}

/** How much of a text file a reader needs: its first `lines` whole lines, if they fit in `bytes`. */
export interface LeadingLines {
  bytes: number;
  lines: number;
}

/**
 * The file's first `want.lines` lines, up to and with the newline ending the last, read a
 * block at a time. Null when they are not within its first `want.bytes` (long lines, or a
 * short file): the file is staged whole.
 */
function leadingLines(source: string, want: LeadingLines): Buffer | null {
  const fd = fs.openSync(source, 'r');
  try {
    const head = Buffer.allocUnsafe(Math.min(want.bytes, fs.fstatSync(fd).size));
    let lines = 0;
    for (let read = 0; read < head.length; ) {
      const n = fs.readSync(fd, head, read, Math.min(LEADING_BLOCK, head.length - read), read);
      if (n === 0) return null;
      for (let i = head.indexOf(10, read); i !== -1 && i < read + n; i = head.indexOf(10, i + 1)) {
        if (++lines === want.lines) return head.subarray(0, i + 1);
      }
      read += n;
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

const LEADING_BLOCK = 1 << 20;

/**
 * Copies `source` into staging, or only its leading lines when `leading` says a reader
 * needs no more (a preview: the sniffer and the first rows). The copy is exclusive and
 * private; see the top of this file.
 */
export function stageFile(profileDir: string, source: string, leading?: LeadingLines): StagedFile {
  const dest = stagingPath(profileDir, source);
  fs.chmodSync(path.dirname(dest), 0o700);
  let held: number | null = null;
  try {
    const head = leading ? leadingLines(source, leading) : null;
    // COPYFILE_EXCL and 'wx': the random name never replaces anything, not even a planted link.
    if (head) fs.writeFileSync(dest, head, { flag: 'wx', mode: 0o600 });
    else fs.copyFileSync(source, dest, fs.constants.COPYFILE_FICLONE | fs.constants.COPYFILE_EXCL);
    fs.chmodSync(dest, 0o600);
    held = fs.openSync(dest, 'r');
  } catch (copyError) {
    // A copy cut short (the disk filled up) must not stay behind in staging.
    if ((copyError as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(dest, { force: true });
    throw copyError;
  }
  const release = () => {
    fs.rmSync(dest, { force: true });
    if (held === null) return;
    fs.close(held, () => undefined);
    held = null;
  };
  return { path: dest, how: 'copy', release };
}

