/*
 * The known answers of the tiny GPT-2 models that fixture.ts builds, for the adapter tests and
 * e2e/causal-lm.spec.ts alike. Data only: no imports, so Playwright can load it.
 */

export const GPT2_ID = 'hw-test/tiny-gpt2';
export const GPT2_NO_PAST_ID = 'hw-test/tiny-gpt2-no-past';
/** The older export layout of e.g. Xenova/distilgpt2: onnx/decoder_model_merged*.onnx, no onnx/model.onnx. */
export const GPT2_MERGED_ID = 'hw-test/tiny-gpt2-merged-layout';

/** Prompts and what greedy decoding must write after them. */
export const greedyCases = [
  { prompt: 'the cat', continuation: ' sat on the mat.', finish: 'eos' },
  // The second "the" comes after "on": mat, not cat.
  { prompt: 'a dog sat on the', continuation: ' mat.', finish: 'eos' },
  // An empty prompt starts from <|endoftext|>, which is followed by "the".
  { prompt: '', continuation: 'the cat sat on the mat.', finish: 'eos' },
] as const;

/** A prompt that never reaches the end token: every step writes " purr" again. */
export const ENDLESS_PROMPT = 'purr';

/**
 * After "purr" the runner-up is a token that is one byte, 0xE2, of a three-byte character: the step's
 * chart and table show it as `shown`. `symbol` is how GPT-2's byte-level vocabulary writes that byte.
 */
export const BYTE_TOKEN = { prompt: 'purr', symbol: '\u00e2', shown: '<0xE2>' } as const;
