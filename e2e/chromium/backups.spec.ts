// Journeys: export a profile and restore it as a new one; automatic backups in the
// settings; a damaged profile recovered from the picker — real Chromium, real core.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { harnessForEachTest, screenshot, tempDirForEachTest } from '../harness/harness.js';
import { createProfile, shellName, unlock } from '../profile-steps.js';


const harness = harnessForEachTest('backups');
const outside = tempDirForEachTest('archives');

const PASSWORD = 'correct horse battery';
/** Opening a profile hashes a password and starts its databases: slow on a shared 2-core machine. */
const OPENS = { timeout: 20_000 };

const taskTitles = (page: Page) =>
  page.evaluate(async () => {
    const r = await window.api.listTasks({});
    return r.ok ? r.value.items.map((t) => t.title).sort() : [`error: ${r.error.code}`];
  });

async function profileIdOf(page: Page, name: string): Promise<string> {
  const listed = await page.evaluate(() => window.api.listProfiles());
  const id = listed.ok ? listed.value.find((p) => p.name === name)?.id : undefined;
  expect(id).toBeDefined();
  return id!;
}

test('export a profile, then restore the archive as a new profile; a tampered copy is refused', async () => {
  const page = await harness().openWindow();
  await createProfile(page, 'Alice', PASSWORD);
  await expect(shellName(page)).toHaveText('Alice', OPENS);
  await page.evaluate(async () => {
    await window.api.createTask({ title: 'Water the plants' });
    await window.api.createTask({ title: 'Call grandma' });
  });

  await page.getByTestId('profile-settings-button').click();
  const settings = page.getByTestId('profile-settings');
  const backups = settings.getByTestId('backups-section');
  await expect(backups.getByTestId('no-backups')).toBeVisible();

  // The save dialog (scripted) answers a path outside() the app's data.
  const archive = path.join(outside(), 'alice.enclave');
  harness().dialogs.answers.push(archive);
  await backups.getByTestId('export-profile').click();
  await expect(backups.getByTestId('export-done')).toContainText('alice.enclave');
  expect(fs.statSync(archive).size).toBeGreaterThan(0);
  expect(harness().dialogs.shown.at(-1)?.kind).toBe('save');

  await backups.getByTestId('backup-now').click();
  await expect(backups.getByTestId('backup-list').getByRole('listitem')).toHaveCount(1);
  await backups.scrollIntoViewIfNeeded();
  await screenshot(page, 'backups-settings');
  await settings.getByRole('button', { name: 'Close' }).click();

  // A copy with one byte flipped in the middle is refused, and nothing appears.
  const tampered = path.join(outside(), 'tampered.enclave');
  const bytes = fs.readFileSync(archive);
  bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
  fs.writeFileSync(tampered, bytes);
  await page.getByTestId('switch-profile-button').click();
  await expect(page.getByTestId('profile-picker')).toBeVisible();
  harness().dialogs.answers.push(tampered);
  await page.getByTestId('restore-archive').click();
  const form = page.getByTestId('create-profile-form');
  await form.getByLabel('Name').fill('Alice tampered');
  await form.getByTestId('create-profile-submit').click();
  await expect(form.getByTestId('error-message')).toContainText('not a usable Enclave archive');
  await screenshot(page, 'restore-archive-refused');
  const profilesDir = path.join(harness().dataDir, 'profiles');
  expect(fs.readdirSync(profilesDir)).toHaveLength(1);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // The real archive restores as a new profile with its own password, and opens.
  harness().dialogs.answers.push(archive);
  await page.getByTestId('restore-archive').click();
  await form.getByLabel('Name').fill('Alice restored');
  await form.getByLabel('Protect with a password').check();
  await form.getByLabel('Password', { exact: true }).fill('a new password');
  await form.getByLabel('Confirm password').fill('a new password');
  await screenshot(page, 'restore-archive-form');
  await form.getByTestId('create-profile-submit').click();
  await expect(shellName(page)).toHaveText('Alice restored', OPENS);
  expect(await taskTitles(page)).toEqual(['Call grandma', 'Water the plants']);
  expect(await profileIdOf(page, 'Alice restored')).not.toBe(await profileIdOf(page, 'Alice'));
  expect(fs.readdirSync(profilesDir)).toHaveLength(2);
});

test('a damaged profile shows the damage and recovers from a backup or starts empty', async () => {
  const page = await harness().openWindow();
  await createProfile(page, 'Bob');
  await expect(shellName(page)).toHaveText('Bob', OPENS);
  await page.evaluate(() => window.api.createTask({ title: 'Bob keeps this' }));
  await page.getByTestId('switch-profile-button').click();
  await createProfile(page, 'Alice', PASSWORD);
  await expect(shellName(page)).toHaveText('Alice', OPENS);
  const aliceDir = path.join(harness().dataDir, 'profiles', await profileIdOf(page, 'Alice'));
  await page.evaluate(async () => {
    await window.api.createTask({ title: 'In the backup' });
    await window.api.backupNow();
    await window.api.createTask({ title: 'After the backup' });
    await window.api.runQuery({ sql: 'CREATE TABLE numbers AS SELECT range AS n FROM range(100)' });
  });
  // Resolves once the profile's databases are closed.
  await page.evaluate(() => window.api.lockSession());
  await expect(page.getByTestId('profile-picker')).toBeVisible();

  // data.sqlite overwritten with random bytes.
  const sqlite = path.join(aliceDir, 'data.sqlite');
  fs.writeFileSync(sqlite, randomBytes(fs.statSync(sqlite).size));
  await unlock(page, 'Alice', PASSWORD);
  const panel = page.getByTestId('damaged-profile');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('data.sqlite');
  await expect(panel.getByTestId('damaged-backups').getByRole('listitem')).toHaveCount(1);
  await screenshot(page, 'damaged-profile');

  // Another profile keeps working meanwhile.
  await panel.getByRole('button', { name: 'Back', exact: true }).click();
  await unlock(page, 'Bob');
  await expect(shellName(page)).toHaveText('Bob', OPENS);
  expect(await taskTitles(page)).toEqual(['Bob keeps this']);
  await page.getByTestId('switch-profile-button').click();

  await unlock(page, 'Alice', PASSWORD);
  await panel.getByTestId('recover-from-backup').click();
  await expect(shellName(page)).toHaveText('Alice', OPENS);
  expect(await taskTitles(page)).toEqual(['In the backup']);
  expect(fs.readdirSync(aliceDir).some((f) => f.startsWith('data.sqlite.damaged-'))).toBe(true);

  // analytics.duckdb cut in half: start it empty; the tasks stay.
  await page.evaluate(() => window.api.lockSession());
  await expect(page.getByTestId('profile-picker')).toBeVisible();
  const duckdb = path.join(aliceDir, 'analytics.duckdb');
  fs.writeFileSync(duckdb, randomBytes(fs.statSync(duckdb).size));
  await unlock(page, 'Alice', PASSWORD);
  await expect(panel).toContainText('analytics.duckdb');
  await panel.getByTestId('recover-start-empty').click();
  await expect(shellName(page)).toHaveText('Alice', OPENS);
  expect(await taskTitles(page)).toEqual(['In the backup']);
  const tables = await page.evaluate(async () => {
    const r = await window.api.listTables();
    return r.ok ? r.value.length : -1;
  });
  expect(tables).toBe(0);
  await screenshot(page, 'damaged-profile-recovered');
});
