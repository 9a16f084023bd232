// Journey: query tabs kept in the profile — tabs made and typed in come back after a page
// reload, and after switching to another profile (which has its own tabs, none of these)
// and back, the text typed just before switching included; saved queries with names
// (save, search, rename, open into a tab, delete); the history searched and a past query
// opened into a tab.
import { expect, test, type Page } from '@playwright/test';
import type { QueryTabs } from '../../shared/analysis/query-workspace.js';
import { openAnalysisWindow, pasteSql } from '../analysis-steps.js';
import { createProfile, shellName, unlock } from '../profile-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';


const harness = harnessForEachTest('analysis-tabs');

const editor = (page: Page) => page.getByTestId('sql-editor');
const tabs = (page: Page) => page.getByTestId('query-tab');
const tab = (page: Page, title: string) => tabs(page).filter({ hasText: title });


/** What the profile holds now (the page saves its tabs a moment after each change). */
const stored = (page: Page) =>
  page.evaluate(async () => {
    const r = await window.api.getQueryTabs();
    return r.ok ? r.value : null;
  });
const storedSql = async (page: Page) => ((await stored(page)) as QueryTabs | null)?.tabs.map((t) => t.sql) ?? [];

test('tabs survive a reload and a profile switch; each profile has its own; saved queries and history search', async () => {
  test.setTimeout(300_000);
  const page = await openAnalysisWindow(harness(), 'Kim');

  // A new profile starts with one empty tab.
  await expect(tabs(page)).toHaveCount(1);
  await expect(tabs(page)).toHaveText('Query 1');
  await pasteSql(page, 'SELECT 1 AS first_tab');
  await page.getByTestId('add-query-tab').click();
  await expect(tab(page, 'Query 2')).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page).locator('.cm-placeholder')).toBeVisible(); // empty: only the placeholder
  await pasteSql(page, 'SELECT 2 AS second_tab');
  await page.getByTestId('add-query-tab').click();
  await pasteSql(page, 'SELECT 3 AS closed_tab');
  // Delete on the focused tab closes it; its right-hand neighbour or else the left takes over.
  await tab(page, 'Query 3').focus();
  await page.keyboard.press('Delete');
  await expect(tabs(page)).toHaveText(['Query 1', 'Query 2']);
  await expect(tab(page, 'Query 2')).toHaveAttribute('aria-selected', 'true');
  // Arrow keys move between tabs.
  await tab(page, 'Query 2').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'Query 1')).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page)).toHaveText('SELECT 1 AS first_tab');
  await page.keyboard.press('ArrowRight');
  await expect(editor(page)).toHaveText('SELECT 2 AS second_tab');

  // Kept in the profile (not the page): after a reload the same tabs, text and active tab.
  await expect.poll(() => storedSql(page)).toEqual(['SELECT 1 AS first_tab', 'SELECT 2 AS second_tab']);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /tab|query/i.test(k)))).toEqual([]);
  await page.reload();
  await page.getByTestId('nav-analysis').click();
  await expect(tabs(page)).toHaveText(['Query 1', 'Query 2']);
  await expect(tab(page, 'Query 2')).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page)).toHaveText('SELECT 2 AS second_tab');
  await screenshot(page, 'analysis-tabs-restored');

  // Text typed just before switching profile is kept: the switch waits for the save.
  await tab(page, 'Query 1').click();
  await pasteSql(page, 'SELECT 11 AS typed_before_switch');
  await page.getByTestId('switch-profile-button').click();
  await createProfile(page, 'Lee');
  await expect(shellName(page)).toHaveText('Lee');
  await page.getByTestId('nav-analysis').click();
  // Lee has her own tabs: none of Kim's.
  await expect(tabs(page)).toHaveText(['Query 1']);
  await expect(editor(page).locator('.cm-placeholder')).toBeVisible(); // empty: only the placeholder
  await pasteSql(page, 'SELECT 99 AS lee_only');
  await expect.poll(() => storedSql(page)).toEqual(['SELECT 99 AS lee_only']);
  await screenshot(page, 'analysis-tabs-other-profile');

  await page.getByTestId('switch-profile-button').click();
  await unlock(page, 'Kim');
  await expect(shellName(page)).toHaveText('Kim');
  await page.getByTestId('nav-analysis').click();
  await expect(tabs(page)).toHaveText(['Query 1', 'Query 2']);
  await expect(tab(page, 'Query 1')).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page)).toHaveText('SELECT 11 AS typed_before_switch');

  // Saved queries: save the active tab under a name; the tab takes it.
  await editor(page).focus();
  await page.keyboard.press('Control+s');
  const dialog = page.getByTestId('saved-query-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('saved-query-name').fill('Typed before switch');
  await dialog.getByTestId('saved-query-submit').click();
  await expect(dialog).toBeHidden();
  await expect(tabs(page)).toHaveText(['Typed before switch', 'Query 2']);
  // Another under a name already taken (in another case) is refused, saying so.
  await tab(page, 'Query 2').click();
  await page.getByTestId('save-query-as').click();
  await dialog.getByTestId('saved-query-name').fill('TYPED BEFORE SWITCH');
  await dialog.getByTestId('saved-query-submit').click();
  await expect(dialog.getByTestId('error-message')).toContainText('already named');
  await dialog.getByTestId('saved-query-name').fill('Second tab');
  await dialog.getByTestId('saved-query-submit').click();
  await expect(tabs(page)).toHaveText(['Typed before switch', 'Second tab']);

  await page.getByTestId('side-saved').click();
  const saved = page.getByTestId('saved-query');
  await expect(saved).toHaveCount(2);
  await page.getByTestId('saved-query-search').fill('second_tab');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Second tab');
  await screenshot(page, 'analysis-saved-queries');
  await page.getByTestId('saved-query-search').fill('no such words');
  await expect(page.getByTestId('saved-queries-empty')).toContainText('No saved query matches');
  await page.getByTestId('saved-query-search').fill('');
  await expect(saved).toHaveCount(2);

  // Rename: the tab showing it follows.
  await page.getByRole('button', { name: 'Rename Second tab' }).click();
  await dialog.getByTestId('saved-query-name').fill('Second, renamed');
  await dialog.getByTestId('saved-query-submit').click();
  await expect(tabs(page)).toHaveText(['Typed before switch', 'Second, renamed']);

  // Opening a saved query already in a tab switches to that tab; closed, it opens in a new one.
  await tab(page, 'Typed before switch').click();
  await saved.filter({ hasText: 'Second, renamed' }).click();
  await expect(tab(page, 'Second, renamed')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Close Second, renamed' }).click();
  await expect(tabs(page)).toHaveText(['Typed before switch']);
  await saved.filter({ hasText: 'Second, renamed' }).click();
  await expect(tabs(page)).toHaveText(['Typed before switch', 'Second, renamed']);
  await expect(editor(page)).toHaveText('SELECT 2 AS second_tab');

  // Delete: gone from the list; its tab keeps the text, no longer linked.
  await page.getByRole('button', { name: 'Delete Second, renamed' }).click();
  await page.getByTestId('delete-saved-query-submit').click();
  await expect(saved).toHaveCount(1);
  await expect(tab(page, 'Second, renamed')).toBeVisible();
  await expect(editor(page)).toHaveText('SELECT 2 AS second_tab');

  // History: run three queries, search it, open a past one into a tab.
  for (const sql of ['SELECT 41 AS alpha_one', 'SELECT 42 AS beta_two', 'SELECT 43 AS alpha_three']) {
    await pasteSql(page, sql);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('result-grid')).toContainText(sql.split(' AS ')[1]!);
  }
  await page.getByTestId('side-history').click();
  const entries = page.getByTestId('history-entry');
  await expect(entries).toHaveCount(3);
  await page.getByTestId('history-search').fill('ALPHA');
  await expect(entries).toHaveCount(2);
  await page.getByTestId('history-search').fill('alpha one');
  await expect(entries).toHaveCount(1);
  await screenshot(page, 'analysis-history-search');
  await entries.click();
  await expect(tabs(page)).toHaveCount(3);
  await expect(tabs(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page)).toHaveText('SELECT 41 AS alpha_one');
  await page.getByTestId('history-search').fill('nothing like this');
  await expect(page.getByTestId('history-no-match')).toBeVisible();

  // And after all that, a lock and unlock brings the strip back as it was.
  await expect.poll(async () => (await storedSql(page)).length).toBe(3);
  await page.getByTestId('lock-button').click();
  await unlock(page, 'Kim');
  await page.getByTestId('nav-analysis').click();
  await expect(tabs(page)).toHaveText(['Typed before switch', 'Second, renamed', 'Query 1']);
  await expect(editor(page)).toHaveText('SELECT 41 AS alpha_one');
});
