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

test('keyboard only: skip to the input, walk the hat strip with arrows, edit, see the output, open and close the settings', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await gotoHat(page, { hat: 'sequence-classification', model: 'hw-test/tiny-distilbert-sst2', text: 'this movie was awful' });
  await waitForHatStatus(page, 'ready');

  // One Tab to the skip link, which shows itself, and Enter lands in the hat's first field.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: "Skip to the hat's input" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  const text = page.getByRole('textbox', { name: 'Text', exact: true });
  await expect(text).toBeFocused();
  expect(await focusShows(text)).toBe(true);

  // The strip is one tab stop, the worn hat; the arrows, Home and End walk it, and show what is off-screen.
  const pegs = page.getByRole('navigation', { name: 'Hats' });
  const worn = pegs.getByRole('button', { name: /Sequence classification/ });
  await tabTo(page, worn, 'Shift+Tab');
  expect(await focusShows(worn)).toBe(true);
  await expect(pegs.getByTestId('hats-after')).toHaveAccessibleName(/^\d+ more hats$/);
  await page.keyboard.press('ArrowRight');
  const mlm = pegs.getByRole('button', { name: /Masked language modeling/ });
  await expect(mlm).toBeFocused();
  await page.keyboard.press('End');
  await expect(pegs.getByRole('listitem').last().getByRole('button')).toBeFocused();
  await expect(pegs.getByTestId('hats-before')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(worn).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', 'masked-lm');
  await expect(mlm).toBeFocused();
  // Once the hat has loaded: while it loads, the Tab below can land on the loading line's Cancel, which
  // leaves the page when the model is ready (focus then moves on, and Shift+Tab starts from there).
  await waitForHatStatus(page, 'ready');
  // Leaving the strip takes one Tab, whichever peg had the focus.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('nav[aria-label="Hats"]') === null)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  await expect(mlm).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', 'sequence-classification');

  await tabTo(page, text);
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
  await expect(settings).toBeFocused();
});

test('keyboard only: a fill-in guess written into the text leaves the focus in the text', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'ready');
  const guess = page.getByRole('button', { name: /^Fill mask 1 with “meow”/ });
  await tabTo(page, guess);
  await page.keyboard.press('Enter');
  const text = page.getByRole('textbox', { name: /Text with/ });
  await expect(text).toHaveValue('the cat says meow .');
  await expect(text).toBeFocused();
});
