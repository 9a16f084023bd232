// Minting a file token: the path is checked for its purpose first (never inside the
// app's data; a file to read must be one, a file to write needs an existing folder),
// then granted to one window. The only way in from a path: main's dialogs and
// dropped-file IPC, the CLI and the test harnesses, never the router.
import fs from 'node:fs';
import path from 'node:path';
import { AppException } from '../../../shared/errors.js';
import type { FileGrant, FilePurpose } from '../../../shared/files/file-grants.js';
import { checkExportTarget, checkImportSource } from '../analytics/import-source.js';
import type { FileGrants } from './file-grants.js';

export function grantFile(grants: FileGrants, dataDir: string, windowId: number, purpose: FilePurpose, file: string): FileGrant {
  // Relative paths, file:// URLs and the like are not what a dialog or webUtils answer.
  if (typeof file !== 'string' || !path.isAbsolute(file) || file.length > 4096 || file.includes('\0')) {
    throw new AppException('INVALID_INPUT', 'Not an absolute file path', { field: 'file' });
  }
  if (purpose === 'read') {
    const real = checkImportSource(dataDir, file);
    return { ...grants.mint(windowId, 'read', real, fs.statSync(real).size), name: path.basename(file) };
  }
  return grants.mint(windowId, 'write', checkExportTarget(dataDir, file));
}
