// Journey: failed unlock attempts, an import and an export show in the profile's own
// Activity list, and the Storage view counts rows per table — in real Chromium against
// the real core. Another profile's activity never shows.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screenshot, startHarness, type Harness } from '../harness/harness.js';
import { createProfile, shellName, unlock } from '../profile-steps.js';

let harness: Harness;
let files: string;

test.beforeEach(async ({ context }, info) => {
  harness = await startHarness(context, `profile-activity-${info.workerIndex}`);
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-e2e-activity-files-'));
});
test.afterEach(async () => {
  await harness.close();
  fs.rmSync(files, { recursive: true, force: true });
});

const PASSWORD = 'correct horse battery';

/** Imports `file` as `table` the way the app does: the open dialog answers a token, the import takes it. */
async function importThroughDialog(page: Page, file: string, table: string) {
  harness.dialogs.answers.push(file);
  return page.evaluate(async (t) => {
    const chosen = await window.api.chooseImportFile({ purpose: 'data' });
    return chosen.ok && chosen.value ? window.api.startImport({ file: chosen.value.token, table: t }) : chosen;
  }, table);
}

test('activity and rows per table in profile settings', async () => {
  const page = await harness.openWindow();
  await createProfile(page, 'Ada', PASSWORD);
  await expect(shellName(page)).toHaveText('Ada');
  await page.getByTestId('switch-profile-button').click();
  await createProfile(page, 'Bob');
  await expect(shellName(page)).toHaveText('Bob');
  // Bob's own activity: an import nobody else may see.
  const bobCsv = path.join(files, 'bob.csv');
  fs.writeFileSync(bobCsv, 'id\n1\n');
  expect((await importThroughDialog(page, bobCsv, 'bob_only')).ok).toBe(true);
  await page.getByTestId('switch-profile-button').click();

  // Three wrong passwords, then the right one.
  await unlock(page, 'Ada', 'wrong password 0');
  await expect(page.getByTestId('error-message').first()).toContainText('Wrong password');
  for (let i = 1; i < 3; i++) {
    await page.getByLabel('Password for Ada').fill(`wrong password ${i}`);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('error-message').first()).toContainText('Wrong password');
  }
  await page.getByLabel('Password for Ada').fill(PASSWORD);
  await page.getByTestId('unlock-submit').click();
  await expect(shellName(page)).toHaveText('Ada');

  const csv = path.join(files, 'sales.csv');
  fs.writeFileSync(csv, 'id,region\n1,north\n2,south\n3,east\n');
  const imported = await importThroughDialog(page, csv, 'sales');
  expect(imported.ok).toBe(true);
  const out = path.join(files, 'sales-out.csv');
  harness.dialogs.answers.push(out);
  const exported = await page.evaluate(async () => {
    const chosen = await window.api.chooseExportPath({ format: 'csv', suggestedName: 'sales.csv' });
    return chosen.ok && chosen.value ? window.api.exportData({ source: { table: 'sales' }, format: 'csv', file: chosen.value.token }) : chosen;
  });
  expect(exported.ok).toBe(true);
  for (const title of ['Call the plumber', 'Pay rent']) {
    expect((await page.evaluate((t) => window.api.createTask({ title: t }), title)).ok).toBe(true);
  }
  const note = await page.evaluate(() => window.api.createNote({ title: 'Old idea' }));
  expect(note.ok).toBe(true);
  if (note.ok) await page.evaluate((id) => window.api.deleteNote({ id }), note.value.id);

  await page.getByTestId('profile-settings-button').click();
  const settings = page.getByTestId('profile-settings');
  await expect(settings).toBeVisible();

  const storage = settings.getByTestId('profile-usage');
  await expect(storage.getByTestId('profile-usage-total')).toContainText(/\d/);
  await expect(storage.getByTestId('rows-tasks')).toContainText('2');
  await expect(storage.getByTestId('rows-notes')).toContainText('0 + 1 in Trash');
  await expect(storage.getByTestId('rows-tables')).toContainText('sales');
  await expect(storage.getByTestId('rows-tables')).toContainText('3 rows');
  await expect(storage.getByTestId('rows-tables')).not.toContainText('bob_only');
  await expect(storage.getByTestId('profile-last-opened')).not.toHaveText('Never');

  const activity = settings.getByTestId('activity-log');
  const entries = activity.getByTestId('activity-entry');
  await expect(entries.first()).toContainText('Data exported');
  await expect(entries.first()).toContainText('table "sales" as csv: 3 rows');
  await expect(activity.locator('[data-event="table imported"]')).toContainText('"sales": 3 rows');
  await expect(activity.locator('[data-event="unlock failed"]')).toHaveCount(1);
  await expect(activity.locator('[data-event="unlock failed"]')).toContainText('3 failed unlock attempts');
  await expect(activity.locator('[data-event="unlock failed"]')).toContainText('last at');
  await expect(activity.locator('[data-event="profile created"]')).toHaveCount(1);
  await expect(activity.locator('[data-event="locked"]')).toContainText('Locked');
  await expect(activity).not.toContainText('bob_only');
  // No paths: neither the data folder nor the files imported and exported.
  await expect(activity).not.toContainText(files);
  await expect(activity).not.toContainText('sales-out');
  await settings.getByTestId('activity-log').scrollIntoViewIfNeeded();
  await screenshot(page, 'profile-activity');
});
