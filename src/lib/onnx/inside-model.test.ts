import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { maskedLm } from './bert-blocks';
import type { BertHead } from './bert-head';
import { seededRandom } from './fixture/feature-space';
import { serializeModel } from './graph-builder';
import { buildInsideModel, INSIDE_OUTPUTS, referenceInside } from './inside-model';
import { testConfig } from './testing';
import { blankWeights } from './weight-shapes';

const mlmHead = { shapes: (c) => maskedLm.shapes(c) } as BertHead;
const IDS = [2, 7, 9, 3, 11, 3];
const TYPES = [0, 0, 0, 0, 1, 1];

function randomWeights(family: 'bert' | 'distilbert') {
  const config = testConfig(family);
  const weights = blankWeights(config, mlmHead);
  const random = seededRandom(11);
  // Large enough that attention is far from uniform and the lens changes its mind between layers.
  for (const data of Object.values(weights)) for (let i = 0; i < data.length; i++) data[i]! += (random() - 0.5) * 1.2;
  return { config, weights };
}

async function runGraph(family: 'bert' | 'distilbert', lensTop: number) {
  const { config, weights } = randomWeights(family);
  const session = await ort.InferenceSession.create(serializeModel(buildInsideModel({ config, weights, lensTop })));
  const ints = (row: number[]) => new ort.Tensor('int64', BigInt64Array.from(row.map(BigInt)), [1, row.length]);
  const feeds: Record<string, ort.Tensor> = { input_ids: ints(IDS), attention_mask: ints(IDS.map(() => 1)) };
  if (family === 'bert') feeds.token_type_ids = ints(TYPES);
  const out = await session.run(feeds);
  await session.release();
  return { config, out, want: referenceInside(config, weights, IDS, lensTop, TYPES) };
}

const worst = (got: Float32Array, want: number[]) => want.reduce((m, w, i) => Math.max(m, Math.abs(got[i]! - w)), 0);

describe.each(['bert', 'distilbert'] as const)('%s built to be looked inside', (family) => {
  it('answers every attention and hidden state as the reference computes them (fp32 within 1e-4)', async () => {
    const { config, out, want } = await runGraph(family, 3);
    for (let i = 0; i <= config.numLayers; i++) {
      expect(worst(out[INSIDE_OUTPUTS.hidden(i)]!.data as Float32Array, want.hiddens[i]!.flat())).toBeLessThan(1e-4);
    }
    for (let l = 1; l <= config.numLayers; l++) {
      const got = out[INSIDE_OUTPUTS.attention(l)]!;
      expect(got.dims).toEqual([1, config.numHeads, IDS.length, IDS.length]);
      const data = got.data as Float32Array;
      expect(worst(data, want.attentions[l - 1]!.flat(2))).toBeLessThan(1e-4);
      for (let row = 0; row < config.numHeads * IDS.length; row++) {
        const total = data.subarray(row * IDS.length, (row + 1) * IDS.length).reduce((a, b) => a + b, 0);
        expect(Math.abs(total - 1)).toBeLessThan(1e-5);
      }
    }
    // The heads do not all look the same way: otherwise the test could not tell them apart.
    const first = out[INSIDE_OUTPUTS.attention(1)]!.data as Float32Array;
    const perHead = IDS.length * IDS.length;
    expect(worst(first.subarray(0, perHead), Array.from(first.subarray(perHead, 2 * perHead)))).toBeGreaterThan(0.05);
  });

  it('reads the masked-LM head at every hidden state: the same top guesses as the reference', async () => {
    const { config, out, want } = await runGraph(family, 3);
    const p = out[INSIDE_OUTPUTS.lensP]!;
    const ids = Array.from(out[INSIDE_OUTPUTS.lensId]!.data as BigInt64Array, Number);
    expect(p.dims).toEqual([config.numLayers + 1, IDS.length, 3]);
    const wantIds = want.lens!.flat(2).map((g) => g.id);
    expect(ids).toEqual(wantIds);
    expect(worst(p.data as Float32Array, want.lens!.flat(2).map((g) => g.p))).toBeLessThan(1e-4);
    // The guess forms: at some position the embeddings' top-1 is not the last layer's.
    const top1 = (h: number) => want.lens![h]!.map((pos) => pos[0]!.id);
    expect(top1(0)).not.toEqual(top1(config.numLayers));
  });

  it('leaves the lens out when asked for none', async () => {
    const { out } = await runGraph(family, 0);
    expect(out[INSIDE_OUTPUTS.lensP]).toBeUndefined();
  });
});
