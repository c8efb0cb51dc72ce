import type { Locator, Page } from '@playwright/test';
import { everyHatLesson, openableHats } from './support/hat-cases.ts';
import { expect, test, waitForHatStatus } from './support/test.ts';

/** Where `box` sticks out of the viewport, in words (empty when it is fully inside). */
async function outside(page: Page, target: Locator): Promise<string> {
  const box = await target.boundingBox();
  const view = page.viewportSize()!;
  if (!box) return 'not drawn';
  const out: string[] = [];
  if (box.y < 0) out.push(`top at ${Math.round(box.y)}`);
  if (box.x < 0) out.push(`left at ${Math.round(box.x)}`);
  if (box.y + box.height > view.height) out.push(`bottom at ${Math.round(box.y + box.height)} > ${view.height}`);
  if (box.x + box.width > view.width) out.push(`right at ${Math.round(box.x + box.width)} > ${view.width}`);
  return out.join(', ');
}

for (const view of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test(`presenter mode at ${view.width}×${view.height}: every hat's input and output are on the first screen, stepping by keyboard`, async ({ page }) => {
    const { cases, broken } = openableHats();
    test.setTimeout(20_000 * cases.length + 30_000);
    await page.setViewportSize(view);
    await page.goto(`./?present=1&lesson=${everyHatLesson(cases, 'On the projector')}`);
    const found: string[] = [...broken];
    const check = async (hat: string, i: number) => {
      await expect(page.getByTestId('lesson-step')).toHaveText(new RegExp(`^Step ${i + 1} of ${cases.length}`));
      await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', hat);
      await waitForHatStatus(page, 'ready');
      await expect(page.getByTestId('hat-output')).not.toContainText(/The answer appears here|Opening…/);
      expect(await page.evaluate(() => window.scrollY), `${hat}: the page scrolled`).toBe(0);
      found.push(`${hat} input: ${await outside(page, page.getByTestId('hat-input'))}`, `${hat} output: ${await outside(page, page.locator('#hat-output-panel'))}`);
    };
    await check(cases[0]!.hat, 0);
    for (const [i, c] of cases.slice(1).entries()) {
      await page.keyboard.press('ArrowRight');
      await check(c.hat, i + 1);
    }
    const problems = found.filter((f) => !f.endsWith(': '));
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('presenter mode: the intro, model and explanation are one click away; the spotlight fills the screen with a larger output', async ({ page }) => {
  const { cases } = openableHats();
  const c = cases.find((h) => h.hat === 'sequence-classification')!;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`./?present=1&lesson=${everyHatLesson([c], 'Spotlight')}`);
  await waitForHatStatus(page, 'ready');
  const heading = page.locator('#hat-output-panel h3');
  await expect(page.getByTestId('top-label')).toBeVisible();
  const before = (await heading.boundingBox())!;

  await expect(page.getByTestId('miya-tip')).toBeHidden();
  await page.getByText('About this hat').click();
  await expect(page.getByTestId('miya-tip')).toBeVisible();
  await page.getByText('About this hat').click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toBeHidden();
  await page.getByText(/^Model: /).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toBeVisible();
  await page.getByText(/^Model: /).click();
  await page.getByRole('link', { name: 'Explanation' }).click();
  await expect(page.getByRole('complementary', { name: 'What this hat does' })).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));

  await page.keyboard.press('s');
  const panel = await page.locator('#hat-output-panel').boundingBox();
  expect(panel!.width).toBeGreaterThan(1280 * 0.95);
  expect(panel!.height).toBeGreaterThan(720 * 0.95);
  expect((await heading.boundingBox())!.height).toBeGreaterThan(before.height * 1.3);
  await expect(page.getByTestId('top-label')).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('spotlight-shade')).toHaveCount(0);
});
