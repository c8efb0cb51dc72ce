import { describe, expect, it } from 'vitest';
import { checkFileSize, checkLimit, checkLimits, CONFIG_LIMITS, fileLimit, FILE_LIMITS, LimitError } from './limits';

describe('checkLimits', () => {
  it('passes real configs: BERT, GPT-2 (n_inner null), T5, ViT-MAE, a composite one', () => {
    const bert = { model_type: 'bert', num_hidden_layers: 12, hidden_size: 768, num_attention_heads: 12, intermediate_size: 3072, vocab_size: 30522, max_position_embeddings: 512, type_vocab_size: 2 };
    const gpt2 = { model_type: 'gpt2', n_layer: 6, n_embd: 768, n_head: 12, n_inner: null, n_positions: 1024, n_ctx: 1024, vocab_size: 50257 };
    const t5 = { model_type: 't5', num_layers: 6, num_decoder_layers: 6, d_model: 512, d_kv: 64, d_ff: 2048, num_heads: 8, relative_attention_num_buckets: 32 };
    const mae = { model_type: 'vit_mae', image_size: 224, patch_size: 16, num_channels: 3, decoder_num_hidden_layers: 8, decoder_hidden_size: 512 };
    const composite = { text_config: bert, vision_config: { ...mae, image_size: [224, 224] } };
    for (const config of [bert, gpt2, t5, mae, composite]) expect(() => checkLimits('config.json', config, CONFIG_LIMITS)).not.toThrow();
  });

  it('names the field and the limit of an absurd size, at any depth, in any spelling', () => {
    const refuse = (config: unknown) => {
      try {
        checkLimits('config.json', config, CONFIG_LIMITS);
      } catch (error) {
        expect(error).toBeInstanceOf(LimitError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refuse({ num_hidden_layers: 100_000_000 })).toBe('config.json: num_hidden_layers is 100,000,000, more than the 512 this page allows.');
    expect(refuse({ n_layer: '1000000' })).toMatch(/n_layer is 1,000,000/);
    expect(refuse({ decoder: { d_model: 1e9 } })).toMatch(/d_model is 1,000,000,000, more than the 65,536/);
    expect(refuse({ vision_config: { image_size: [224, 1e7] } })).toMatch(/image_size\[1\] is 10,000,000/);
    expect(refuse({ vocab_size: 12.5 })).toMatch(/vocab_size is 12.5, not a whole number/);
    expect(refuse({ hidden_size: -4 })).toMatch(/hidden_size is -4, less than 0/);
    expect(refuse({ patch_size: 0 })).toMatch(/patch_size is 0, less than 1/);
    expect(refuse({ num_attention_heads: 'twelve' })).toMatch(/"twelve", not a whole number/);
  });

  it('leaves fields it does not know, and inherited names, alone', () => {
    expect(() => checkLimits('config.json', { architectures: ['BertModel'], id2label: { 0: 'A' }, layer_norm_eps: 1e-12 }, CONFIG_LIMITS)).not.toThrow();
    expect(() => checkLimits('config.json', { toString: 1e12 }, CONFIG_LIMITS)).not.toThrow();
  });

  it('checks a number that need not be whole', () => {
    expect(checkLimit('x', 'ratio', 0.5, { max: 1, integer: false })).toBe(0.5);
    expect(() => checkLimit('x', 'ratio', Infinity, { max: 1, integer: false })).toThrow(/not a number/);
  });
});

describe('file sizes', () => {
  it('has a limit per kind of file, and refuses a size past it before anything is read', () => {
    expect(fileLimit('config.json')).toBe(FILE_LIMITS.json);
    expect(fileLimit('tokenizer.json')).toBe(FILE_LIMITS.tokenizer);
    expect(fileLimit('onnx/model_quantized.onnx')).toBe(FILE_LIMITS.weights);
    expect(() => checkFileSize('config.json', 1_000)).not.toThrow();
    expect(() => checkFileSize('config.json', 1.2e9)).toThrow('config.json is 1,200 MB, more than the 8 MB this page reads for such a file.');
  });
});
