// What a person does in the profile picker, shared by the Chromium and Electron specs.
import { expect, type Locator, type Page } from '@playwright/test';

export const shellName = (page: Page) => page.getByTestId('shell-profile-name');

/** Creates a profile through the picker's form; a new profile opens at once. */
export async function createProfile(page: Page, name: string, password?: string): Promise<void> {
  const form = page.getByTestId('create-profile-form');
  const add = page.getByTestId('add-profile-button');
  await expect(page.getByTestId('profile-picker')).toBeVisible();
  // Until the profile list has loaded the picker shows neither: wait for one of them
  // (an empty picker opens on the form, a populated one on the add button).
  await expect(form.or(add).first()).toBeVisible();
  if (!(await form.isVisible())) await add.click();
  await form.getByLabel('Name').fill(name);
  if (password) {
    await form.getByLabel('Protect with a password').check();
    await form.getByLabel('Password', { exact: true }).fill(password);
    await form.getByLabel('Confirm password').fill(password);
  }
  await form.getByTestId('create-profile-submit').click();
}

/** Adds a task from the Tasks screen's quick add. */
export async function addTask(page: Page, title: string): Promise<void> {
  await page.getByTestId('nav-tasks').click();
  const input = page.getByTestId('task-quick-add-input');
  await input.fill(title);
  await input.press('Enter');
  await expect(page.getByText(title, { exact: true })).toBeVisible();
}

/** Opens a profile from the picker, with its password when it has one. */
export async function unlock(page: Page, name: string, password?: string): Promise<void> {
  await expect(page.getByTestId('profile-picker')).toBeVisible();
  await page.getByRole('button', { name, exact: true }).click();
  if (password !== undefined) {
    await page.getByLabel(`Password for ${name}`).fill(password);
    await page.getByTestId('unlock-submit').click();
  }
}

/** The page's own date (in its time zone), `plusDays` later, as YYYY-MM-DD. */
export const pageToday = (page: Page, plusDays = 0): Promise<string> =>
  page.evaluate((plus) => {
    const d = new Date();
    d.setDate(d.getDate() + plus);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, plusDays);

/** Types each value into the field of `scope` with that test id, in order. */
export async function fillIn(scope: Locator, values: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(values)) await scope.getByTestId(testId).fill(value);
}
