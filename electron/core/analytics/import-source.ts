// Main-thread checks on the paths a person picks for import and export. Such a path
// may be anywhere except inside the app's user-data directory: that is where every
// profile's files live, and reading one there is how one profile would read another's.
import fs from 'node:fs';
import path from 'node:path';
import { AppException } from '../../../shared/errors.js';
import { BACKUPS_DIR } from '../backup/backup-files.js';
import { profilesRoot } from '../paths.js';

const caseInsensitive = process.platform === 'darwin' || process.platform === 'win32';
const norm = (p: string) => (caseInsensitive ? p.toLowerCase() : p);

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(norm(parent), norm(child));
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function realDataDir(dataDir: string): string {
  try {
    return fs.realpathSync(dataDir);
  } catch {
    return path.resolve(dataDir);
  }
}

/** dev:inode of every file the app keeps (registry, each profile's files and backups). */
function appFileIds(dataDir: string): Set<string> {
  const ids = new Set<string>();
  const add = (p: string) => {
    try {
      const st = fs.statSync(p);
      if (st.isFile()) ids.add(`${st.dev}:${st.ino}`);
    } catch {
      // gone meanwhile
    }
  };
  const list = (dir: string) => {
    try {
      return fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  for (const e of list(dataDir)) if (e.isFile()) add(path.join(dataDir, e.name));
  const root = profilesRoot(dataDir);
  for (const p of list(root)) {
    if (!p.isDirectory()) continue;
    for (const dir of [path.join(root, p.name), path.join(root, p.name, BACKUPS_DIR)]) {
      for (const f of list(dir)) if (f.isFile()) add(path.join(dir, f.name));
    }
  }
  return ids;
}

const refused = (what: string) =>
  new AppException('PERMISSION_DENIED', `Enclave does not ${what} files inside its own data folder`, { field: 'path' });

/**
 * The real path of a file chosen for import. Refused when it (after resolving every
 * symlink) lies inside the user-data directory, or is a hard link to a file there.
 */
export function checkImportSource(dataDir: string, file: string): string {
  let real: string;
  try {
    real = fs.realpathSync(path.resolve(file));
  } catch {
    throw new AppException('NOT_FOUND', `No such file: ${path.basename(file)}`, { field: 'path' });
  }
  if (isInside(real, realDataDir(dataDir))) throw refused('import');
  const st = fs.statSync(real);
  if (!st.isFile()) throw new AppException('INVALID_INPUT', `${path.basename(file)} is not a file`, { field: 'path' });
  if (st.nlink > 1 && appFileIds(dataDir).has(`${st.dev}:${st.ino}`)) throw refused('import');
  return real;
}

/**
 * The path an export is written to: its folder resolved (it must exist), its own name
 * kept, never inside the user-data directory. A link already at that name is not
 * followed: the export replaces the link itself (see files/exclusive-file.ts).
 */
export function checkExportTarget(dataDir: string, file: string): string {
  const abs = path.resolve(file);
  // Longer names fail only when the file is written (ENAMETOOLONG, answered INTERNAL); found by
  // the fuzz suite's valid half. 255 bytes is the limit of ext4, APFS and NTFS alike.
  if (Buffer.byteLength(path.basename(abs)) > 255) {
    throw new AppException('INVALID_INPUT', 'The file name is longer than 255 bytes', { field: 'path' });
  }
  let parent: string;
  try {
    parent = fs.realpathSync(path.dirname(abs));
  } catch {
    throw new AppException('NOT_FOUND', `No such folder: ${path.basename(path.dirname(abs))}`, { field: 'path' });
  }
  const target = path.join(parent, path.basename(abs));
  const data = realDataDir(dataDir);
  if (isInside(target, data)) throw refused('export to');
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  // A link into the app's data is refused too, though it would only be replaced: it
  // says the name was chosen to aim at a profile's files.
  if (existing?.isSymbolicLink() && isInside(realOrSelf(target), data)) throw refused('export to');
  if (existing?.isDirectory()) {
    throw new AppException('INVALID_INPUT', `${path.basename(abs)} is a folder`, { field: 'path' });
  }
  return target;
}
