// A compromised renderer calls the router directly with whatever it likes: it must not
// read a file the person did not choose in that window (an /etc/passwd stand-in) nor
// write one (a ~/.bashrc stand-in). Files reach a channel only as tokens main minted
// for that window and purpose, once, before they expire. Real core, real databases.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { ImportOutcome, ImportPreview, TableInfo } from '../../../shared/analysis/analytics.js';
import type { ChannelName } from '../../../shared/contract.js';
import type { FileGrant } from '../../../shared/files/file-grants.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { FileDialogs } from '../dialogs.js';
import type { Enclave } from '../enclave.js';
import { profileDir, SQLITE_FILE } from '../paths.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { ManualClock } from '../testing/manual-clock.js';
import { expectError, expectOk } from '../testing/results.js';

const fixture = enclaveFixture('file-grants');
const W = 1; // the window the person chose files in
const OTHER = 2; // another window, bound to the same profile
const PASSWORD = 'correct horse battery';

/** The OS dialogs: each one answers the next queued path. */
function scripted(): FileDialogs & { next: string[] } {
  const next: string[] = [];
  const answer = async () => next.shift() ?? null;
  return {
    next,
    chooseImportFile: answer,
    chooseExportPath: answer,
    chooseCalendarFile: answer,
    chooseCalendarExportPath: answer,
    chooseArchivePath: answer,
    chooseArchiveFile: answer,
  };
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let enclave: Enclave;
let dialogs: ReturnType<typeof scripted>;
let clock: ManualClock;
let dataDir: string;
let home: string; // the person's files
let secret: string; // /etc/passwd stand-in
let bashrc: string; // ~/.bashrc stand-in
let csv: string;
let otherProfileDb: string;

const call = (channel: ChannelName, input?: unknown, windowId = W) => enclave.handle(windowId, channel, input);
const tables = async () => expectOk<TableInfo[]>(await call('listTables')).map((t) => t.name).sort();
const choose = async (channel: 'chooseImportFile' | 'chooseExportPath' | 'chooseArchivePath' | 'chooseArchiveFile', file: string, windowId = W) => {
  dialogs.next.push(file);
  const input = channel === 'chooseExportPath' ? { format: 'csv', suggestedName: 'x.csv' } : channel === 'chooseArchivePath' ? { suggestedName: 'x.enclave' } : undefined;
  const grant = expectOk<FileGrant | null>(await call(channel, input, windowId), channel);
  assert.ok(grant);
  return grant;
};

before(async () => {
  dataDir = fixture.tempDir();
  home = fixture.tempDir();
  secret = path.join(home, 'passwd');
  fs.writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  bashrc = path.join(home, '.bashrc');
  fs.writeFileSync(bashrc, 'export PATH=/usr/bin\n');
  csv = path.join(home, 'sales.csv');
  fs.writeFileSync(csv, 'id,amount\n1,10\n2,20\n');
  dialogs = scripted();
  clock = new ManualClock(new Date().toISOString());
  enclave = await fixture.open({ dataDir, secrets: fixture.keychain.store, clock, dialogs });
  const mine = expectOk<ProfileSummary>(await call('createProfile', { name: 'Mine', password: PASSWORD }));
  const other = expectOk<ProfileSummary>(await call('createProfile', { name: 'Other', password: PASSWORD }));
  otherProfileDb = path.join(profileDir(dataDir, other.id), SQLITE_FILE);
  expectOk(await call('unlockProfile', { profileId: mine.id, password: PASSWORD }, W));
  expectOk(await call('unlockProfile', { profileId: mine.id, password: PASSWORD }, OTHER));
});

describe('a dialog answers a token and a name, never a path', () => {
  test('open and save dialogs', async () => {
    const read = await choose('chooseImportFile', csv);
    assert.deepEqual(Object.keys(read).sort(), ['name', 'size', 'token']);
    assert.equal(read.name, 'sales.csv');
    assert.equal(read.size, fs.statSync(csv).size);
    const write = await choose('chooseExportPath', path.join(home, 'out.csv'));
    assert.deepEqual(Object.keys(write).sort(), ['name', 'token']);
    for (const grant of [read, write, await choose('chooseArchiveFile', csv), await choose('chooseArchivePath', path.join(home, 'a.enclave'))]) {
      assert.match(grant.token, /^ft_[A-Za-z0-9_-]{43}$/);
      assert.ok(!JSON.stringify(grant).includes(home), 'no folder of the chosen file');
    }
  });

  test('a dialog answering a file inside the data folder gives no token', async () => {
    dialogs.next.push(otherProfileDb);
    expectError(await call('chooseImportFile'), 'PERMISSION_DENIED');
    dialogs.next.push(path.join(dataDir, 'x.csv'));
    expectError(await call('chooseExportPath', { format: 'csv', suggestedName: 'x.csv' }), 'PERMISSION_DENIED');
  });
});

describe('a compromised renderer cannot read a file it was not given', () => {
  const link = () => path.join(home, 'innocent.csv');
  before(() => fs.symlinkSync(secret, link()));

  /** Every way of naming the secret a crafted call could try, but a token of this window for reading. */
  const crafted = async (): Promise<Array<[string, unknown, 'INVALID_INPUT' | 'PERMISSION_DENIED']>> => [
    ['absolute path', secret, 'INVALID_INPUT'],
    ['/etc/passwd', '/etc/passwd', 'INVALID_INPUT'],
    ['relative path', 'passwd', 'INVALID_INPUT'],
    ['.. path', `../../../../../../..${secret}`, 'INVALID_INPUT'],
    ['file:// URL', `file://${secret}`, 'INVALID_INPUT'],
    ['symlink path', link(), 'INVALID_INPUT'],
    ['a token main never minted', `ft_${'A'.repeat(43)}`, 'PERMISSION_DENIED'],
    ['a token of another window', (await choose('chooseImportFile', secret, OTHER)).token, 'PERMISSION_DENIED'],
    ['a write token', (await choose('chooseExportPath', path.join(home, 'w.csv'))).token, 'PERMISSION_DENIED'],
    ['a number', 42, 'INVALID_INPUT'],
  ];

  test('previewImport, startImport and restoreProfile refuse every crafted file, and nothing is read or imported', async () => {
    const before = await tables();
    for (const [what, file, code] of await crafted()) {
      const preview = expectError(await call('previewImport', { file }), code, `previewImport: ${what}`);
      assert.ok(!preview.message.includes('root:x'), what);
      expectError(await call('startImport', { file, table: 'stolen' }), code, `startImport: ${what}`);
      expectError(await call('restoreProfile', { file, name: 'Stolen' }), code, `restoreProfile: ${what}`);
      // The old field is no way around it either.
      expectError(await call('startImport', { path: secret, file, table: 'stolen' }), 'INVALID_INPUT', `path beside file: ${what}`);
    }
    assert.deepEqual(await tables(), before, 'no table was imported');
    const names = expectOk<ProfileSummary[]>(await call('listProfiles')).map((p) => p.name);
    assert.ok(!names.includes('Stolen'));
  });

  test('a token works once: preview keeps it, an import uses it up, a replay is refused', async () => {
    const { token } = await choose('chooseImportFile', csv);
    expectOk<ImportPreview>(await call('previewImport', { file: token }), 'preview');
    expectOk<ImportPreview>(await call('previewImport', { file: token }), 'preview again');
    const outcome = expectOk<ImportOutcome>(await call('startImport', { file: token, table: 'sales' }));
    assert.equal(outcome.status, 'imported');
    expectError(await call('startImport', { file: token, table: 'sales_again' }), 'PERMISSION_DENIED', 'replayed import');
    expectError(await call('previewImport', { file: token }), 'PERMISSION_DENIED', 'preview of a used token');
    assert.ok(!(await tables()).includes('sales_again'));
  });

  test('an import that imported nothing leaves its token for a retry', async () => {
    const { token } = await choose('chooseImportFile', csv);
    expectError(await call('startImport', { file: token, table: 'sales', onConflict: 'error' }), 'ALREADY_EXISTS');
    const outcome = expectOk<ImportOutcome>(await call('startImport', { file: token, table: 'sales_retry' }));
    assert.equal(outcome.status, 'imported');
  });

  test('a token expires, and a locked window loses its tokens', async () => {
    const { token } = await choose('chooseImportFile', csv);
    clock.advance(31 * 60_000);
    expectError(await call('previewImport', { file: token }), 'PERMISSION_DENIED', 'expired');
    const { token: kept } = await choose('chooseImportFile', csv, OTHER);
    await enclave.lockWindow(OTHER, 'user');
    const mine = expectOk<ProfileSummary[]>(await call('listProfiles')).find((p) => p.name === 'Mine')!;
    expectOk(await call('unlockProfile', { profileId: mine.id, password: PASSWORD }, OTHER));
    expectError(await call('previewImport', { file: kept }, OTHER), 'PERMISSION_DENIED', 'after the window locked');
  });
});

describe('a compromised renderer cannot write a file it was not given', () => {
  let victims: Map<string, string>;
  before(() => {
    fs.symlinkSync(bashrc, path.join(home, 'profile.csv'));
    victims = new Map([bashrc, otherProfileDb].map((f) => [f, sha(f)]));
  });
  const unchanged = () => {
    for (const [file, hash] of victims) assert.equal(sha(file), hash, `${path.basename(file)} unchanged`);
  };

  test('exportData and exportProfile refuse crafted files, and nothing is written', async () => {
    const listing = fs.readdirSync(home).sort();
    const crafted: Array<[string, unknown, 'INVALID_INPUT' | 'PERMISSION_DENIED']> = [
      ['absolute path', bashrc, 'INVALID_INPUT'],
      ['relative path', '.bashrc', 'INVALID_INPUT'],
      ['.. path', `../../../../../../..${bashrc}`, 'INVALID_INPUT'],
      ['file:// URL', `file://${bashrc}`, 'INVALID_INPUT'],
      ['a data-folder path', otherProfileDb, 'INVALID_INPUT'],
      ['a token main never minted', `ft_${'B'.repeat(43)}`, 'PERMISSION_DENIED'],
      ['a token of another window', (await choose('chooseExportPath', bashrc, OTHER)).token, 'PERMISSION_DENIED'],
      ['a read token', (await choose('chooseImportFile', bashrc)).token, 'PERMISSION_DENIED'],
    ];
    for (const [what, file, code] of crafted) {
      expectError(await call('exportData', { source: { sql: "SELECT 'rm -rf ~' AS x" }, format: 'csv', file }), code, `exportData: ${what}`);
      expectError(await call('exportProfile', { file }), code, `exportProfile: ${what}`);
    }
    unchanged();
    assert.deepEqual(fs.readdirSync(home).sort(), listing, 'no file appeared');
  });

  test('a write token works once, also when two calls race for it', async () => {
    const out = path.join(home, 'once.csv');
    const { token } = await choose('chooseExportPath', out);
    const source = { sql: 'SELECT 1 AS v' };
    const [a, b] = await Promise.all([call('exportData', { source, format: 'csv', file: token }), call('exportData', { source, format: 'csv', file: token })]);
    assert.deepEqual([a.ok, b.ok].sort(), [false, true], 'exactly one of two racing calls');
    expectError(await call('exportData', { source, format: 'csv', file: token }), 'PERMISSION_DENIED', 'replay');
    fs.rmSync(out);
    expectError(await call('exportData', { source, format: 'csv', file: token }), 'PERMISSION_DENIED', 'replay after the file went');
    assert.ok(!fs.existsSync(out));
  });

  test('links planted at the final name and at the old partial names do not redirect the write', async () => {
    // The person chose "profile.csv", which someone made a link to ~/.bashrc; and links
    // wait at every partial name an older Enclave used, aimed at another profile's data.
    const out = path.join(home, 'profile.csv');
    for (const name of ['.profile.csv.enclave-partial', '.export.enclave.enclave-partial']) fs.symlinkSync(otherProfileDb, path.join(home, name));
    const { token } = await choose('chooseExportPath', out);
    expectOk(await call('exportData', { source: { sql: 'SELECT 1 AS v' }, format: 'csv', file: token }));
    assert.ok(!fs.lstatSync(out).isSymbolicLink(), 'the link was replaced by the export');
    assert.equal(fs.readFileSync(out, 'utf8'), 'v\n1\n');
    const archive = path.join(home, 'export.enclave');
    fs.symlinkSync(bashrc, archive);
    const { token: archiveToken } = await choose('chooseArchivePath', archive);
    expectOk(await call('exportProfile', { file: archiveToken }));
    assert.ok(!fs.lstatSync(archive).isSymbolicLink());
    unchanged();
    assert.deepEqual(fs.readdirSync(home).filter((f) => f.endsWith('.partial')), [], 'no partial file left behind');
  });
});
