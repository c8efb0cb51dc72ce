import type { Page } from '@playwright/test';
import { appRun, median } from '../app-page';
import { coldLoad, reload, type HatLink } from './checkpoint';
import type { RealBench } from './context';
import { MIM_ID } from './models';

export interface MimFigures {
  /** Per cold load: from the last checkpoint byte arriving to the hat being ready. */
  readyMs: number[];
  /** Per reload (a new page in the same browser profile, as checkpoint.ts's reload): from opening the page to ready. */
  reloadMs: number[];
  /** Per cold load: the page's renderer's high-water mark. */
  peakMb: number[];
  /** Median warm run in q8: a new mask over the same picture (49 of 196 patches seen, all 196 painted). */
  runMs: number;
}

const LINK: HatLink = { hat: 'masked-image-modeling', params: { model: MIM_ID, dtype: 'q8', image: 'sunset', mask_ratio: '0.75', seed: '1' } };

/**
 * Masked image modeling on a 448 MB ViT-MAE model.safetensors (vit-mae-base's size), q8: cold loads
 * (each in a new browser profile, memory watched), a reload after each, then warm runs with a new seed each.
 */
export async function benchMim(b: RealBench, loads: number): Promise<MimFigures> {
  const f: MimFigures = { readyMs: [], reloadMs: [], peakMb: [], runMs: NaN };
  let page: Page | undefined;
  for (let i = 0; i < loads; i++) {
    await page?.context().close();
    const cold = await coldLoad(b, LINK);
    f.readyMs.push(cold.ready);
    f.peakMb.push(cold.peak);
    const second = await reload(b, cold.page, LINK);
    f.reloadMs.push(second.ms);
    page = second.page;
    b.log(`bench: ViT-MAE load ${i + 1}/${loads}: ready ${cold.ready} ms after the download (${cold.cold} ms in all), peak ${Math.round(cold.peak)} MB; reload ${second.ms} ms`);
  }
  const runs: number[] = [];
  for (let i = 0; i <= b.runs; i++) {
    const ms = (await appRun(page!, 'Seed', String(i + 2))).ms;
    if (i > 0) runs.push(ms);
  }
  b.log(`bench: ViT-MAE warm runs (q8): ${runs.map(Math.round).join(' ')} ms`);
  f.runMs = median(runs);
  await page!.context().close();
  return f;
}
