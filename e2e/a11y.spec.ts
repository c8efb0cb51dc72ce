import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import LZString from 'lz-string';
import { MIRROR_ID, MIRROR_TUNED_ID } from '../src/lib/mirror/cases.ts';
import type { Page } from '@playwright/test';
import { expect, gotoHat, hatUrl, test, waitForHatStatus, type HatParams } from './support/test.ts';

interface HatCase {
  hat: string;
  model?: string;
  params?: HatParams;
  /** Why this hat's fixture.ts could not be read. */
  error?: string;
}

/**
 * Every hat with a hat.ts (so a new hat is checked without an edit here), opened on its fixture
 * model with its bench case's inputs. fixture.ts needs protobufjs, which Playwright's loader
 * cannot import, so tsx reads the cases in a child process, one hat at a time so that one
 * broken fixture names itself.
 */
function hatCases(): HatCase[] {
  const hats = readdirSync('src/hats').filter((id) => existsSync(`src/hats/${id}/hat.ts`));
  const script = `Promise.all(JSON.parse(process.env.HATS).map((hat) => import('./src/hats/' + hat + '/fixture.ts').then(
    (m) => ({ hat, model: m.benchCase?.model, params: m.benchCase?.params }),
    (e) => ({ hat, error: String(e) }),
  ))).then((cases) => console.log(JSON.stringify(cases)))`;
  const out = execFileSync('npx', ['tsx', '--eval', script], {
    encoding: 'utf8',
    env: { ...process.env, HATS: JSON.stringify(hats), TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
  });
  return JSON.parse(out) as HatCase[];
}

/** The hats that can be opened on a test model, and why the others cannot. */
function openableHats(): { cases: (HatCase & { model: string })[]; broken: string[] } {
  const all = hatCases();
  return {
    cases: all.filter((c): c is HatCase & { model: string } => !c.error && !!c.model),
    broken: all.filter((c) => c.error || !c.model).map((c) => `${c.hat}: ${c.error ?? 'its fixture.ts has no benchCase'}, so it cannot be opened on a test model`),
  };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`).join('\n')}`);
}

/** One lesson with every hat as a step: stepping through it keeps one page and one worker, so ONNX Runtime starts once. */
function everyHatLesson(cases: (HatCase & { model: string })[]): string {
  const steps = cases.map((c) => ({ link: hatUrl({ hat: c.hat, model: c.model, ...c.params }).replace('./?', ''), note: `Axe check: ${c.hat}` }));
  return LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, title: 'Every hat', steps }));
}

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
  await page.goto(`./?lesson=${everyHatLesson(cases)}`);
  await check(cases[0]!, 0);
  for (const [i, c] of cases.slice(1).entries()) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await check(c, i + 1);
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('at 375 px wide nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const few = openableHats().cases.filter((c) => ['question-answering', 'token-classification', 'base-model'].includes(c.hat));
  expect(few).toHaveLength(3);
  for (const c of few) {
    await gotoHat(page, { hat: c.hat, model: c.model, ...c.params });
    await waitForHatStatus(page, 'ready');
    // Measure the page as it is with its answer drawn (charts and their tables are in it by then).
    await expect(page.getByTestId('hat-output')).not.toContainText(/The answer appears here|Opening…/);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width, `${c.hat} is ${width} px wide`).toBeLessThanOrEqual(375);
  }
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
