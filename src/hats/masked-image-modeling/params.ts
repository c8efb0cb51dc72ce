import { changed, collect, intParam, readNumber } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';
import { formatPatches, parsePatches } from './masking';
import { isSample, OWN_IMAGE, SAMPLES } from './samples';

/** A picture the person dropped, pasted or chose: a centred square, RGB, kept in the page only. */
export interface OwnImage {
  name: string;
  side: number;
  /** side · side · 3 bytes, row by row. */
  rgb: Uint8ClampedArray;
  /** What was done to it on the way in (cropped, flattened onto white, …). */
  notes: string[];
}

export interface MimParams {
  /** A sample's name, or 'own' for the person's own picture (`own`). */
  image: string;
  /** Share of patches hidden when the mask is random. */
  mask_ratio: number;
  seed: number;
  /** Hidden patches picked by hand; null = the seeded random mask. */
  patches: number[] | null;
  /** Never written into a link: images do not leave the browser. */
  own?: OwnImage;
}

export const MAX_MASK_RATIO = 0.95;
export const MAX_SEED = 999_999_999;
/** Larger than any patch grid the curated models have (14 × 14 = 196). */
const MAX_PATCH_INDEX = 4095;

const sampleLabel = (name: string) => SAMPLES.find((s) => s.name === name)?.label ?? name;

export const mimCodec: ParamsCodec<MimParams> = {
  defaults: { image: 'cat', mask_ratio: 0.75, seed: 1, patches: null },
  parse(query) {
    const c = collect();
    const d = this.defaults;
    let image = d.image;
    const rawImage = query.get('image');
    if (rawImage === OWN_IMAGE) {
      c.notices.push(`This link was made with the sender's own picture, which never leaves their browser; showing the sample “${sampleLabel(d.image)}” instead. Drop your own picture to try yours.`);
    } else if (rawImage !== null) {
      if (isSample(rawImage)) image = rawImage;
      else c.notices.push(`There is no sample image called “${rawImage.slice(0, 40)}”; showing “${sampleLabel(d.image)}” instead.`);
    }
    let mask_ratio = d.mask_ratio;
    const ratio = readNumber(query, 'mask_ratio', false);
    if (ratio.kind === 'empty') c.notices.push(ratio.notice);
    else if (ratio.kind === 'number' && ratio.value >= 0 && ratio.value <= MAX_MASK_RATIO) mask_ratio = ratio.value;
    else if (ratio.kind !== 'absent') {
      const shown = ratio.kind === 'invalid' ? ratio.raw : String(ratio.value);
      c.notices.push(`The link's “mask_ratio” (${shown}) must be a number from 0 to ${MAX_MASK_RATIO}; using ${d.mask_ratio}.`);
    }
    const seed = c.take(intParam(query, 'seed', d.seed, 0, MAX_SEED));
    let patches = d.patches;
    const rawPatches = query.get('patches');
    if (rawPatches !== null) {
      patches = parsePatches(rawPatches, MAX_PATCH_INDEX) ?? null;
      if (!patches) c.notices.push(`The link's “patches” (${rawPatches.slice(0, 40)}) is not a list of patch numbers like 0-3,7; using the random mask.`);
    }
    return { params: { image, mask_ratio, seed, patches }, notices: c.notices };
  },
  serialize(p) {
    const d = this.defaults;
    return [
      ...changed([
        ['image', p.image, d.image],
        ['mask_ratio', p.mask_ratio, d.mask_ratio],
        ['seed', p.seed, d.seed],
      ]),
      ...(p.patches ? ([['patches', formatPatches(p.patches)]] as [string, string][]) : []),
    ];
  },
};
