// Journey: work in the result grid like in a spreadsheet. Select cells with the keyboard
// (Shift extends), copy with Ctrl+C as TSV and through the Copy menu as CSV, Markdown,
// JSON and an SQL IN-list; select a whole column over pages not yet loaded (the copy
// fetches them) and a column of ten million rows (refused with a message, nothing
// copied); resize a column from the keyboard. What was copied is read back by pasting
// the browser's real clipboard into a text field (the harness page is not a secure
// context, so the app writes through the copy command; in Electron it uses the async
// clipboard with the permission main grants).
import { expect, test, type Page } from '@playwright/test';
import { openResult, runSql } from '../analysis-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

const harness = harnessForEachTest('grid-selection');

/** Pastes the clipboard into a scratch text field and reads it (a text field turns CRLF into LF); focus goes back to the grid. */
async function clipboard(page: Page): Promise<string> {
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'paste-probe';
    document.body.append(area);
    area.focus();
  });
  await page.keyboard.press('Control+v');
  const text = await page.evaluate(() => {
    const area = document.getElementById('paste-probe') as HTMLTextAreaElement;
    area.remove();
    return area.value;
  });
  await page.getByTestId('result-grid').focus();
  return text;
}

/** Puts a marker on the clipboard, so a copy that writes nothing shows. */
async function markClipboard(page: Page) {
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'copy-probe';
    area.value = '(untouched)';
    document.body.append(area);
    area.select();
  });
  await page.keyboard.press('Control+c');
  await page.evaluate(() => document.getElementById('copy-probe')?.remove());
}

const QUERY = `SELECT i AS id, 'item ' || i AS name,
  CASE WHEN i = 1 THEN 9007199254740993 ELSE i * 1000003 END::BIGINT AS big,
  (i * 1234.5)::DECIMAL(38,2) AS amount
FROM range(1, 1001) t(i)`;

test('keyboard selection, Ctrl+C as TSV and the Copy menu formats keep every digit', async () => {
  test.setTimeout(120_000);
  const { page, grid } = await openResult(harness(), 'Grace', QUERY, '1,000');
  await expect(grid.locator('[data-row="0"]')).toContainText('9007199254740993');
  // Its column starts wide enough for every digit and the separators drawn between them.
  const big = grid.locator('[data-row="0"] [title="9007199254740993"]');
  expect(await big.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await markClipboard(page);

  // Keyboard only: focus the grid, go to row 1 column 2, extend two rows down and one right.
  await grid.focus();
  await page.keyboard.press('ArrowDown'); // first move selects row 1, column 1
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(grid.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(6);
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('copy-status')).toHaveText('Copied 3 rows × 2 columns as TSV');
  // Said in full, never cut short beside the toolbar's buttons.
  expect(await page.getByTestId('copy-status').evaluate((e) => e.scrollWidth <= e.clientWidth && getComputedStyle(e).textOverflow !== 'ellipsis')).toBe(true);
  expect(await clipboard(page)).toBe('item 1\t9007199254740993\nitem 2\t2000006\nitem 3\t3000009');
  await screenshot(page, 'grid-selection-cells');

  // The same block through the Copy menu, in each format.
  const copyAs = async (format: string) => {
    await page.getByTestId('copy-menu').click();
    await page.getByTestId(`copy-as-${format}`).click();
    await expect(page.getByTestId('copy-status')).toContainText('Copied 3 rows × 2 columns');
    return clipboard(page);
  };
  expect(await copyAs('csv')).toBe('name,big\nitem 1,9007199254740993\nitem 2,2000006\nitem 3,3000009');
  expect(await copyAs('markdown')).toBe('| name | big |\n| --- | --: |\n| item 1 | 9007199254740993 |\n| item 2 | 2000006 |\n| item 3 | 3000009 |');
  const json = await copyAs('json');
  expect(json).toContain('"big": 9007199254740993');
  expect(JSON.parse(json)).toHaveLength(3);
  expect(await copyAs('sql-in')).toBe("('item 1', 9007199254740993, 'item 2', 2000006, 'item 3', 3000009)");

  // A whole column by its header: every row, loaded or not (pages are 200 rows).
  await page.getByTestId('column-amount').click();
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('copy-status')).toHaveText('Copied 1,000 rows × 1 column as TSV');
  const lines = (await clipboard(page)).split('\n');
  expect(lines).toHaveLength(1001);
  expect(lines[0]).toBe('amount');
  expect(lines[1000]).toBe('1234500.00');
  // Shift-click a second header extends to the columns between.
  await page.getByTestId('column-name').click({ modifiers: ['Shift'] });
  await expect(grid.locator('[role="columnheader"][aria-selected="true"]')).toHaveCount(3);
  await screenshot(page, 'grid-selection-columns');

  // Rows by their numbers; Shift-click extends.
  await grid.locator('[data-row="4"] [role="rowheader"]').click();
  await grid.locator('[data-row="6"] [role="rowheader"]').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('copy-status')).toHaveText('Copied 3 rows × 4 columns as TSV');
  expect((await clipboard(page)).split('\n')).toEqual([
    'id\tname\tbig\tamount',
    '5\titem 5\t5000015\t6172.50',
    '6\titem 6\t6000018\t7407.00',
    '7\titem 7\t7000021\t8641.50',
  ]);
  // The note goes when dismissed, and belongs to its result: the next run starts without it.
  await page.getByTestId('copy-status-dismiss').click();
  await expect(page.getByTestId('copy-status')).toHaveCount(0);
  await grid.focus();
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('copy-status')).toHaveText('Copied 3 rows × 4 columns as TSV');
  await runSql(page, 'SELECT 1 AS one', '1');
  await expect(page.getByTestId('copy-status')).toHaveCount(0);
});

test('a selection too large to copy says so and copies nothing', async () => {
  test.setTimeout(120_000);
  const { page } = await openResult(harness(), 'Hopper', 'SELECT i AS n FROM range(10000000) t(i)', '10,000,000');
  await markClipboard(page);
  await page.getByTestId('column-n').click();
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('copy-status')).toContainText('Nothing copied: the selection has 10,000,000 rows × 1 column');
  expect(await clipboard(page)).toBe('(untouched)');
  await screenshot(page, 'grid-selection-too-large');
});

test('a column resized from the keyboard', async () => {
  test.setTimeout(120_000);
  const { page } = await openResult(harness(), 'Lovelace', QUERY, '1,000');
  const resizer = page.getByTestId('resize-name');
  const header = page.getByTestId('result-grid').getByRole('columnheader', { name: /^name/ });
  const before = Number(await resizer.getAttribute('aria-valuenow'));
  // Keyboard only: from the grid, Tab reaches the header's controls and the resize handle.
  await page.getByTestId('result-grid').focus();
  for (let i = 0; i < 12 && !(await resizer.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(resizer).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 70));
  expect(Math.round((await header.boundingBox())!.width)).toBe(before + 70);
  await page.keyboard.press('ArrowLeft');
  await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 60));
  await screenshot(page, 'grid-column-resize-keyboard');
  await page.keyboard.press('Home');
  await expect(resizer).toHaveAttribute('aria-valuenow', String(before));
});
