// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoModelForMaskedLM, AutoModelForSeq2SeqLM, AutoTokenizer, env, type PreTrainedModel } from '@huggingface/transformers';
import { generationConfigOf, inputNamesOf, outputNamesOf, sessionsOf, tokenizerJsonOf } from './transformers-internals';
import { FIXTURES_ROOT } from './testing';

/*
 * The fields the hats read past transformers.js' documented API, on real fixture models loaded by
 * the installed transformers.js in Node. An upgrade that moves any of them fails here, by name,
 * before a hat breaks in the page.
 */

const models: PreTrainedModel[] = [];

beforeAll(() => {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${FIXTURES_ROOT}/`;
});
afterAll(async () => {
  for (const m of models) await m.dispose();
});

async function open<T extends PreTrainedModel>(load: Promise<T>): Promise<T> {
  const model = await load;
  models.push(model);
  return model;
}

describe('transformers.js internals the hats rely on', () => {
  it('an encoder export: one session with its input and output names, and a run()', async () => {
    const model = await open(AutoModelForMaskedLM.from_pretrained('hw-test/tiny-bert-mlm', { dtype: 'fp32', device: 'cpu' }));
    const sessions = sessionsOf(model);
    expect(Object.keys(sessions)).toEqual(['model']);
    expect(inputNamesOf(model)).toEqual(expect.arrayContaining(['input_ids', 'attention_mask', 'token_type_ids']));
    expect(outputNamesOf(model)).toEqual(['logits']);
    expect(typeof sessions.model!.run).toBe('function');
    expect(generationConfigOf(model)).toEqual({});
  });

  it('an encoder-decoder export: the encoder and merged decoder sessions, and the generation config', async () => {
    const model = await open(AutoModelForSeq2SeqLM.from_pretrained('hw-test/tiny-t5', { dtype: 'fp32', device: 'cpu' }));
    const sessions = sessionsOf(model);
    expect(Object.keys(sessions).sort()).toEqual(['decoder_model_merged', 'model']);
    expect(sessions.model!.outputNames).toContain('last_hidden_state');
    expect(sessions.decoder_model_merged!.inputNames.some((n) => n.startsWith('past_key_values.'))).toBe(true);
    expect(generationConfigOf(model)).toMatchObject({ decoder_start_token_id: 0, eos_token_id: 1 });
  });

  it('the tokenizer keeps its tokenizer.json', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained('hw-test/tiny-bert-mlm');
    expect(tokenizerJsonOf(tokenizer)).toMatchObject({ model: { type: 'WordPiece', continuing_subword_prefix: '##' }, pre_tokenizer: { type: 'BertPreTokenizer' } });
  });

  it('names this module when a field has moved', () => {
    const moved = { sessions: { model: { inputNames: ['input_ids'] } } } as unknown as PreTrainedModel;
    expect(() => sessionsOf(moved)).toThrow(/transformers\.js has changed: the “model” session .*transformers-internals\.ts/);
    expect(() => tokenizerJsonOf({} as unknown as Parameters<typeof tokenizerJsonOf>[0])).toThrow(/_tokenizerJSON/);
  });
});
