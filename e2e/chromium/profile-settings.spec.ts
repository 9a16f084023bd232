// Journey: a person renames their profile, changes its password, and finally deletes it
// from the profile settings dialog — in real Chromium against the real core.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshot, startHarness, type Harness } from '../harness/harness.js';
import { createProfile, shellName, unlock } from '../profile-steps.js';

let harness: Harness;
// Two unlocks, a password change (scrypt) and full-page shots of the Settings page: more than
// the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ context }, info) => {
  harness = await startHarness(context, `profile-settings-${info.workerIndex}`);
});
test.afterEach(async () => {
  await harness.close();
});

const FIRST_PASSWORD = 'correct horse battery';
const SECOND_PASSWORD = 'staple tortoise orbit';

test('rename, change the password, then delete the profile', async () => {
  const page = await harness.openWindow();
  await createProfile(page, 'Alice', FIRST_PASSWORD);
  await expect(shellName(page)).toHaveText('Alice');
  const listed = await page.evaluate(() => window.api.listProfiles());
  const aliceId = listed.ok ? listed.value.find((p) => p.name === 'Alice')?.id : undefined;
  expect(aliceId).toBeDefined();
  const profileDir = path.join(harness.dataDir, 'profiles', aliceId!);
  expect(fs.existsSync(profileDir)).toBe(true);

  // A second profile to clash with, and to stay in the picker after the delete.
  await page.getByTestId('switch-profile-button').click();
  await createProfile(page, 'Bob');
  await expect(shellName(page)).toHaveText('Bob');
  await page.getByTestId('switch-profile-button').click();
  await unlock(page, 'Alice', FIRST_PASSWORD);
  await expect(shellName(page)).toHaveText('Alice');

  await page.getByTestId('profile-settings-button').click();
  const settings = page.getByTestId('profile-settings');
  await expect(settings).toBeVisible();
  await expect(settings.getByTestId('profile-usage-total')).toContainText(/\d/);

  // Names are unique ignoring case: the clash shows on the field.
  await settings.getByTestId('rename-input').fill('bob');
  await settings.getByTestId('rename-submit').click();
  await expect(settings.getByTestId('rename-form').getByRole('alert')).toContainText('already exists');
  await settings.getByTestId('rename-input').fill('Alicia');
  await settings.getByTestId('rename-submit').click();
  await expect(shellName(page)).toHaveText('Alicia');
  await expect(settings.getByTestId('rename-submit')).toBeDisabled();

  // A wrong current password is refused; the right one changes it.
  await settings.getByTestId('current-password').fill('not my password');
  await settings.getByTestId('new-password').fill(SECOND_PASSWORD);
  await settings.getByTestId('confirm-password').fill(SECOND_PASSWORD);
  await settings.getByTestId('password-submit').click();
  await expect(settings.getByTestId('password-form').getByTestId('error-message')).toBeVisible();
  await settings.getByTestId('current-password').fill(FIRST_PASSWORD);
  await settings.getByTestId('new-password').fill(SECOND_PASSWORD);
  await settings.getByTestId('confirm-password').fill(SECOND_PASSWORD);
  await settings.getByTestId('password-submit').click();
  await expect(settings.getByTestId('password-notice')).toContainText('Password changed');
  await screenshot(page, 'profile-settings');
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(settings).toBeHidden();

  // Lock; the old password no longer opens it, the new one does.
  await page.getByTestId('lock-button').click();
  await unlock(page, 'Alicia', FIRST_PASSWORD);
  await expect(page.getByTestId('error-message').first()).toContainText('Wrong password');
  await page.getByLabel('Password for Alicia').fill(SECOND_PASSWORD);
  await page.getByTestId('unlock-submit').click();
  await expect(shellName(page)).toHaveText('Alicia');

  // Delete with the password.
  await page.getByTestId('profile-settings-button').click();
  await expect(settings).toBeVisible();
  await settings.getByTestId('delete-profile-open').click();
  await expect(settings.getByTestId('delete-profile-section')).toContainText('tasks, notes, events and tables');
  await expect(settings.getByTestId('delete-profile-submit')).toBeDisabled();
  await settings.getByTestId('delete-password').fill(SECOND_PASSWORD);
  await settings.getByTestId('delete-profile-submit').scrollIntoViewIfNeeded();
  await screenshot(page, 'profile-delete');
  await settings.getByTestId('delete-profile-submit').click();

  await expect(page.getByTestId('profile-picker')).toBeVisible();
  await expect(page.getByTestId('locked-notice')).toContainText('Alicia was deleted');
  await expect(page.getByTestId('locked-notice')).toContainText('Profile deleted');
  await expect(page.getByTestId('profile-card')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Alicia', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Bob', exact: true })).toBeVisible();
  await screenshot(page, 'profile-deleted-picker');
  expect(fs.existsSync(profileDir)).toBe(false);
  expect(fs.readdirSync(path.join(harness.dataDir, 'profiles'))).not.toContain(aliceId);
});
