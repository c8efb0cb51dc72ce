// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeModel } from '@/lib/onnx';
import { referenceVitMae, referenceVitMaeInside } from '@/lib/onnx/vit-mae';
import { EngineError, type CheckpointDeps, type CheckpointRuntime } from '@/worker/sdk';
import { depsWith, FIXTURES_ROOT, loadContext, nodeRuntime, startHub, type Hub } from '@/worker/sdk/testing';
import { MIM_ID, MIM_NO_DECODER_ID, MIM_NO_SAFETENSORS_ID } from './cases';
import { loadVitMae, vitMaeSource } from './checkpoint';
import { mimConfig, mimWeights } from './fixture';
import { lookInside } from './inside';
import { explicitMask, randomMask } from './masking';
import { compose, normalize, patchStats, predictionImage } from './pixels';

/*
 * The tiny ViT-MAE fixture through the loader: served by the test hub, Range-read, built in the
 * page's way, run on ONNX Runtime for Node in fp32 and q8. Its known answer: every hidden patch
 * is painted in the mean colour of the visible ones; and the graph agrees with the reference.
 */

let hub: Hub;
let runtime: CheckpointRuntime;
let deps: () => CheckpointDeps;

beforeAll(async () => {
  hub = await startHub(FIXTURES_ROOT);
  runtime = await nodeRuntime();
  deps = () => depsWith(runtime);
});
afterAll(() => hub?.close());
beforeEach(() => hub.resetLog());

/** A 32 × 32 test picture: a warm left half and a cool right half, with a gradient down. */
function picture(): Uint8ClampedArray {
  const rgb = new Uint8ClampedArray(32 * 32 * 3);
  for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) rgb.set(x < 16 ? [220, 120 + y * 3, 40] : [30, 90, 200 - y * 4], (y * 32 + x) * 3);
  return rgb;
}

describe.each(['fp32', 'q8'] as const)('the ViT-MAE fixture in %s', (dtype) => {
  it('paints every hidden patch in the visible patches’ mean colour, as the reference does', async () => {
    const model = await loadVitMae(loadContext(hub.url, MIM_ID, dtype).ctx, deps());
    expect(model.config).toEqual(mimConfig);
    expect(model.provenance.bodyTensorCount + model.provenance.headTensors.length).toBe(Object.keys(mimWeights()).length);
    const rgb = picture();
    const pixels = normalize(rgb, 32, model.norm.mean, model.norm.std);
    for (const seed of [1, 2, 3]) {
      const mask = randomMask(16, 0.75, seed);
      const logits = await model.run(pixels, mask.idsKeep, mask.idsRestore);
      if (dtype === 'fp32') {
        const want = referenceVitMae(mimConfig, mimWeights(), pixels, mask.idsKeep, mask.idsRestore);
        expect(logits.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i]!)), 0)).toBeLessThan(1e-4);
      }
      const prediction = predictionImage(logits, 4, 8, model.norm.mean, model.norm.std);
      const stats = patchStats(rgb, compose(rgb, prediction, mask.hidden, 4, 8), mask.hidden, 4, 8);
      expect(stats.rows).toHaveLength(12);
      for (const row of stats.rows) for (let c = 0; c < 3; c++) expect(Math.abs(row.predicted[c]! - stats.visibleMean[c]!)).toBeLessThan(dtype === 'fp32' ? 0.003 : 0.01);
    }
    const st = hub.log().filter((e) => e.url.endsWith('model.safetensors'));
    expect(st.every((e) => e.status === 206)).toBe(true);
    await model.dispose();
  });
});

it('a look inside answers the encoder over [CLS] and the visible patches and the decoder over every patch, placed on the grid, as the reference computes them', async () => {
  const model = await loadVitMae(loadContext(hub.url, MIM_ID, 'fp32').ctx, deps());
  const original = picture();
  const pixels = normalize(original, 32, model.norm.mean, model.norm.std);
  const plan = randomMask(16, 0.75, 1); // hides all but 1, 12, 14 and 15
  const look = await lookInside(model, { pixels, original, plan, label: 'halves' }, { source: MIM_ID, dtype: 'fp32' });
  const [encoder, decoder] = look.attention;
  expect(encoder).toMatchObject({ name: 'encoder self', queries: ['[CLS]', 'r1 c2', 'r4 c1', 'r4 c3', 'r4 c4'], patches: [null, 1, 12, 14, 15] });
  expect(decoder?.name).toBe('decoder self');
  expect(decoder?.patches).toEqual([null, ...Array.from({ length: 16 }, (_, i) => i)]);
  expect(decoder?.queries.slice(0, 4)).toEqual(['[CLS]', 'r1 c1*', 'r1 c2', 'r1 c3*']);
  expect(look.picture).toMatchObject({ size: 32, grid: 4, label: 'halves' });
  const inOrder = explicitMask(16, plan.hidden);
  const want = referenceVitMaeInside(mimConfig, mimWeights(), pixels, inOrder.idsKeep, inOrder.idsRestore);
  const worst = (got: Float32Array, flat: number[]) => flat.reduce((m, w, i) => Math.max(m, Math.abs(got[i]! - w)), 0);
  expect(worst(encoder!.layers[0]!, want.attentions[0]!.flat(2))).toBeLessThan(1e-4);
  expect(worst(decoder!.layers[0]!, want.decoderAttentions[0]!.flat(2))).toBeLessThan(1e-4);
  await model.dispose();
});

describe('the q8 build', () => {
  it('quantizes the matrices as they arrive and the activations on the fly, telling the page each stage', async () => {
    const graphs: Uint8Array[] = [];
    const watched = depsWith({ createSession: (graph, device, data) => (graphs.push(graph), runtime.createSession(graph, device, data)) });
    const stages: string[] = [];
    const model = await loadVitMae({ ...loadContext(hub.url, MIM_ID, 'q8').ctx, onStage: (s) => stages.push(s.label) }, watched);
    expect([...new Set(stages)]).toEqual(['Reading and quantizing tensors', 'Building the graph', 'Quantizing activations', 'Writing the .onnx file', 'Starting ONNX Runtime on the graph']);
    // The fixture's one matrix above the 8-bit size (decoder_pred, 192 × 16) is multiplied as bytes, its input quantized per run.
    const ops = decodeModel(graphs[0]!).graph.node.map((n) => n.op_type);
    expect(ops.filter((op) => op === 'MatMulInteger')).toHaveLength(1);
    expect(ops).toContain('DynamicQuantizeLinear');
    await model.dispose();
  });

  it('is kept: a second visit opens the graph it built without reading a tensor, and paints the same pixels', async () => {
    const first = deps() as ReturnType<typeof depsWith>;
    const pixels = normalize(picture(), 32, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]);
    const mask = randomMask(16, 0.75, 4);
    const one = await loadVitMae(loadContext(hub.url, MIM_ID, 'q8').ctx, first);
    const answer = await one.run(pixels, mask.idsKeep, mask.idsRestore);
    await one.dispose();
    const built = (await first.shared.keys()).map((k) => k.url).filter((u) => u.includes('/built/'));
    expect(built).toEqual([expect.stringMatching(/\/resolve\/main\/built\/vit-mae-pretraining\.q8\.onnx\?builders=[0-9a-f]{12}&etag=%22[0-9a-f]{64}%22&size=\d+$/)]);
    hub.resetLog();
    const stages: string[] = [];
    const two = await loadVitMae({ ...loadContext(hub.url, MIM_ID, 'q8').ctx, onStage: (s) => stages.push(s.label) }, depsWith(runtime, first.shared));
    expect(stages).toEqual(['Opening the model built on an earlier visit', 'Starting ONNX Runtime on the graph']);
    expect(hub.log()).toEqual([]);
    expect(await two.run(pixels, mask.idsKeep, mask.idsRestore)).toEqual(answer);
    await two.dispose();
  });
});

describe('ViT-MAE loader error paths', () => {
  it('no model.safetensors', async () => {
    const error = await vitMaeSource(deps()).availableDtypes({ model: MIM_NO_SAFETENSORS_ID, host: hub.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message).toMatch(/has no model\.safetensors/);
  });

  it('an encoder-only checkpoint: the missing decoder is named, after reading only the header', async () => {
    await expect(vitMaeSource(deps()).availableDtypes({ model: MIM_NO_DECODER_ID, host: hub.url })).rejects.toThrow(/has no tensor decoder\.decoder_embed\.weight .*no decoder/);
    expect(hub.log().filter((e) => e.url.includes('safetensors')).map((e) => e.range)).toEqual(['bytes=0-7', expect.stringMatching(/^bytes=8-/)]);
  });

  it('a BERT checkpoint is refused by name', async () => {
    await expect(vitMaeSource(deps()).availableDtypes({ model: 'hw-test/tiny-bert-pretraining', host: hub.url })).rejects.toThrow(/is a bert checkpoint.*vit_mae/);
  });

  it('lists what a load reads', async () => {
    const files = await vitMaeSource(deps()).files({ model: MIM_ID, host: hub.url, dtype: 'q8', device: 'wasm' });
    expect(files.map((f) => f.file)).toEqual(['config.json', 'preprocessor_config.json', expect.stringMatching(/^model\.safetensors \(\d+ tensors\)$/)]);
    expect(files.every((f) => f.bytes > 0)).toBe(true);
  });
});
