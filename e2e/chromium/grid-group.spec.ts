// Journey: group a result without SQL (Tad's core view). Choose a group column and
// aggregates, see the grouped rows and the generated SQL, expand a group into its rows
// and go back, pivot on a column, then ungroup.
import { expect, test } from '@playwright/test';
import { openResult } from '../analysis-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

const harness = harnessForEachTest('grid-group');

const SALES = `SELECT ['north', 'south', 'east'][i % 3 + 1] AS region, 2023 + i % 2 AS year, (i * 1.25)::DECIMAL(18,2) AS amount
FROM range(30) t(i)`;

test('group by a column with aggregates, expand a group, pivot, ungroup', async () => {
  test.setTimeout(120_000);
  const { page, grid } = await openResult(harness(), 'Tad', SALES, '30');

  await page.getByTestId('group-menu').click();
  await page.getByTestId('group-by-region').check();
  await page.getByTestId('add-aggregate').click(); // sum of amount (the first numeric column)
  await page.getByTestId('aggregate-column-1').selectOption('amount');
  await page.getByTestId('group-apply').click();
  await expect(page.getByTestId('result-total')).toHaveText('3');
  await expect(page.getByTestId('generated-sql')).toContainText('GROUP BY "region"');
  await expect(page.getByTestId('generated-sql')).toContainText('sum("amount") AS "sum_amount"');
  await expect(grid.getByRole('columnheader', { name: /^sum_amount/ })).toBeVisible();
  // Groups in order of their values: east, north, south; east is i = 2, 5, …, 29.
  const row0 = grid.locator('[data-row="0"]');
  await expect(row0.getByRole('gridcell').nth(0)).toHaveText('east');
  await expect(row0.getByRole('gridcell').nth(1)).toHaveText('10');
  await expect(row0.getByRole('gridcell').nth(2)).toHaveText('193.75');
  await screenshot(page, 'grid-grouped');

  // Expand "east" from the keyboard: its ten rows, filtered by the generated SQL.
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('result-total')).toHaveText('10');
  await expect(page.getByTestId('generated-sql')).toContainText(`"region" = CAST('east' AS VARCHAR)`);
  await screenshot(page, 'grid-group-expanded');
  await page.getByTestId('back-to-groups').click();
  await expect(page.getByTestId('result-total')).toHaveText('3');

  // Pivot on year: one column per year.
  await page.getByTestId('group-menu').click();
  await page.getByTestId('group-pivot').selectOption('year');
  await page.getByTestId('group-apply').click();
  await expect(page.getByTestId('generated-sql')).toContainText('PIVOT');
  await expect(grid.getByRole('columnheader', { name: /^2023_count/ })).toBeVisible();
  // Each column starts wide enough for its whole name beside the sort and filter buttons.
  const cutNames = await grid.getByRole('columnheader').evaluateAll((headers) =>
    headers.flatMap((h) => Array.from(h.querySelectorAll<HTMLElement>('span')).filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.textContent)),
  );
  expect(cutNames).toEqual([]);
  await screenshot(page, 'grid-pivot');

  await page.getByTestId('group-menu').click();
  await page.getByTestId('group-clear').click();
  await expect(page.getByTestId('result-total')).toHaveText('30');
});
