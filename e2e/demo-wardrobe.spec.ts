import type { Page } from '@playwright/test';
import { HUNGRY_CAT } from '../src/hats/multiple-choice/cases.ts';
import { MOOD_PREDICTIONS } from '../src/hats/custom-head/cases.ts';
import { serveBuild } from './support/static-site.ts';
import { expect, HUB_URL, hatUrl, offlineAgain, test, waitForHatStatus } from './support/test.ts';

/*
 * The demo wardrobe (host=demo): tiny models with hand-set weights that ship with the build. Each
 * hat opens from a link with no inputs, so it shows the demo model's own example, whose answer the
 * model's fixture.ts fixes.
 */
const answers: [hat: string, check: (page: Page) => Promise<void>][] = [
  ['sequence-classification', (p) => expect(p.getByTestId('top-label')).toHaveText('POSITIVE')],
  ['masked-lm', (p) => expect(p.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('meow')],
  ['question-answering', (p) => expect(p.getByTestId('answer-highlight')).toHaveText(/^(the )?park$/)],
  ['token-classification', (p) => expect(p.getByTestId('entity-text').first()).toHaveText('Miya')],
  ['multiple-choice', (p) => expect(p.getByTestId('best-choice')).toHaveText(HUNGRY_CAT.choices[HUNGRY_CAT.expected.index]!)],
  ['next-sentence-prediction', (p) => expect(p.getByTestId('nsp-verdict')).toHaveText('IsNext')],
  ['pretraining', (p) => expect(p.getByTestId('mlm-top')).toHaveText('meow')],
  ['base-model', (p) => expect(p.getByTestId('pair-cosine')).toHaveText(/^0\.\d{3}$|^1\.000$/)],
  ['causal-lm', (p) => expect(p.getByTestId('generated-text')).toHaveText(' sat on the mat.')],
  ['seq2seq-lm', (p) => expect(p.getByTestId('generated-text')).toHaveText('die Katze')],
  ['masked-image-modeling', (p) => expect(p.getByTestId('mim-output')).toBeVisible()],
  [
    'custom-head',
    async (p) => {
      await p.getByRole('button', { name: "Load sample: Miya's diary: mood" }).click();
      await expect(p.getByRole('button', { name: 'Train the head' })).toBeEnabled();
      await p.getByRole('button', { name: 'Train the head' }).click();
      await p.getByRole('textbox', { name: 'Text for the head' }).fill(MOOD_PREDICTIONS[0].text);
      await expect(p.getByTestId('prediction')).toHaveText(MOOD_PREDICTIONS[0].label);
    },
  ],
];

test.describe('built-in demo wardrobe', () => {
  // The offline half needs the app's service worker.
  test.use({ serviceWorkers: 'allow' });

  test('a build served with no network and no model host answers on every hat, from its own origin, and offline', async ({ page, context }) => {
    test.setTimeout(300_000);
    const site = await serveBuild();
    const origin = new URL(site.url).origin;
    // Everything but the site itself is cut, the model host the build names (the test hub) included.
    const outside: string[] = [];
    await context.route(
      (url) => url.protocol.startsWith('http') && url.origin !== origin,
      (route) => (outside.push(route.request().url()), route.abort('internetdisconnected')),
    );
    context.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith('http') && url.origin !== origin) outside.push(r.url());
    });
    try {
      // This server sends no COOP/COEP: the first visit reloads once into isolation (isolation.spec.ts).
      await page.goto(new URL(hatUrl({ host: 'demo' }), site.url).href);
      await page.waitForFunction(() => self.crossOriginIsolated);
      for (const [hat, check] of answers) {
        await page.goto(new URL(hatUrl({ hat, host: 'demo' }), site.url).href);
        await expect(page.getByTestId('demo-banner')).toContainText('tiny teaching models with hand-set weights');
        await expect(page.getByTestId('demo-knows')).toContainText('What it knows:');
        await waitForHatStatus(page, ['ready', 'idle']);
        await check(page);
        await expect(page.getByTestId('connection-status')).toContainText('demo wardrobe (built in)');
      }
      expect(outside, `requests that left ${origin}`).toEqual([]);

      // The service worker keeps the demo with the app: with the browser's model cache emptied and
      // the network gone, a checkpoint hat (Range requests) and an ONNX hat still answer.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-shell', 'ready');
      await page.evaluate(() => caches.delete('transformers-cache'));
      await context.setOffline(true);
      for (const [hat, check] of [answers[4]!, answers[1]!]) {
        await page.goto(new URL(hatUrl({ hat, host: 'demo' }), site.url).href);
        await waitForHatStatus(page, 'ready');
        await check(page);
      }
      await offlineAgain(page);
      await expect(page.getByTestId('connection-status')).toContainText('Offline');
      expect(outside, `requests that left ${origin}`).toEqual([]);
    } finally {
      await site.close();
    }
  });
});

test('when the model host cannot be reached, the badge says so and one click opens the demo wardrobe', async ({ page, context }) => {
  await context.route(`${HUB_URL}/**`, (route) => route.abort('connectionrefused'));
  await page.goto(hatUrl({ hat: 'masked-lm', text: 'the dog says [MASK] .' }));
  await waitForHatStatus(page, 'error');
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveAttribute('data-reach', 'unreachable');
  await expect(status).toContainText('Online, model host unreachable');
  await page.getByTestId('model-error').getByRole('button', { name: 'Open the demo wardrobe' }).click();
  await waitForHatStatus(page, 'ready');
  // What was typed stays; the answer comes from the demo model.
  await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('woof');
  await expect(page).toHaveURL(/[?&]host=demo(&|$)/);
  await expect(status).toHaveAttribute('data-reach', 'ok');

  // Every other hat now opens on its demo model too.
  await page.getByRole('navigation', { name: 'Hats' }).getByText('Question answering', { exact: true }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('answer-highlight')).toHaveText(/^(the )?park$/);

  // A link can choose the demo and nothing else: any other host is refused with a reason.
  await page.goto(hatUrl({ hat: 'masked-lm', host: 'https://models.example', text: 'the cat says [MASK] .' }));
  await expect(page.getByTestId('notice').first()).toContainText('A link can only choose the demo wardrobe');
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
});
