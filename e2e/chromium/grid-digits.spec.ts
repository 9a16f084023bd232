// Journey: wide numbers in narrow grid columns never lose digits on screen. A number
// that does not fit shows its leading digits and an ellipsis (never its trailing digits
// alone, which read as another number), hovering and the cell inspector show every
// digit, and a type name that does not fit ends in an ellipsis with the full type on hover.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openAnalysisWindow } from '../analysis-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';


const harness = harnessForEachTest('grid-digits');

const VALUES = {
  big: '9007199254740993',
  dec: '123456789012345678901234567890123456.78',
  huge: '-170141183460469231731687303715884105728',
};

/** Narrows a column by dragging its header's right edge. */
async function narrow(page: Page, header: Locator, to: number) {
  const box = (await header.boundingBox())!;
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + to, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBeLessThanOrEqual(to + 1);
}

/** Where the cell's text starts and ends on screen, against the cell's content box. */
const textPlacement = (cell: Locator) =>
  cell.evaluate((el) => {
    const span = el.querySelector('span[title]') ?? el;
    const range = document.createRange();
    range.selectNodeContents(span);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const spanStyle = getComputedStyle(span);
    const contentLeft = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const contentRight = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    return {
      textLeft: text.left,
      contentLeft,
      clipped: text.width > contentRight - contentLeft + 0.5,
      ellipsis: spanStyle.textOverflow,
      shownRight: Math.min(text.right, span.getBoundingClientRect().right),
      contentRight,
    };
  });

test('BIGINT, DECIMAL(38,2) and HUGEINT in narrow columns keep their leading digits', async () => {
  test.setTimeout(120_000);
  const page = await openAnalysisWindow(harness(), 'Nia');

  const editor = page.getByTestId('sql-editor');
  await editor.fill(
    `SELECT ${VALUES.big}::BIGINT AS big, ${VALUES.dec}::DECIMAL(38,2) AS dec, (${VALUES.huge})::HUGEINT AS huge, 42::BIGINT AS small`,
  );
  await editor.press('Control+Enter');
  await expect(page.getByTestId('result-total')).toHaveText('1', { timeout: 20_000 });
  const grid = page.getByTestId('result-grid');
  const row = grid.locator('[data-row="0"]');

  for (const [name, value] of Object.entries(VALUES)) {
    const header = grid.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    await narrow(page, header, 70);
    const cell = row.getByRole('gridcell').nth(Object.keys(VALUES).indexOf(name));
    // Every digit is in the cell and on hover, whatever is shown.
    await expect(cell).toHaveText(value);
    await expect(cell.locator('span[title]')).toHaveAttribute('title', value);
    const at = await textPlacement(cell);
    expect(at.clipped, `${name} should not fit in 70 px`).toBe(true);
    // The first digit sits at the cell's left edge: nothing is cut at the start.
    expect(Math.abs(at.textLeft - at.contentLeft), `${name}: text starts ${at.textLeft - at.contentLeft}px off the left edge`).toBeLessThan(1.5);
    expect(at.ellipsis).toBe('ellipsis');
    expect(at.shownRight).toBeLessThanOrEqual(at.contentRight + 0.5);
    // The type header does not fit either: it ends in an ellipsis and shows the full type on hover.
    const type = header.locator(`[title="${name === 'dec' ? 'DECIMAL(38,2)' : name === 'big' ? 'BIGINT' : 'HUGEINT'}"]`);
    await expect(type).toBeVisible();
    expect(await type.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
  }
  await expect
    .poll(() => grid.getByRole('columnheader', { name: /^dec/ }).locator('[title="DECIMAL(38,2)"]').evaluate((el) => el.scrollWidth > el.clientWidth))
    .toBe(true);

  // A number that fits is still right-aligned.
  const small = row.getByRole('gridcell').nth(3);
  const fit = await textPlacement(small);
  expect(fit.clipped).toBe(false);
  expect(Math.abs(fit.shownRight - fit.contentRight)).toBeLessThan(1.5);

  await screenshot(page, 'grid-digits-narrow');

  // The inspector shows the exact value.
  await row.getByRole('gridcell').nth(1).dblclick();
  await expect(page.getByTestId('cell-detail')).toContainText(VALUES.dec);
  await screenshot(page, 'grid-digits-inspector');
});
