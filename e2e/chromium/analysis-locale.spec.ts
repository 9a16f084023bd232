// Journey (issue 17): an analyst whose system locale is German reads every figure of the
// analysis space the German way: the result's row count, the grid's row numbers, the cell
// inspector's "row N", the grouping and decimal signs of numbers in cells. Exact values
// stay exact: a BIGINT past 2^53 and a DECIMAL(38,2) keep every digit, only separators change.
// The event dialog's native time fields follow the 12/24-hour choice while their value stays HH:MM.
import { expect, test, type Page } from '@playwright/test';
import { openAnalysisWindow, runSql } from '../analysis-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

const harness = harnessForEachTest('analysis-locale');
test.use({ locale: 'de-DE' });

const ROWS = 12_345;
const QUERY = `SELECT i AS n, 9007199254740993::BIGINT + i AS big, 123456789012345678901234567890123456.78::DECIMAL(38,2) AS dec, i / 4 AS ratio FROM range(${ROWS}) t(i)`;

const grid = (page: Page) => page.getByTestId('result-grid');
const cell = (page: Page, row: number, col: number) => grid(page).locator(`[data-row="${row}"]`).getByRole('gridcell').nth(col);
/** What CSS draws before each digit group: the locale's grouping separator. */
const separatorsOf = (page: Page, row: number, col: number) =>
  cell(page, row, col).evaluate((el) => Array.from(el.querySelectorAll('[data-sep]'), (g) => getComputedStyle(g, '::before').content));

test('counts, row numbers and numbers in cells follow the German locale, every digit kept', async () => {
  test.setTimeout(180_000);
  const page = await openAnalysisWindow(harness(), 'Lena');
  await runSql(page, QUERY, '12.345');
  await expect(page.getByTestId('result-stats')).toContainText('12.345 rows');

  // 9007199254740993: past 2^53, so a double would print …992. Groups of three with '.' drawn between.
  await expect(cell(page, 0, 1)).toHaveText('9007199254740993');
  expect(await separatorsOf(page, 0, 1)).toEqual(['"."', '"."', '"."', '"."', '"."']);
  await expect(cell(page, 0, 2)).toHaveText('123456789012345678901234567890123456,78');
  await expect(cell(page, 1, 3)).toHaveText('0,25');
  await expect(page.getByTestId('numbers-raw')).toHaveText('1.234');
  await screenshot(page, 'analysis-locale-de');

  // The last row: its number in the gutter and in the inspector read "12.345".
  await cell(page, 0, 0).click();
  await grid(page).press('Control+End');
  await expect(grid(page).locator(`[data-row="${ROWS - 1}"]`).getByRole('rowheader')).toHaveText('12.345');
  await expect(page.getByTestId('result-range')).toHaveText(/^rows 12\.\d{3}–12\.345$/);
  await grid(page).press('Enter');
  await expect(page.getByTestId('cell-detail')).toContainText('row 12.345');
  await screenshot(page, 'analysis-locale-de-inspector');
});

test('native time fields show the chosen clock; their value stays HH:MM', async () => {
  test.setTimeout(120_000);
  const page = await openAnalysisWindow(harness(), 'Jonas');
  const openNewEvent = async () => {
    await page.getByTestId('nav-events').click();
    await page.getByTestId('event-new').click();
    const start = page.getByTestId('event-dialog').getByTestId('event-start-time');
    await start.fill('21:05');
    await expect(start).toHaveValue('21:05');
    return start;
  };
  // German reads a 24-hour clock unless 12-hour was chosen; Chromium draws the field from its lang.
  await expect(await openNewEvent()).toHaveAttribute('lang', 'de-DE-u-hc-h23');
  await expect(page.getByTestId('event-dialog').getByTestId('event-start-date')).toHaveAttribute('lang', 'de-DE-u-hc-h23');
  await screenshot(page, 'time-field-de-24h');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-dialog')).toHaveCount(0);

  await page.getByTestId('profile-settings-button').click();
  await page.getByTestId('hour-cycle').selectOption('h12');
  await expect(await openNewEvent()).toHaveAttribute('lang', 'de-DE-u-hc-h12');
  await screenshot(page, 'time-field-de-12h');
});
