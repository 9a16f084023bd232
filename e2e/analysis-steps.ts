// What a person does on the analysis screen, shared by the grid and chart specs.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Harness } from './harness/harness.js';
import { createProfile, shellName } from './profile-steps.js';

/** Creates profile `name` (it opens at once) and goes to its analysis screen. */
export async function openAnalysis(page: Page, name: string) {
  await createProfile(page, name);
  await expect(shellName(page)).toHaveText(name, { timeout: 30_000 });
  await page.getByTestId('nav-analysis').click();
  await expect(page.getByTestId('section-analysis')).toBeVisible();
}

/** Opens a window of `harness`, creates profile `name` in it and goes to its analysis screen. */
export async function openAnalysisWindow(harness: Harness, name: string): Promise<Page> {
  const page = await harness.openWindow();
  await openAnalysis(page, name);
  return page;
}

/** Replaces the editor's text as a paste would (typing "\n" could accept a completion). */
export async function pasteSql(page: Page, sql: string) {
  await page.getByTestId('sql-editor').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(sql);
}

/** Runs `sql` from the editor (Ctrl+Enter) and waits for the result's row count to read `rows`. */
export async function runSql(page: Page, sql: string, rows: string) {
  const editor = page.getByTestId('sql-editor');
  await editor.fill(sql);
  await editor.press('Control+Enter');
  await expect(page.getByTestId('result-total')).toHaveText(rows, { timeout: 30_000 });
}

/** A window of `harness` on new profile `name`'s analysis screen, showing the result of `sql` (`rows` rows). */
export async function openResult(harness: Harness, name: string, sql: string, rows: string): Promise<{ page: Page; grid: Locator }> {
  const page = await openAnalysisWindow(harness, name);
  await runSql(page, sql, rows);
  return { page, grid: page.getByTestId('result-grid') };
}
