import { describe, expect, it } from 'vitest';
import { BertTokenizer, type Tensor } from '@huggingface/transformers';
import type { FixtureModelSpec } from '@/lib/onnx/fixture/fixture-spec';
import { VOCAB } from '@/lib/onnx/fixture/test-vocab';
import { tokenizerConfig, tokenizerJson } from '../../scripts/fixtures/hub-files';
import type { AdapterLoadContext } from './adapter';
import { encode, pretrainedOptions, type TextModel } from './text-model';

const spec = { modelMaxLength: 64, tokenizerClass: 'BertTokenizer' } as FixtureModelSpec;

function textModel(maxLength: number, hasTokenTypeIds = true): TextModel {
  const tokenizer = new BertTokenizer(tokenizerJson(), tokenizerConfig(spec));
  const facts = { modelType: 'bert', architectures: [], maxLength, hasTokenTypeIds };
  return { tokenizer, facts, vocab: [...VOCAB], model: undefined as never };
}

const values = (t: Tensor | undefined) => (t ? Array.from(t.data as BigInt64Array, Number) : undefined);

describe('encode', () => {
  it('gives the model what the tokenizer itself gives, for a text and a pair that fit', () => {
    const tm = textModel(64);
    for (const [text, pair] of [['the cat sleeps on the mat'], ['the cat sleeps', 'the dog runs']] as const) {
      const own = tm.tokenizer(text, { text_pair: pair ?? null, return_token_type_ids: true });
      const { inputs, ids, tokens } = encode(tm, { text, textPair: pair });
      expect(ids).toEqual(values(own.input_ids));
      expect(values(inputs.input_ids)).toEqual(values(own.input_ids));
      expect(values(inputs.attention_mask)).toEqual(values(own.attention_mask));
      expect(values((inputs as { token_type_ids?: Tensor }).token_type_ids)).toEqual(values(own.token_type_ids));
      expect(tokens.rows.map((r) => r.typeId)).toEqual(values(own.token_type_ids));
      expect(tokens).toMatchObject({ truncated: false, fullLength: ids.length });
    }
  });

  it('leaves token_type_ids out for a model without that input', () => {
    const { inputs } = encode(textModel(64, false), { text: 'the cat' });
    expect(Object.keys(inputs)).toEqual(['input_ids', 'attention_mask']);
  });

  it('cuts a long text to the window and keeps the closing [SEP]', () => {
    const { ids, tokens } = encode(textModel(5), { text: 'the cat sleeps on the mat' });
    expect(ids.map((id) => VOCAB[id])).toEqual(['[CLS]', 'the', 'cat', 'sleeps', '[SEP]']);
    expect(tokens).toMatchObject({ truncated: true, fullLength: 8, maxLength: 5 });
  });

  it('cuts the longer sentence of a long pair first', () => {
    const { ids, tokens } = encode(textModel(8), { text: 'the cat sleeps on the mat', textPair: 'a dog' });
    expect(ids.map((id) => VOCAB[id])).toEqual(['[CLS]', 'the', 'cat', 'sleeps', '[SEP]', 'a', 'dog', '[SEP]']);
    expect(tokens.rows.map((r) => r.typeId)).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('refuses an empty text', () => {
    expect(() => encode(textModel(64), { text: '  ' })).toThrow(/empty/);
  });
});

describe('pretrainedOptions', () => {
  const ctx: AdapterLoadContext = { model: 'org/model', host: 'http://hub.test', device: 'wasm', dtype: 'q8', onProgress: () => undefined };
  const spinningStop = (shape?: { stepping?: boolean }) => pretrainedOptions(ctx, shape).session_options.extra.session.force_spinning_stop;

  it("stops ONNX Runtime's threads spinning when a model's run ends, so the page gets its core back to draw the answer", () => {
    expect(spinningStop()).toBe('1');
    expect(spinningStop({ stepping: false })).toBe('1');
  });

  it('keeps them spinning between the runs of a model run step after step, where the next run follows at once', () => {
    expect(spinningStop({ stepping: true })).toBe('0');
  });

  it("passes the load's dtype and device on", () => {
    expect(pretrainedOptions(ctx)).toMatchObject({ dtype: 'q8', device: 'wasm' });
  });
});
