import type { AttentionMap, InsideLook } from '@/lib/inside';
import { attentionMap, hiddenStates, type GraphOutput } from '@/worker/sdk';
import type { VitMaeModel } from './checkpoint';
import { explicitMask, type MaskPlan } from './masking';

/*
 * Inside the MAE (the panel's look, src/lib/inside): the graph is already built from the
 * checkpoint, so a look costs no download.
 * [1] The encoder reads [CLS] and the patches left visible, and each of its heads weighs them
 *     against each other; the kept patches are fed in grid order here (their order changes nothing).
 * [2] The decoder reads [CLS] and every patch in grid order (ids_restore put them back): the visible
 *     ones as the encoder left them, the hidden ones as the one shared mask token plus the position.
 */

/** Where in the grid a patch sits, 1-based, as the panel labels it. */
export const patchLabel = (patch: number, grid: number) => `r${Math.floor(patch / grid) + 1} c${(patch % grid) + 1}`;

interface Seen {
  pixels: Float32Array;
  /** The picture as the model read it (size × size RGB). */
  original: Uint8ClampedArray;
  label: string;
  plan: MaskPlan;
}

export const DECODER_NOTE =
  'The decoder reads every patch. A starred one (r1 c1*) was hidden: all it holds is the shared mask token and its place in the grid, like an empty cushion that only knows where it lies, so its heads must borrow from the visible patches what to paint there.';

export async function lookInside(model: VitMaeModel, seen: Seen, provenance: { source: string; dtype: string }): Promise<InsideLook> {
  const c = model.config;
  const grid = c.imageSize / c.patchSize;
  const all = grid * grid;
  const inOrder = explicitMask(all, seen.plan.hidden); // [1]
  const out: Record<string, GraphOutput> = await model.look(seen.pixels, inOrder.idsKeep, inOrder.idsRestore);
  const tokens = ['[CLS]', ...inOrder.idsKeep.map((p) => patchLabel(p, grid))];
  const encoder: AttentionMap = { ...attentionMap(out, 'encoder self', '', c.numLayers, tokens, tokens), patches: [null, ...inOrder.idsKeep] };
  const hidden = new Set(seen.plan.hidden);
  const every = Array.from({ length: all }, (_, p) => p); // [2]
  const decoderTokens = ['[CLS]', ...every.map((p) => `${patchLabel(p, grid)}${hidden.has(p) ? '*' : ''}`)];
  const decoder: AttentionMap = {
    ...attentionMap(out, 'decoder self', 'decoder', c.decoderLayers, decoderTokens, decoderTokens),
    patches: [null, ...every],
    note: DECODER_NOTE,
  };
  return {
    kind: 'look',
    source: provenance.source,
    dtype: provenance.dtype,
    attention: [encoder, decoder],
    hidden: hiddenStates(out, '', c.numLayers, tokens),
    picture: { rgb: seen.original, size: c.imageSize, grid, label: seen.label },
    gaps: {},
  };
}
