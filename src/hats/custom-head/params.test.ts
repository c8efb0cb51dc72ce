import { describe, expect, it } from 'vitest';
import { encodeHeadLink, HEAD_LINK_MAX } from './head-codec';
import hat from './hat';
import { customHeadCodec } from './params';
import { DEFAULT_SETTINGS, type Head } from './types';

function head(hiddenSize: number, outputs = 2, hidden?: number): Head {
  const dense = (i: number, o: number) => ({ inSize: i, outSize: o, weight: Float32Array.from({ length: i * o }, (_, k) => ((k * 7919) % 97) / 97 - 0.5), bias: new Float32Array(o) });
  return {
    task: 'classification',
    labels: Array.from({ length: outputs }, (_, k) => `l${k}`),
    encoder: { model: 'hw-test/tiny-minilm', pooling: 'mean', normalize: true, hiddenSize },
    layers: hidden ? [dense(hiddenSize, hidden), dense(hidden, outputs)] : [dense(hiddenSize, outputs)],
    settings: DEFAULT_SETTINGS,
  };
}

describe('custom-head params', () => {
  it('round-trips text and a head through a link', () => {
    const p = { text: 'nap time', head: encodeHeadLink(head(32)) };
    const back = customHeadCodec.parse(new URLSearchParams(customHeadCodec.serialize(p)));
    expect(back).toEqual({ params: p, notices: [] });
    expect(customHeadCodec.serialize(customHeadCodec.defaults)).toEqual([]);
  });

  it('refuses a broken head in a link with a notice and keeps the page working', () => {
    const { params, notices } = customHeadCodec.parse(new URLSearchParams({ head: 'not-a-head', text: 'hi' }));
    expect(params).toEqual({ text: 'hi', head: '' });
    expect(notices[0]).toMatch(/^The link's head was refused: /);
  });

  it('leaves an oversized head out of the link', () => {
    const big = encodeHeadLink(head(384, 3, 64));
    expect(big.length).toBeGreaterThan(HEAD_LINK_MAX);
    expect(customHeadCodec.serialize({ text: 'x', head: big })).toEqual([['text', 'x']]);
    expect(customHeadCodec.parse(new URLSearchParams({ head: big })).notices[0]).toMatch(/more than the 6,000 a link may carry/);
  });

  it('validate asks for a head, then for one that fits the encoder', () => {
    const facts = { modelType: 'bert', architectures: [], hiddenSize: 32, maxLength: 64, hasTokenTypeIds: true };
    const noop = () => undefined;
    expect(hat.validate({ text: 'a', head: '' }, facts, noop)?.message).toMatch(/Train or import a head first/);
    expect(hat.validate({ text: 'a', head: encodeHeadLink(head(16)) }, facts, noop)?.message).toMatch(/reads 16-number sentence vectors, but the loaded encoder makes 32-number ones/);
    expect(hat.validate({ text: ' ', head: encodeHeadLink(head(32)) }, facts, noop)?.message).toMatch(/text is empty/);
    expect(hat.validate({ text: 'a', head: encodeHeadLink(head(32)) }, facts, noop)).toBeNull();
  });
});
