// The absolute path of the data folder never reaches the renderer: not in any channel's
// answer, not in any error message, also when the folder is reached through a link
// (so its real path differs from the one the app was given).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { CHANNEL_NAMES } from '../../../shared/contract.js';
import type { FileDialogs } from '../dialogs.js';
import type { Enclave } from '../enclave.js';
import { profileDir } from '../paths.js';
import { channelSamples, FOREIGN_ITEMS } from '../testing/channel-samples.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { expectOk } from '../testing/results.js';

const fixture = enclaveFixture('data-dir-leak');
const W = 1;
const PASSWORD = 'correct horse battery';
let enclave: Enclave;
let dataDir: string;
let realDir: string;
let home: string;
let other: ProfileSummary;
const queue: string[] = [];
const dialogs: FileDialogs = {
  chooseImportFile: async () => queue.shift() ?? null,
  chooseExportPath: async () => queue.shift() ?? null,
  chooseCalendarFile: async () => queue.shift() ?? null,
  chooseCalendarExportPath: async () => queue.shift() ?? null,
  chooseArchivePath: async () => queue.shift() ?? null,
  chooseArchiveFile: async () => queue.shift() ?? null,
};

/** Every answer is checked for both spellings of the data folder. */
async function call(channel: string, input?: unknown) {
  const result = await enclave.handle(W, channel, input);
  const text = JSON.stringify(result);
  for (const dir of [dataDir, realDir]) assert.ok(!text.includes(dir), `${channel} answered the data folder ${dir}: ${text.slice(0, 300)}`);
  return result;
}

before(async () => {
  const base = fixture.tempDir();
  realDir = path.join(fs.realpathSync(base), 'real-data');
  fs.mkdirSync(realDir);
  dataDir = path.join(base, 'linked-data');
  fs.symlinkSync(realDir, dataDir);
  home = fixture.tempDir();
  enclave = await fixture.open({ dataDir, secrets: fixture.keychain.store, dialogs, backups: { intervalMs: 24 * 3600_000, keep: 3 } });
  other = expectOk<ProfileSummary>(await call('createProfile', { name: 'Other', password: PASSWORD }));
  const mine = expectOk<ProfileSummary>(await call('createProfile', { name: 'Mine' }));
  expectOk(await call('unlockProfile', { profileId: mine.id }));
});

test('the answers of a working session name no data folder', async () => {
  const csv = path.join(home, 'sales.csv');
  fs.writeFileSync(csv, 'id,amount\n1,10\n');
  queue.push(csv);
  const { token } = expectOk<{ token: string }>(await call('chooseImportFile'));
  expectOk(await call('previewImport', { file: token }));
  expectOk(await call('startImport', { file: token, table: 'sales' }));
  queue.push(path.join(home, 'out.csv'));
  const out = expectOk<{ token: string }>(await call('chooseExportPath', { format: 'csv', suggestedName: 'out.csv' }));
  expectOk(await call('exportData', { source: { table: 'sales' }, format: 'csv', file: out.token }));
  for (const channel of ['listProfiles', 'profileUsage', 'currentSession', 'profileOverview', 'profileStorage', 'listTables', 'listQueryHistory', 'auditLog', 'backupNow', 'listBackups']) {
    const input = ['listQueryHistory', 'auditLog'].includes(channel) ? {} : undefined;
    expectOk(await call(channel, input), channel);
  }
  expectOk(await call('inspectDamagedProfile', { profileId: other.id, password: PASSWORD }));
});

test('errors name no data folder: files inside it, crafted inputs, every channel sample', async () => {
  const inside = path.join(profileDir(dataDir, other.id), 'data.sqlite');
  queue.push(inside);
  await call('chooseImportFile');
  queue.push(path.join(realDir, 'x.csv'));
  await call('chooseExportPath', { format: 'csv', suggestedName: 'x.csv' });
  queue.push(path.join(dataDir, 'missing-folder', 'x.enclave'));
  await call('chooseArchivePath', { suggestedName: 'x.enclave' });
  await call('runQuery', { sql: `SELECT * FROM read_csv('${inside}')` });
  await call('runQuery', { sql: 'SELECT * FROM no_such_table' });
  const ctx = {
    otherProfileId: other.id,
    otherItems: FOREIGN_ITEMS,
    otherText: 'nothing',
    otherTable: 'nothing',
    otherFile: inside,
    freshName: 'Fresh',
  };
  for (const name of CHANNEL_NAMES) {
    // lockSession and deleteProfile would end the session (or the other profile) the
    // rest need; the query history now echoes SQL this test typed with the path in it.
    if (name === 'lockSession' || name === 'deleteProfile' || name === 'listQueryHistory') continue;
    await call(name, channelSamples[name](ctx));
  }
});
