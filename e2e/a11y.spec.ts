import { MIRROR_ID, MIRROR_TUNED_ID } from '../src/lib/mirror/cases.ts';
import { MLM_ID } from '../src/hats/masked-lm/cases.ts';
import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe.ts';
import { everyHatLesson, openableHats, type HatCase } from './support/hat-cases.ts';
import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';

test('every hat view has no serious or critical axe violations, in normal and presenter mode', async ({ page }) => {
  const { cases, broken } = openableHats();
  // A guard, not a speed check: on a busy 2-core machine one hat's load, run and two axe passes can take 25 s.
  test.setTimeout(30_000 * cases.length + 30_000);
  // A hat that cannot be opened on a test model fails the test too, after the others are checked.
  const found: string[] = [...broken];
  const check = async (c: HatCase, i: number) => {
    await expect(page.getByTestId('lesson-step')).toHaveText(new RegExp(`^Step ${i + 1} of ${cases.length}`));
    await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', c.hat);
    await waitForHatStatus(page, 'ready');
    await expect(page.getByTestId('hat-output')).not.toContainText('The answer appears here.');
    for (const v of await seriousViolations(page)) found.push(`${c.hat} · normal: ${v}`);
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(page.locator('html')).toHaveClass(/presenter/);
    for (const v of await seriousViolations(page)) found.push(`${c.hat} · presenter: ${v}`);
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(page.locator('html')).not.toHaveClass(/presenter/);
  };
  await page.goto(`./?lesson=${everyHatLesson(cases, 'Axe check')}`);
  await check(cases[0]!, 0);
  for (const [i, c] of cases.slice(1).entries()) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await check(c, i + 1);
  }
  expect(found, found.join('\n')).toEqual([]);
});

function problemsAt375(hat: string, width: number, fieldBottom: number, smallestChartText: number): string[] {
  return [
    width > 375 && `${hat} is ${width} px wide`,
    fieldBottom > 667 && `${hat}: its first input ends at y=${Math.round(fieldBottom)}, below the first screen`,
    smallestChartText < 11 && `${hat}: chart text drawn ${smallestChartText.toFixed(1)} px tall`,
  ].filter((p) => typeof p === 'string');
}

/** The smallest text in the output's charts as drawn on screen (font size times the SVG's scale), in px. */
function smallestChartText(page: Page): Promise<number> {
  return page.getByTestId('hat-output').evaluate((output) => {
    let smallest = Infinity;
    for (const svg of output.querySelectorAll('svg[viewBox]')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    return smallest;
  });
}

test('at 375 px wide nothing scrolls sideways, and every hat has its input on the first screen', async ({ page }) => {
  const { cases } = openableHats();
  test.setTimeout(15_000 * cases.length + 30_000);
  await page.setViewportSize({ width: 375, height: 667 });
  const found: string[] = [];
  for (const c of cases) {
    await gotoHat(page, { hat: c.hat, model: c.model, ...c.params });
    await waitForHatStatus(page, 'ready');
    // Measure the page as it is with its answer drawn (charts and their tables are in it by then).
    await expect(page.getByTestId('hat-output')).not.toContainText(/The answer appears here|Opening…/);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    const field = page.getByTestId('hat-input').locator('textarea, input, select, button').first();
    const box = (await field.boundingBox())!;
    found.push(...problemsAt375(c.hat, width, box.y + box.height, await smallestChartText(page)));
  }
  expect(found, found.join('\n')).toEqual([]);
  // The row for another Hub model, with its long label, fits too.
  await page.getByText(/^Model: /).click();
  await page.getByRole('combobox', { name: 'Model' }).selectOption({ label: 'Another model from the Hub…' });
  await expect(page.getByRole('textbox', { name: /Hub model id/ })).toBeVisible();
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
});

test('the mirror view has no serious or critical axe violations, in normal and presenter mode', async ({ page }) => {
  await gotoHat(page, { view: 'mirror', model: MIRROR_ID, tuned: MIRROR_TUNED_ID });
  await expect(page.getByTestId('mirror-view')).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  await expect(page.getByTestId('mirror-drift')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  // With a head's rows outlined, so the highlighted picture and its table are checked too.
  await page.getByRole('button', { name: 'Reads [CLS] only' }).click();
  const found = (await seriousViolations(page)).map((v) => `normal: ${v}`);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  found.push(...(await seriousViolations(page)).map((v) => `presenter: ${v}`));
  expect(found, found.join('\n')).toEqual([]);
});

test('a hat with its Inside panel open has no serious or critical axe violations, in normal and presenter mode', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: MLM_ID, text: 'the cat says [MASK] .', inside: 'attention', layer: '1', head: 'all' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('attention-heads').getByRole('button').first()).toBeVisible();
  const found = (await seriousViolations(page)).map((v) => `normal: ${v}`);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(page.getByTestId('inside-panel')).toBeVisible();
  found.push(...(await seriousViolations(page)).map((v) => `presenter: ${v}`));
  expect(found, found.join('\n')).toEqual([]);
});
