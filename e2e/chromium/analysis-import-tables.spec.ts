// Journey: import a wide CSV through the fixed import screen (a table-name field of
// full height, a type dropdown with search, a button that says what will happen, a
// preview that shows it scrolls sideways, the sidebar up to date when "Imported" shows),
// "Import a file…" starting afresh after an import, then the table managed from the
// sidebar: describe, rename, export as JSON (saying sort and filter do not apply), drop
// after a confirmation naming the rows lost.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openAnalysisWindow } from '../analysis-steps.js';
import { harnessForEachTest, screenshot, tempDirForEachTest } from '../harness/harness.js';


const harness = harnessForEachTest('analysis-import-tables');
const files = tempDirForEachTest('import-tables');

/** 240 rows × 12 columns: wider than the import screen. */
function writeWideCsv(): string {
  const head = ['id', 'region', 'amount', 'day', 'customer_name', 'product_category', 'shipping_address', 'notes_free_text', 'q1', 'q2', 'q3', 'q4'];
  const lines = [head.join(',')];
  for (let i = 1; i <= 240; i++) {
    lines.push([i, ['north', 'south'][i % 2], (i * 1.25).toFixed(2), `2024-03-${String((i % 28) + 1).padStart(2, '0')}`, `Customer ${i}`, `Category ${i % 5}`, `${i} Long Street Some Town`, `note ${i}`, i, i * 2, i * 3, i * 4].join(','));
  }
  const file = path.join(files(), 'Sales Q1.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

test('import screen fixed, import again afresh, then describe, rename, export JSON and drop the table', async () => {
  test.setTimeout(300_000);
  const page = await openAnalysisWindow(harness(), 'Lea');

  await page.getByTestId('open-import').click();
  harness().dialogs.answers.push(writeWideCsv());
  await page.getByTestId('import-browse').click();
  await expect(page.getByTestId('import-preview')).toBeVisible();

  // The table-name field is a full-height field, not squashed by its column.
  const nameBox = await page.getByTestId('import-table-name').boundingBox();
  expect(nameBox!.height).toBeGreaterThanOrEqual(30);
  // The button says what will happen; the caption says how much is shown and that it scrolls.
  await expect(page.getByTestId('import-submit')).toHaveText('Import 240 rows into sales_q1');
  const caption = page.getByTestId('import-preview-caption');
  await expect(caption).toContainText('The first 100 rows of 240 · 12 columns');
  await expect(caption).toContainText('scroll sideways');
  const box = page.getByTestId('import-preview-box');
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  // The type of a column: a dropdown of DuckDB types, searched by typing, picked by keyboard.
  const amountType = page.getByTestId('import-col-type-amount');
  await amountType.focus();
  await expect(page.getByTestId('import-col-type-amount-options')).toBeVisible();
  await page.keyboard.type('dec');
  const options = page.getByTestId('import-col-type-amount-options').getByRole('option');
  await expect(options.first()).toContainText('DECIMAL(18,2)');
  await expect(options).toHaveCount(2);
  await screenshot(page, 'analysis-import-type-dropdown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(amountType).toHaveValue('DECIMAL(38,10)');
  await expect(page.getByTestId('import-col-type-amount-options')).toBeHidden();
  // Escape leaves a column's type as it was.
  await page.getByTestId('import-col-type-q1').focus();
  await page.keyboard.type('VARCHAR');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-col-type-q1')).toHaveValue('BIGINT');
  // A taken name changes what the button says (and does).
  await page.getByTestId('import-table-name').fill('weekly');
  await expect(page.getByTestId('import-submit')).toHaveText('Import 240 rows into weekly');
  await page.getByTestId('import-table-name').fill('sales_q1');
  await screenshot(page, 'analysis-import-preview-fixed');

  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 240 rows into sales_q1');
  // At the moment "Imported" shows, the sidebar already lists the table.
  expect(await page.getByTestId('tables-empty').count()).toBe(0);
  await expect(page.getByTestId('table-sales_q1')).toContainText('240');
  await screenshot(page, 'analysis-import-done-sidebar');

  // "Import a file…" after an import: the file chooser again, not the finished panel.
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-drop-zone')).toBeVisible();
  await expect(page.getByTestId('import-done')).toHaveCount(0);
  await screenshot(page, 'analysis-import-again');
  await page.getByTestId('import-close').click();

  // Describe: the table's columns and types, as a result.
  await page.getByTestId('table-sales_q1').click();
  await page.getByTestId('describe-sales_q1').click();
  await expect(page.getByTestId('result-total')).toHaveText('12');
  await expect(page.getByTestId('result-grid')).toContainText('DECIMAL(38,10)');

  // Rename by keyboard in its dialog.
  await page.getByTestId('rename-sales_q1').click();
  await expect(page.getByTestId('rename-table-name')).toBeFocused();
  await page.keyboard.type('sales_2024');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('table-sales_2024')).toBeVisible();
  await expect(page.getByTestId('table-sales_q1')).toHaveCount(0);

  // Export says the grid's sort and filter do not apply to a table; JSON is offered.
  await page.getByTestId('table-sales_2024').click();
  await page.getByTestId('export-sales_2024').click();
  await expect(page.getByTestId('export-scope')).toContainText('sort and filters do not apply');
  await page.getByTestId('export-format-json').check();
  await screenshot(page, 'analysis-export-json');
  const out = path.join(files(), 'sales.json');
  harness().dialogs.answers.push(out);
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('export-done')).toContainText('240 rows');
  const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as { id: number; region: string }[];
  expect(exported).toHaveLength(240);
  expect(exported[0]).toMatchObject({ id: 1, region: 'south' });
  await page.getByRole('button', { name: 'Done' }).click();

  // A result's export says whether its sort and filter apply.
  await page.getByTestId('query-sales_2024').click();
  await expect(page.getByTestId('result-total')).toHaveText('240');
  await page.getByTestId('export-result').click();
  await expect(page.getByTestId('export-scope')).toContainText('no sort or filter is applied');
  await page.keyboard.press('Escape');

  // Drop: the confirmation names what is lost; Escape keeps the table, the button drops it.
  await page.getByTestId('drop-sales_2024').click();
  await expect(page.getByTestId('drop-table-lost')).toContainText('240 rows and 12 columns will be deleted');
  await screenshot(page, 'analysis-drop-confirm');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('drop-table-dialog')).toHaveCount(0);
  await expect(page.getByTestId('table-sales_2024')).toBeVisible();
  await page.getByTestId('drop-sales_2024').click();
  await page.getByTestId('drop-table-submit').click();
  await expect(page.getByTestId('tables-empty')).toBeVisible();
});
