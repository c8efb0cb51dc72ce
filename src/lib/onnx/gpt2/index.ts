/* A GPT-2 decoder as an ONNX graph (with and without a KV cache) and a byte-level BPE tokenizer, for test fixtures. */
export { buildGpt2Model, BATCH, SEQUENCE, PAST, TOTAL, type Gpt2ModelSpec } from './gpt2-model';
export { blankGpt2Weights, gpt2LayerNames, gpt2WeightShapes, GPT2_NAMES, type Gpt2Config } from './gpt2-names';
export { byteLevelBpeJson, byteLevelTokenizerConfig, byteLevelTokenizerJson, byteLevelVocab, bytesToUnicode, type ByteLevelVocab } from './byte-level-tokenizer';
export { referenceGpt2, type Gpt2Reference } from './reference';
