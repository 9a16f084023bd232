// Small file systems for the disk-full and read-only tests: a size-limited tmpfs,
// remounted read-only when asked. Mounting needs root (or CAP_SYS_ADMIN); where it
// is not permitted, mountTmpfs says why, so the test can skip with that reason.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const run = (...args: string[]) => execFileSync('mount', args, { stdio: ['ignore', 'ignore', 'pipe'] });
const reason = (e: unknown) => (e instanceof Error ? ((e as { stderr?: Buffer }).stderr?.toString().trim() || e.message) : String(e));

export interface TmpfsMount {
  dir: string;
  readOnly(): void;
  writable(): void;
  /** Unmounts (lazily, should something still hold a file open) and removes the mount point. */
  remove(): void;
}

/** A tmpfs of `bytes` at a new directory `dir`, or a string saying why it could not be mounted. */
export function mountTmpfs(dir: string, bytes: number): TmpfsMount | string {
  fs.mkdirSync(dir, { recursive: true });
  try {
    run('-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${reason(e)}); run as root on Linux to include this test`;
  }
  return {
    dir,
    readOnly: () => run('-o', 'remount,ro', dir),
    writable: () => run('-o', 'remount,rw', dir),
    remove() {
      try {
        execFileSync('umount', ['-l', dir]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Makes `dir` read-only through a read-only bind mount of itself (root ignores file modes); returns the undo. */
export function bindReadOnly(dir: string): () => void {
  run('--bind', dir, dir);
  run('-o', 'remount,ro,bind', dir);
  return () => execFileSync('umount', [dir]);
}

/** Writes zeros into `file` until the file system has no page left; returns the bytes written. */
export function fillDisk(file: string): number {
  const fd = fs.openSync(file, 'w');
  let written = 0;
  try {
    for (const size of [1 << 20, 64 << 10, 4 << 10, 1]) {
      const chunk = Buffer.alloc(size);
      try {
        for (;;) written += fs.writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return written;
}
