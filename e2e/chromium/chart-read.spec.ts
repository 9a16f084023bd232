// Journey: read a chart precisely. Axis titles name the columns and the aggregation,
// the y axis's top carries a label, bars go by value or by category, the tooltip shows
// the exact sum (a BIGINT sum no double can hold), a histogram takes a bin count, the
// chart saves as PNG and SVG, and no developer timings are shown.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { openAnalysisWindow, runSql } from '../analysis-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

const harness = harnessForEachTest('chart-read');

/** Hovers the middle of bar `i` of `n`, just above the x axis (the frame: 76 px left, 20 right, 58 below). */
async function hoverBar(page: Page, i: number, n: number) {
  // The chart may start below the fold (the editor and its toolbars come first).
  await page.getByTestId('chart-canvas').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('chart-canvas').boundingBox())!;
  const width = box.width - 76 - 20;
  await page.mouse.move(box.x + 76 + (width / n) * (i + 0.5), box.y + box.height - 58 - 4);
}

test('bars with titles, order toggle and exact tooltips; histogram bins; PNG and SVG', async () => {
  test.setTimeout(120_000);
  const page = await openAnalysisWindow(harness(), 'Tufte');
  await runSql(
    page,
    "SELECT * FROM (VALUES ('west', 9007199254740993::BIGINT), ('west', 1::BIGINT), ('east', 5::BIGINT), ('north', 7::BIGINT)) t(region, big)",
    '4',
  );
  await page.getByTestId('tab-chart').click();
  const canvas = page.getByTestId('chart-canvas');
  await expect(page.getByTestId('chart-note')).toHaveText('3 bars');
  await expect(canvas).toHaveAttribute('aria-label', 'bar chart: sum of big by region');
  await expect(page.getByTestId('chart-panel')).not.toContainText(/drawn in|\d+ ms/);

  // By value: the largest first; its tooltip has the exact sum of two BIGINTs.
  await hoverBar(page, 0, 3);
  const tip = page.getByTestId('chart-tooltip');
  await expect(tip).toContainText('region: west');
  // Grouped in the viewer's locale (en-US here), every digit kept: 2^53 + 2 is not a double.
  await expect(tip).toContainText('sum of big: 9,007,199,254,740,994');
  await expect(tip).toContainText('2 rows');
  await screenshot(page, 'chart-bar-tooltip');

  // By category: alphabetical.
  await page.getByTestId('chart-order-category').click();
  await hoverBar(page, 0, 3);
  await expect(tip).toContainText('region: east');
  await expect(tip).toContainText('sum of big: 5');
  await hoverBar(page, 2, 3);
  await expect(tip).toContainText('region: west');
  await screenshot(page, 'chart-bar-by-category');

  // Save as PNG and as SVG: downloads with the chart in them.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-save-png').click()]);
  expect(png.suggestedFilename()).toBe('region-bar.png');
  const pngBytes = fs.readFileSync((await png.path())!);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-save-svg').click()]);
  expect(svg.suggestedFilename()).toBe('region-bar.svg');
  const svgText = fs.readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('>sum of big</text>');
  expect(svgText).toContain('>region</text>');
  expect(svgText).toContain('>east</text>');

  // A histogram with a chosen number of bins; a bin's tooltip gives its range and count.
  await page.getByTestId('tab-grid').click();
  await runSql(page, 'SELECT i / 10 AS v FROM range(1000) t(i)', '1,000');
  await page.getByTestId('tab-chart').click();
  await expect(page.getByTestId('chart-kind-histogram')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('chart-bins').fill('10');
  await expect(page.getByTestId('chart-note')).toHaveText('1,000 values');
  await hoverBar(page, 0, 10);
  await expect(tip).toContainText('v: 0 to under 9.99');
  await expect(tip).toContainText('count of rows: 100');
  await expect(canvas).toHaveAttribute('aria-label', 'histogram chart: count of rows by v');
  await screenshot(page, 'chart-histogram-bins');
});
