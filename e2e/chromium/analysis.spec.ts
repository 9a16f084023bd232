// Journey: import a CSV (preview, rename, import), query it, reach the last row of a
// ten-million-row result, sort by a header, filter, chart, export, a positioned SQL
// error, cancel, history, a column profile, and rejected rows — in real Chromium
// against the real core and DuckDB.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openAnalysisWindow } from '../analysis-steps.js';
import { dragFile, dropFile, harnessForEachTest, screenshot, tempDirForEachTest } from '../harness/harness.js';

const harness = harnessForEachTest('analysis');
const files = tempDirForEachTest('analysis-files');

function writeSalesCsv(): string {
  const lines = ['id,region,amount,big,day,at,flag,note'];
  const regions = ['north', 'south', 'east', 'west'];
  for (let i = 1; i <= 240; i++) {
    const note = i === 2 ? '' : i === 3 ? '"has, comma"' : `note ${i}`;
    lines.push(
      [
        i,
        regions[i % 4],
        `${(i * 13.37).toFixed(2)}`,
        i === 1 ? '9007199254740993' : String(1_000_000_000_000 + i),
        `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        `2024-01-01 ${String(i % 24).padStart(2, '0')}:30:00`,
        i % 3 === 0 ? 'true' : 'false',
        note,
      ].join(','),
    );
  }
  const file = path.join(files(), 'Sales Q1.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function runSql(page: Page, sql: string) {
  const editor = page.getByTestId('sql-editor');
  await editor.fill(sql);
  await editor.press('Control+Enter');
}

const grid = (page: Page) => page.getByTestId('result-grid');
const gridRow = (page: Page, index: number) => grid(page).locator(`[data-row="${index}"]`);

test('import, query, scroll to the last of 10M rows, sort, filter, chart, export', async () => {
  test.setTimeout(180_000);
  const page = await openAnalysisWindow(harness(), 'Ada');
  await expect(page.getByTestId('tables-empty')).toContainText('No tables yet');
  await expect(page.getByTestId('result-placeholder')).toBeVisible();
  await screenshot(page, 'analysis-empty');

  // Import: the open dialog (main answers a token and the file's name; there is no way
  // to type a path), then the preview.
  const csv = writeSalesCsv();
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-drop-zone')).toBeVisible();
  await screenshot(page, 'analysis-import-choose');
  harness().dialogs.answers.push(csv);
  await page.getByTestId('import-browse').click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('tbody tr')).toHaveCount(100);
  await expect(page.getByTestId('import-col-type-amount')).toHaveValue(/DOUBLE|DECIMAL/);
  await expect(page.getByTestId('import-col-type-day')).toHaveValue('DATE');
  await expect(page.getByTestId('import-table-name')).toHaveValue('sales_q1');
  // Exact digits beyond 2^53 in the preview.
  await expect(preview.locator('tbody tr').first()).toContainText('9007199254740993');
  await page.getByTestId('import-col-name-note').fill('remark');
  await screenshot(page, 'analysis-import-preview');

  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 240 rows into sales_q1');
  await screenshot(page, 'analysis-import-done');
  await expect(page.getByTestId('table-sales_q1')).toContainText('240');

  // Query the new table from the import's last step.
  await page.getByTestId('import-query-table').click();
  await expect(page.getByTestId('result-total')).toHaveText('240');
  await expect(gridRow(page, 0)).toContainText('9007199254740993');
  await grid(page).focus();
  await grid(page).press('End');
  await expect(grid(page).getByRole('columnheader', { name: /remark/ })).toBeVisible();
  await screenshot(page, 'analysis-table-query');
  // NULL reads apart from text.
  await runSql(page, "SELECT NULL::VARCHAR AS missing, '' AS blank, 123.4500::DECIMAL(10,4) AS exact, 170141183460469231731687303715884105727::HUGEINT AS huge, [1,2,3] AS list, {'a': 1, 'b': 'x'} AS obj, '\\xAA\\xBB'::BLOB AS bytes, INTERVAL 90 MINUTE AS span, DATE '2024-02-29' AS d");
  await expect(page.getByTestId('result-total')).toHaveText('1');
  await expect(gridRow(page, 0)).toContainText('NULL');
  await expect(gridRow(page, 0)).toContainText('123.4500');
  await expect(gridRow(page, 0)).toContainText('170141183460469231731687303715884105727');
  // Columns are virtualised too: End brings the last one into view.
  await gridRow(page, 0).getByRole('gridcell').first().click();
  await grid(page).press('End');
  await expect(gridRow(page, 0)).toContainText('2024-02-29');
  await expect(gridRow(page, 0)).toContainText('aa bb');
  await grid(page).press('Home');
  // The struct column (sixth) may lie beyond the drawn columns: reach it by keyboard,
  // which scrolls it into view, then open it in the inspector.
  for (let i = 0; i < 5; i++) await grid(page).press('ArrowRight');
  await grid(page).press('Enter');
  await expect(page.getByTestId('cell-detail')).toContainText('a');
  await screenshot(page, 'analysis-types');
  await page.getByRole('button', { name: 'Close cell value' }).click();

  // Ten million rows: the true count, and the very last row reachable.
  await runSql(page, 'SELECT range AS n, range * 2 AS twice FROM range(10000000)');
  await expect(page.getByTestId('result-total')).toHaveText('10,000,000');
  await grid(page).focus();
  await grid(page).press('Control+End');
  await expect(gridRow(page, 9_999_999)).toContainText('9999999');
  await expect(gridRow(page, 9_999_999)).toContainText('19999998');
  await expect(gridRow(page, 9_999_999)).toBeInViewport();
  await expect(page.getByTestId('result-range')).toContainText('10,000,000');
  await screenshot(page, 'analysis-last-row-keyboard');

  // The scrollbar maps to every row too: the middle of the thumb is the middle row.
  await grid(page).evaluate((el) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
  });
  await expect(page.getByTestId('result-range')).toContainText(/rows 4,99\d,\d{3}–5,00\d,\d{3}/);
  await grid(page).evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(gridRow(page, 9_999_999)).toContainText('19999998');
  await screenshot(page, 'analysis-last-row-scrollbar');

  // Sort by clicking a header: ascending, then descending; the SQL is shown.
  await page.getByTestId('sort-n').click();
  await expect(page.getByTestId('generated-sql')).toContainText('ORDER BY');
  await page.getByTestId('sort-n').click();
  await expect(page.getByTestId('generated-sql')).toContainText(/DESC/i);
  await expect(gridRow(page, 0)).toContainText('9999999');
  await screenshot(page, 'analysis-sorted');

  // Filter from a header.
  await page.getByTestId('filter-n').click();
  await page.getByTestId('filter-popover').getByLabel('Operator').selectOption('<');
  await page.getByTestId('filter-value').fill('1000');
  await page.getByTestId('filter-popover').getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('result-total')).toHaveText('1,000');
  await expect(page.getByTestId('result-stats')).toContainText('of 10,000,000');
  await expect(page.getByTestId('generated-sql')).toContainText('WHERE');
  await screenshot(page, 'analysis-filtered');

  // Charts on canvas, 100k points.
  await runSql(page, 'SELECT i AS x, sin(i / 5000.0) * 100 + (i % 97) AS y, (i % 7)::VARCHAR AS bucket FROM range(100000) t(i)');
  await expect(page.getByTestId('result-total')).toHaveText('100,000');
  await page.getByTestId('tab-chart').click();
  await page.getByTestId('chart-kind-scatter').click();
  await page.getByTestId('chart-x').selectOption({ label: 'x' });
  await page.getByTestId('chart-y').selectOption({ label: 'y' });
  await expect(page.getByTestId('chart-note')).toContainText('100,000 values', { timeout: 20_000 });
  await screenshot(page, 'analysis-chart-scatter');
  await page.getByTestId('chart-kind-bar').click();
  await page.getByTestId('chart-x').selectOption({ label: 'bucket' });
  await expect(page.getByTestId('chart-note')).toContainText('7 bars');
  await screenshot(page, 'analysis-chart-bar');
  await page.getByTestId('chart-kind-histogram').click();
  await page.getByTestId('chart-x').selectOption({ label: 'y' });
  await expect(page.getByTestId('chart-note')).toContainText('100,000 values');
  await screenshot(page, 'analysis-chart-histogram');
  await page.getByTestId('chart-kind-line').click();
  await page.getByTestId('chart-x').selectOption({ label: 'x' });
  await page.getByTestId('chart-y').selectOption({ label: 'y' });
  await expect(page.getByTestId('chart-note')).toContainText('100,000 values');
  await screenshot(page, 'analysis-chart-line');
  await page.getByTestId('tab-grid').click();

  // Export the result to CSV and a table to Parquet.
  const csvOut = path.join(files(), 'out.csv');
  await page.getByTestId('export-result').click();
  await screenshot(page, 'analysis-export');
  harness().dialogs.answers.push(csvOut); // the person picks this file in the save dialog
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('export-done')).toContainText('100,000 rows');
  expect(fs.readFileSync(csvOut, 'utf8').split('\n')[0]).toBe('x,y,bucket');
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByTestId('table-sales_q1').click();
  // Its size on disk: the storage blocks it takes (a small table: about one block).
  await expect(page.getByTestId('table-facts-sales_q1')).toContainText(/240 rows.*8 columns.*\d+(\.\d+)? (KB|MB)/);
  await screenshot(page, 'analysis-table-facts');
  await page.getByTestId('export-sales_q1').click();
  await page.getByTestId('export-dialog').getByText('Parquet').click();
  const parquetOut = path.join(files(), 'sales.parquet');
  harness().dialogs.answers.push(parquetOut);
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('export-done')).toContainText('240 rows');
  expect(fs.readFileSync(parquetOut).subarray(0, 4).toString()).toBe('PAR1');
  await page.getByRole('button', { name: 'Done' }).click();

  // Column profile on demand.
  await page.getByTestId('column-sales_q1-amount').click();
  await expect(page.getByTestId('column-profile')).toBeVisible();
  await expect(page.getByTestId('profile-distinct')).toContainText('240');
  await screenshot(page, 'analysis-column-profile');
  await page.getByRole('button', { name: 'Close column profile' }).click();

  // A SQL error with its position marked.
  await runSql(page, 'SELECT amount,\n  regoin\nFROM sales_q1');
  await expect(page.getByTestId('query-error')).toContainText('regoin');
  await expect(page.getByTestId('query-error-position')).toContainText('Line 2');
  await expect(page.getByTestId('sql-error-mark')).toHaveText('regoin');
  await screenshot(page, 'analysis-sql-error');

  // Cancel interrupts DuckDB.
  await runSql(page, 'SELECT count(*) FROM range(100000000000) a');
  await expect(page.getByTestId('cancel-query')).toBeVisible();
  await page.getByTestId('cancel-query').click();
  await expect(page.getByTestId('query-cancelled')).toBeVisible({ timeout: 15_000 });

  // History keeps every run, with status; rerun from it.
  await page.getByTestId('side-history').click();
  const history = page.getByTestId('history-list');
  await expect(history).toContainText('range(10000000)');
  await expect(history.getByRole('img', { name: 'Failed' }).first()).toBeVisible();
  await expect(history.getByRole('img', { name: 'Cancelled' }).first()).toBeVisible();
  await screenshot(page, 'analysis-history');
  await history.getByRole('listitem').filter({ hasText: 'range(10000000)' }).last().getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByTestId('result-total')).toHaveText('10,000,000');
});

test('rejected rows: see why, then import the good rows', async () => {
  const page = await openAnalysisWindow(harness(), 'Bo');
  const file = path.join(files(), 'counts.csv');
  fs.writeFileSync(file, 'id,qty\n1,5\n2,7\n3,oops\n4,9\n');

  // Through the native open dialog; the good rows are imported with the same token.
  await page.getByTestId('open-import').click();
  harness().dialogs.answers.push(file);
  await page.getByTestId('import-browse').click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-col-type-qty').fill('BIGINT');
  await page.getByTestId('import-col-type-qty').press('Enter');
  await page.getByTestId('import-submit').click();
  const rejected = page.getByTestId('import-rejected');
  await expect(rejected).toContainText('1 row does not fit');
  await expect(page.getByTestId('import-reject-samples')).toContainText('oops');
  await screenshot(page, 'analysis-import-rejected');
  await page.getByTestId('import-good-rows').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 3 rows');
  await screenshot(page, 'analysis-import-good-rows');
});

test('drag a CSV onto the analysis screen: preview, rename, import', async () => {
  const page = await openAnalysisWindow(harness(), 'Cy');
  const file = path.join(files(), 'dropped visits.csv');
  fs.writeFileSync(file, 'id,city,at\n1,Oslo,2024-07-01 12:00:00+02\n2,Lima,2024-07-02 08:30:00.25+00\n');

  // Anywhere on the screen, with the SQL editor showing.
  const screen = page.getByTestId('section-analysis');
  const drag = await dragFile(page, screen, file);
  await expect(page.getByTestId('analysis-drop-overlay')).toBeVisible();
  await screenshot(page, 'analysis-drop-over-screen');
  await drag.drop();
  await expect(page.getByTestId('analysis-drop-overlay')).toBeHidden();
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('import-table-name')).toHaveValue('dropped_visits');
  await expect(page.getByTestId('import-col-type-at')).toHaveValue(/TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ/);
  const previewed = await preview.locator('tbody tr').first().locator('td').nth(3).innerText();
  await page.getByTestId('import-col-name-city').fill('City name');
  await screenshot(page, 'analysis-drop-preview');

  // A second column named like another is refused before the import runs.
  await page.getByTestId('import-col-name-id').fill('CITY NAME');
  await expect(page.getByTestId('import-setup')).toContainText('Two columns would be named');
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  await page.getByTestId('import-col-name-id').fill('id');

  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 2 rows into dropped_visits');
  await page.getByTestId('import-query-table').click();
  await expect(page.getByTestId('result-total')).toHaveText('2');
  await expect(grid(page).getByRole('columnheader', { name: /City name/ })).toBeVisible();
  // The TIMESTAMPTZ reads the same in the preview as in the result grid.
  await expect(gridRow(page, 0)).toContainText(previewed);

  // The import area's own drop zone; then a file with no path on disk.
  await page.getByTestId('open-import').click();
  const zone = page.getByTestId('import-drop-zone');
  await dropFile(page, zone, file);
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('import-table-name')).toHaveValue('dropped_visits');
  await page.getByRole('button', { name: 'Choose another file' }).click();
  const fromWeb = path.join(files(), 'from a web page.csv');
  fs.writeFileSync(fromWeb, 'a\n1\n');
  await dropFile(page, page.getByTestId('import-drop-zone'), fromWeb, false);
  await expect(page.getByTestId('import-flow')).toContainText('cannot import the dropped file');
  await screenshot(page, 'analysis-drop-no-path');
});
