import { describe, expect, it } from 'vitest';
import { PreTrainedTokenizer } from '@huggingface/transformers';
import { tokenizerJson } from '../../scripts/fixtures/hub-files';
import { completeSpecialTokens, segmentIds } from './special-tokens';

/** google-bert/bert-base-uncased's whole tokenizer_config.json (fixtures/hub-replicas). */
const MINIMAL = { do_lower_case: true, model_max_length: 512 };

describe('completeSpecialTokens', () => {
  it('finds [MASK], [CLS], [SEP], [PAD] and [UNK] in tokenizer.json when the config names none', () => {
    const tokenizer = new PreTrainedTokenizer(tokenizerJson(), MINIMAL);
    expect(tokenizer.mask_token_id).toBeUndefined(); // what transformers.js gives on its own
    expect(completeSpecialTokens(tokenizer).sort()).toEqual(['cls', 'mask', 'pad', 'sep', 'unk']);
    expect([tokenizer.mask_token, tokenizer.mask_token_id]).toEqual(['[MASK]', 4]);
    expect([tokenizer.sep_token, tokenizer.sep_token_id]).toEqual(['[SEP]', 3]);
    expect([tokenizer.pad_token, tokenizer.pad_token_id]).toEqual(['[PAD]', 0]);
    expect([tokenizer.unk_token, tokenizer.unk_token_id]).toEqual(['[UNK]', 1]);
    expect(tokenizer.encode('the [MASK] .')).toContain(4);
  });

  it('leaves tokens the config names as they are', () => {
    const tokenizer = new PreTrainedTokenizer(tokenizerJson(), { ...MINIMAL, mask_token: '[MASK]', pad_token: '[PAD]' });
    expect(completeSpecialTokens(tokenizer).sort()).toEqual(['cls', 'sep', 'unk']);
  });

  it('takes a word of the vocabulary when tokenizer.json does not mark it special', () => {
    const json = tokenizerJson() as { added_tokens: { content: string }[] };
    const tokenizer = new PreTrainedTokenizer({ ...json, added_tokens: json.added_tokens.filter((t) => t.content !== '[MASK]') }, MINIMAL);
    completeSpecialTokens(tokenizer);
    expect(tokenizer.mask_token_id).toBe(4);
  });
});

describe('segmentIds', () => {
  it('is 0 through the first separator and 1 after it', () => {
    expect(segmentIds([2, 10, 11, 3, 12, 3], 3)).toEqual([0, 0, 0, 0, 1, 1]);
  });
  it('is all 0 for one sentence or without a separator', () => {
    expect(segmentIds([2, 10, 3], 3)).toEqual([0, 0, 0]);
    expect(segmentIds([10, 11], undefined)).toEqual([0, 0]);
  });
});
