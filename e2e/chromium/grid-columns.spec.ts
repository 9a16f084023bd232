// Journey: shape the grid around the data. Freeze the first column and scroll right,
// hide a column and move another, show numbers grouped or raw or to fixed decimals
// (the digits in the cell stay the value's own), and wrap long text onto three lines.
import { expect, test } from '@playwright/test';
import { openResult } from '../analysis-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

const harness = harnessForEachTest('grid-columns');

const extra = Array.from({ length: 16 }, (_, k) => `i + ${k} AS c${String(k + 1).padStart(2, '0')}`).join(', ');
const QUERY = `SELECT i AS id, 'note ' || i || ': ' || repeat('a long run of words ', 8) AS note,
  (i * 1000003)::BIGINT AS big, i / 8 AS ratio, (i * 1234.5)::DECIMAL(18,2) AS amount, ${extra}
FROM range(1, 201) t(i)`;

test('freeze, hide, reorder, number formats and wrapping', async () => {
  test.setTimeout(120_000);
  const { page, grid } = await openResult(harness(), 'Codd', QUERY, '200');
  const header = (name: string) => grid.getByRole('columnheader', { name: new RegExp(`^${name}`) });
  const row0 = grid.locator('[data-row="0"]');

  // Numbers: grouped by default, drawn separators only — the cell's text is the exact digits.
  const bigCell = row0.getByRole('gridcell').nth(2);
  await expect(bigCell).toHaveText('1000003');
  await expect(bigCell.locator('span[title]')).toHaveAttribute('title', '1000003');
  // What is drawn: each group after the first is preceded by a drawn ','.
  const drawn = () =>
    bigCell.evaluate((el) =>
      Array.from(el.querySelector('span[title]')!.childNodes)
        .map((n) => (n instanceof HTMLElement ? getComputedStyle(n, '::before').content.replace(/^"|"$/g, '').replace(/^none$/, '') : '') + n.textContent)
        .join(''),
    );
  expect(await drawn()).toBe('1,000,003');
  await page.getByTestId('numbers-raw').click();
  await expect(page.getByTestId('numbers-raw')).toHaveAttribute('aria-pressed', 'true');
  expect(await drawn()).toBe('1000003');
  await page.getByTestId('numbers-raw').click();
  // Fixed decimals round the double's shortest text exactly: 1/8 = 0.125 → 0.13.
  await page.getByTestId('number-decimals').selectOption('2');
  await expect(row0.getByRole('gridcell').nth(3)).toHaveText('0.13');
  await expect(row0.getByRole('gridcell').nth(3).locator('span[title]')).toHaveAttribute('title', '0.125');
  await expect(row0.getByRole('gridcell').nth(4)).toHaveText('1234.50');
  await screenshot(page, 'grid-number-format');
  await page.getByTestId('number-decimals').selectOption('');

  // Freeze the first column: it stays beside the row numbers when the grid scrolls right.
  await page.getByTestId('columns-menu').click();
  await page.getByTestId('freeze-columns').selectOption('1');
  await page.keyboard.press('Escape');
  await grid.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await expect(header('c16')).toBeVisible();
  const idBox = (await header('id').boundingBox())!;
  const gridBox = (await grid.boundingBox())!;
  expect(idBox.x - gridBox.x).toBeLessThan(80); // right after the row-number gutter
  await expect(row0.getByRole('gridcell').first()).toHaveText('1');
  await expect(row0.getByRole('gridcell').first()).toBeInViewport();
  await screenshot(page, 'grid-frozen-column');
  await grid.evaluate((el) => {
    el.scrollLeft = 0;
  });

  // Hide "note", move "amount" left of "big".
  await page.getByTestId('columns-menu').click();
  await page.getByTestId('show-column-note').uncheck();
  await page.getByTestId('move-left-amount').click();
  await page.getByTestId('move-left-amount').click();
  await screenshot(page, 'grid-columns-menu');
  await page.keyboard.press('Escape');
  await expect(header('note')).toHaveCount(0);
  await expect(header('amount')).toHaveAttribute('aria-colindex', '3');
  await expect(header('big')).toHaveAttribute('aria-colindex', '4');
  await expect(row0.getByRole('gridcell').nth(1)).toHaveText('1234.50');

  // Show it again, and wrap long text: taller rows, the text on several lines.
  await page.getByTestId('columns-menu').click();
  await page.getByTestId('show-all-columns').click();
  await page.keyboard.press('Escape');
  await expect(header('note')).toBeVisible();
  const noteCell = row0.getByRole('gridcell').nth(1);
  const oneLine = (await noteCell.boundingBox())!.height;
  await page.getByTestId('wrap-text').click();
  await expect(page.getByTestId('wrap-text')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await noteCell.boundingBox())!.height).toBeGreaterThan(oneLine * 2);
  expect(await noteCell.evaluate((el) => el.scrollHeight > 30)).toBe(true);
  await screenshot(page, 'grid-wrapped-text');
});
