// Backup figures on the generated bench profile (100k tasks, 50k notes, 20k events),
// on a copy of the bench data so the shared data set is never changed: what the
// quick_check would cost at every open (why it runs on backup snapshots instead),
// how long an unlock, an export and a restore take.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArchiveOutcome } from '../shared/backups/backups.js';
import type { Result } from '../shared/errors.js';
import { openEnclave } from '../electron/core/enclave.js';
import { profileDir, SQLITE_FILE } from '../electron/core/paths.js';
import { benchData } from './generate-profile.js';
import { fileSecretStore } from './file-secret-store.js';

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

export async function run(): Promise<void> {
  const data = await benchData();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-backup-bench-'));
  try {
    const dataDir = path.join(work, 'data');
    fs.cpSync(data.dataDir, dataDir, { recursive: true });
    const sqlite = path.join(profileDir(dataDir, data.bench), SQLITE_FILE);
    const db = new Database(sqlite, { readonly: true });
    let t = performance.now();
    db.pragma('quick_check');
    console.log(`quick_check of data.sqlite (${(fs.statSync(sqlite).size / 2 ** 20).toFixed(0)} MiB): ${(performance.now() - t).toFixed(0)} ms (not at open: on each backup's snapshot)`);
    db.close();

    const enclave = await openEnclave({ dataDir, secrets: fileSecretStore(path.join(dataDir, 'secrets.json')) });
    try {
      t = performance.now();
      value(await enclave.handle(1, 'unlockProfile', { profileId: data.bench }));
      console.log(`unlock (opens both databases, header checks): ${(performance.now() - t).toFixed(0)} ms`);
      const archive = path.join(work, 'bench.enclave');
      t = performance.now();
      const outcome = value<ArchiveOutcome>(await enclave.handle(1, 'exportProfile', { file: enclave.grantFile(1, 'write', archive).token }));
      console.log(`export: ${(performance.now() - t).toFixed(0)} ms, archive ${(outcome.bytes / 2 ** 20).toFixed(0)} MiB`);
      t = performance.now();
      value(await enclave.handle(1, 'restoreProfile', { file: enclave.grantFile(1, 'read', archive).token, name: 'Bench restored' }));
      console.log(`restore (verify, unpack, open, compare counts): ${(performance.now() - t).toFixed(0)} ms`);
    } finally {
      await enclave.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
