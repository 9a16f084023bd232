// Journey: the SQL editor by keyboard only — completion of this profile's tables and
// columns, Ctrl+Enter on the statement at the cursor and on a selection, an error
// marked in the gutter with the previous result greyed and labelled, Format, Escape to
// cancel — under the app's CSP (the editor's styles must apply, and nothing is refused).
import { expect, test, type Page } from '@playwright/test';
import { openAnalysis, pasteSql } from '../analysis-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';


const harness = harnessForEachTest('analysis-editor');

const editor = (page: Page) => page.getByTestId('sql-editor');
const stats = (page: Page) => page.getByTestId('result-stats');


/**
 * Accepts the completion offering `option` with Enter. CodeMirror ignores Enter for its
 * interactionDelay (75 ms) after the list opens or changes (Enter then breaks the line,
 * as it should for someone typing on), and on a busy machine the list can open just
 * before the key: the option must have been on offer, selected, for longer than that.
 */
async function acceptCompletion(page: Page, option: string) {
  const selected = page.locator('.cm-tooltip-autocomplete li[aria-selected]');
  await expect(selected).toContainText(option);
  await page.waitForTimeout(200);
  await expect(selected).toContainText(option);
  await page.keyboard.press('Enter');
  // Accepted once the list has closed: a key typed before that can land inside the range
  // the completion then replaces (a CI run lost the comma typed right after "region").
  await expect(page.locator('.cm-tooltip-autocomplete')).toBeHidden();
}

test('keyboard only: complete, run the statement at the cursor or a selection, see errors, format, cancel', async () => {
  test.setTimeout(300_000);
  const page = await harness().openWindow();
  // The editor's style sheet must never be refused. (Chromium's own editing, replacing a
  // selection of coloured text, tries a style attribute the CSP blocks: style-src-attr,
  // harmless, as CodeMirror redraws the line from its state.)
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text()) && !/Applying inline style/.test(m.text())) refused.push(m.text());
  });
  await openAnalysis(page, 'Kim');

  // The editor is CodeMirror with its styles applied (a blocked style sheet would leave
  // the gutters unstyled block elements).
  await expect(editor(page)).toBeVisible();
  const gutters = page.locator('.cm-gutters');
  await expect(gutters).toHaveCSS('display', 'flex');
  await expect(page.locator('.cm-lineNumbers')).toBeVisible();

  await pasteSql(page, "CREATE TABLE sales AS SELECT range AS id, 'r' || (range % 3) AS region, range * 1.5 AS amount FROM range(12)");
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('table-sales')).toBeVisible();

  // Completion: a column of this profile's table, then the table itself.
  await pasteSql(page, '');
  await page.keyboard.type('SELECT regi');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('region');
  await screenshot(page, 'analysis-editor-complete');
  await acceptCompletion(page, 'region');
  await page.keyboard.type(', round(am');
  await acceptCompletion(page, 'amount');
  await page.keyboard.type(') FROM sal');
  await acceptCompletion(page, 'sales');
  await expect(editor(page)).toHaveText('SELECT region, round(amount) FROM sales');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('result-total')).toHaveText('12');
  await expect(stats(page)).toContainText('2 columns');

  // Three statements; the cursor on the second runs only the second.
  await pasteSql(page, 'SELECT 1 AS first;\nSELECT 2 AS second;\nSELECT 3 AS third, 4 AS fourth');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('result-grid').getByRole('columnheader', { name: /second/ })).toBeVisible();
  // "1 row", "1 column": singular where it is one.
  await expect(stats(page)).toContainText('1 row');
  await expect(stats(page)).toContainText('1 column');
  await expect(stats(page)).not.toContainText('1 columns');
  await expect(stats(page)).not.toContainText('1 rows');

  // A selection runs as it is: "4 AS fourth" is not a statement of its own but a SELECT's tail.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('result-grid').getByRole('columnheader', { name: /fourth/ })).toBeVisible();
  await expect(page.getByTestId('run-query')).toContainText('Run selection');

  // An error: marked in the gutter and on the word; the previous result greyed and labelled.
  await pasteSql(page, 'SELECT 1;\nSELECT amount,\n  regoin\nFROM sales');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('query-error')).toContainText('regoin');
  await expect(page.getByTestId('sql-error-mark')).toHaveText('regoin');
  await expect(page.getByTestId('sql-error-gutter')).toBeVisible();
  // The gutter's mark is on line 3 (the line of "regoin"): its dot is level with that line.
  const dot = await page.getByTestId('sql-error-gutter').boundingBox();
  const line3 = await page.locator('.cm-line').nth(2).boundingBox();
  expect(Math.abs(dot!.y + dot!.height / 2 - (line3!.y + line3!.height / 2))).toBeLessThan(line3!.height / 2);
  await expect(page.getByTestId('result-stale')).toContainText('Results of the previous run');
  await screenshot(page, 'analysis-editor-error');

  // "Show in editor" puts the caret on the error; fixing the word clears its mark.
  await page.getByTestId('query-error-position').click();
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.insertText('region');
  await expect(page.getByTestId('sql-error-mark')).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('result-total')).toHaveText('12');
  await expect(page.getByTestId('result-stale')).toHaveCount(0);

  // Format (Shift+Alt+F): clauses on their lines, keywords in capitals; undo brings it back.
  await pasteSql(page, "select region, sum(amount) as total from sales where amount > 3 and region <> 'r1' group by region order by total desc");
  await page.keyboard.press('Shift+Alt+f');
  await expect(page.locator('.cm-line')).toHaveText([
    'SELECT region,',
    '  sum(amount) AS total',
    'FROM sales',
    'WHERE amount > 3',
    "  AND region <> 'r1'",
    'GROUP BY region',
    'ORDER BY total DESC',
  ]);
  await screenshot(page, 'analysis-editor-formatted');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('result-total')).toHaveText('2');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.cm-line')).toHaveCount(1);

  // Escape cancels a running query; the grid says its rows are the previous run's.
  await pasteSql(page, 'SELECT count(*) FROM range(100000000000) a');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('cancel-query')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('query-cancelled')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('result-stale')).toBeVisible();
  await screenshot(page, 'analysis-editor-cancelled');

  // Tab leaves the editor (it does not trap focus) for the toolbar; Clear results by keyboard.
  await editor(page).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('run-query')).toBeFocused();
  await page.getByTestId('result-clear').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('result-placeholder')).toBeVisible();

  expect(refused).toEqual([]);
});
