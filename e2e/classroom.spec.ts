import jsQR from 'jsqr';
import LZString from 'lz-string';
import type { Page } from '@playwright/test';
import { expect, gotoHat, sameElements, test, waitForHatStatus } from './support/test.ts';

const MLM = { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm' };

test('presenter mode: no settings, arrow keys step through hats, S spotlights, Escape leaves', async ({ page }) => {
  await gotoHat(page, { ...MLM, text: 'the cat says [MASK] .', present: '1' });
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(page.getByRole('button', { name: 'Settings' })).toHaveCount(0);
  await expect(page.getByTestId('presenter-hints')).toContainText('previous / next hat');
  await waitForHatStatus(page, 'ready');

  const pegs = page.getByRole('navigation', { name: 'Hats' }).getByRole('button');
  const names = await pegs.allInnerTexts();
  const at = names.findIndex((n) => n.includes('Masked language modeling'));
  await page.keyboard.press('ArrowRight');
  await expect(pegs.nth(at + 1)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', 'masked-lm');
  // In a text field the arrows move the caret, not the class.
  const text = page.getByRole('textbox', { name: /Text with/ });
  await text.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', 'masked-lm');
  await text.blur();

  await page.keyboard.press('s');
  await expect(page.getByTestId('spotlight-shade')).toBeVisible();
  await expect(page.locator('#hat-output-panel')).toHaveCSS('z-index', '50');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('spotlight-shade')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible();
  await expect(page).not.toHaveURL(/present=1/);
});

test('a teacher builds a lesson; its link opens in a fresh browser and steps through with the inputs restored', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoHat(page, { ...MLM, text: 'the dog says [MASK] .' });
  await page.getByRole('button', { name: 'Build a lesson' }).click();
  await page.getByRole('textbox', { name: 'Lesson title' }).fill('Two hats');
  await page.getByRole('button', { name: 'Add this hat as a step' }).click();
  await page.getByRole('textbox', { name: 'Note to the class for step 1' }).fill('What does the dog say?');
  await page.getByRole('checkbox', { name: 'Lock the inputs' }).check();
  // The draft stays in this browser while the teacher opens the next hat.
  await gotoHat(page, { hat: 'sequence-classification', model: 'hw-test/tiny-distilbert-sst2', text: 'this movie was great' });
  await page.getByRole('button', { name: 'Build a lesson' }).click();
  await page.getByRole('button', { name: 'Add this hat as a step' }).click();
  const second = page.getByTestId('lesson-step-editor').nth(1);
  await second.getByRole('textbox', { name: 'Note to the class for step 2' }).fill('Is this review happy?');
  await second.getByRole('checkbox', { name: 'Hide the inputs' }).check();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as a file' }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe('two-hats.lesson.json');
  // The file brings the lesson back into an emptied builder.
  await page.getByRole('button', { name: 'Start a new lesson' }).click();
  await expect(page.getByTestId('lesson-step-editor')).toHaveCount(0);
  await page.getByLabel('Import a file').setInputFiles(file);
  await expect(page.getByTestId('notice').filter({ hasText: 'Imported “Two hats” (2 steps).' })).toBeVisible();
  await expect(page.getByTestId('lesson-step-editor')).toHaveCount(2);
  await page.getByRole('button', { name: 'Copy lesson link' }).click();
  await expect(page.getByText('Lesson link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\?lesson=[\w+-]+$/);

  const fresh = await browser.newContext();
  const student = await fresh.newPage();
  await student.goto(link);
  await expect(student.getByTestId('lesson-step')).toHaveText('Step 1 of 2: Masked language modeling');
  await expect(student.getByTestId('lesson-note')).toHaveText('What does the dog say?');
  await expect(student.getByRole('textbox', { name: /Text with/ })).toHaveValue('the dog says [MASK] .');
  await expect(student.getByRole('textbox', { name: /Text with/ })).toBeDisabled();
  await waitForHatStatus(student, 'ready');
  await expect(student.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('woof');

  // The step buttons are the same elements on every step: a press while the next hat loads lands.
  const stepButtons = await sameElements(student.getByRole('button', { name: 'Previous step' }), student.getByRole('button', { name: 'Next step' }));
  await student.keyboard.press('ArrowRight');
  await expect(student.getByTestId('lesson-step')).toHaveText('Step 2 of 2: Sequence classification');
  await expect(student.getByTestId('lesson-note')).toHaveText('Is this review happy?');
  await expect(student.getByTestId('inputs-summary')).toContainText('this movie was great');
  await waitForHatStatus(student, 'ready');
  await expect(student.getByTestId('top-label')).toHaveText('POSITIVE');
  await stepButtons.check();
  await student.getByRole('button', { name: 'Previous step' }).click();
  await expect(student.getByRole('textbox', { name: /Text with/ })).toHaveValue('the dog says [MASK] .');
  await fresh.close();
});

test('a corrupt, cut-short or too-long lesson link says why; a step whose hat or model is gone says why and the rest opens', async ({ page }) => {
  const lesson = {
    v: 1,
    title: 'Old and new',
    steps: [
      { link: 'v=1&hat=sombrero&text=hola', note: 'A hat that was removed' },
      { link: 'v=1&hat=masked-lm&model=hw-test%2Fno-such-model', note: 'A model that was deleted' },
      { link: 'v=1&hat=masked-lm&model=hw-test%2Ftiny-bert-mlm&text=the+cat+says+%5BMASK%5D+.', note: 'This one works' },
    ],
  };
  const encoded = LZString.compressToEncodedURIComponent(JSON.stringify(lesson));
  const notice = page.getByTestId('notice');

  await page.goto(`./?lesson=${encoded.slice(0, encoded.length / 2)}`);
  await expect(notice.filter({ hasText: 'damaged or cut short' })).toBeVisible();
  await expect(page.getByTestId('hat-view')).toBeVisible();
  await page.goto(`./?lesson=${'A'.repeat(13_000)}`);
  await expect(notice.filter({ hasText: 'too long' })).toBeVisible();

  await page.goto(`./?lesson=${encoded}`);
  await expect(page.getByTestId('broken-step')).toContainText('“sombrero”');
  await expect(page.getByTestId('hat-view')).toHaveCount(0);
  await page.getByRole('button', { name: 'Next step' }).click();
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId('model-error')).toContainText('“hw-test/no-such-model” could not be found');
  await page.getByRole('button', { name: 'Next step' }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
});

/** What the QR code in the dialog says, read back from its pixels. */
async function decodeQr(page: Page): Promise<string | undefined> {
  const pixels = await page.getByTestId('qr-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { base64: btoa(binary), width, height };
  });
  return jsQR(new Uint8ClampedArray(Buffer.from(pixels.base64, 'base64')), pixels.width, pixels.height)?.data;
}

test('the QR code, full screen, decodes back to the link it shows, and offers the published site for a link to this computer', async ({ page }) => {
  await gotoHat(page, { ...MLM, text: 'the cat says [MASK] .' });
  const opener = page.getByRole('button', { name: 'QR code' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Scan to open this on your phone' });
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const url = await page.getByTestId('qr-url').innerText();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hat-wardrobe\/\?v=1&hat=masked-lm&model=hw-test%2Ftiny-bert-mlm&text=/);
  expect(await decodeQr(page)).toBe(url);

  // 127.0.0.1 is this computer: no phone can open that. The build names its published address (playwright.config.ts).
  await expect(dialog.getByTestId('link-warning')).toContainText('This link points at 127.0.0.1, this computer itself: phones and other computers cannot open it.');
  await dialog.getByRole('button', { name: 'Show the published link' }).click();
  const published = url.replace(/^http:\/\/127\.0\.0\.1:\d+\/hat-wardrobe\//, 'https://hat-wardrobe.example/');
  await expect(page.getByTestId('qr-url')).toHaveText(published);
  await expect(dialog.getByTestId('link-warning')).toHaveCount(0);
  await expect.poll(() => decodeQr(page)).toBe(published);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
