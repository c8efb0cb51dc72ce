import type { Locator, Page } from '@playwright/test';
import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/** The focused element shows where it is: an outline or a ring (box-shadow). */
async function focusShows(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const style = getComputedStyle(el);
    return el.matches(':focus-visible') && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
  });
}

test('keyboard only: pick a hat, edit its input, see the output, open and close the settings', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await gotoHat(page, { hat: 'sequence-classification', model: 'hw-test/tiny-distilbert-sst2', text: 'this movie was awful' });
  await waitForHatStatus(page, 'ready');
  const pegs = page.getByRole('navigation', { name: 'Hats' });

  const mlm = pegs.getByRole('button', { name: /Masked language modelling/ });
  await tabTo(page, mlm);
  expect(await focusShows(mlm)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', 'masked-lm');
  const cls = pegs.getByRole('button', { name: /Sequence classification/ });
  await tabTo(page, cls, 'Shift+Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', 'sequence-classification');

  const text = page.getByRole('textbox', { name: 'Text', exact: true });
  await tabTo(page, text);
  expect(await focusShows(text)).toBe(true);
  await page.keyboard.press('End');
  for (let i = 0; i < 'awful'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('great');
  await expect(page.getByTestId('top-label')).toHaveText('POSITIVE');

  const settings = page.getByRole('button', { name: 'Settings' });
  await tabTo(page, settings, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Settings' });
  await expect(panel).toBeVisible();
  // Reduced motion: transitions are cut to nothing.
  expect(await settings.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration))).toBeLessThan(0.001);
  await tabTo(page, panel.getByRole('button', { name: 'Close' }));
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
});
