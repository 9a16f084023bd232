// Temporary data directories for tests, and a listing of everything inside one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-test-'));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file and directory under `root`, as sorted '/'-separated relative paths (directories end in '/'). */
export function listTree(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        out.push(`${child}/`);
        walk(child);
      } else {
        out.push(child);
      }
    }
  };
  walk('');
  return out.sort();
}

/** listTree without SQLite's transient -wal/-shm companions of the registry, which come and go with its connection. */
export const listTreeStable = (root: string) => listTree(root).filter((p) => !/^registry\.sqlite-(wal|shm)$/.test(p));

/**
 * For a test file that makes temporary directories as it goes: make() is makeTempDir,
 * and removeAll() (called from the file's after(), once what uses them is closed) removes them all.
 */
export function tempDirs(): { make(): string; removeAll(): void } {
  const made: string[] = [];
  return {
    make() {
      const dir = makeTempDir();
      made.push(dir);
      return dir;
    },
    removeAll() {
      made.splice(0).forEach(removeTempDir);
    },
  };
}
