/*
 * The worker's public surface for hats: everything a hat's adapter.ts (and head.ts) may use of
 * src/worker, and nothing else. Adapters import from here, from transformers.js, from src/lib and
 * from their own folder. (Tests use ./testing beside it.)
 */

// The adapter contract and its helpers.
export {
  BadInputError,
  defineAdapter,
  pacer,
  yieldToMessages,
  type AdapterLoadContext,
  type Emitted,
  type FileProgress,
  type ModelSource,
  type RunContext,
  type RunOutput,
  type SourceQuery,
  type TypedAdapter,
  type TypedLoadedHat,
} from '../adapter';
export { EngineError } from '../errors';

// Models transformers.js has a class for.
export { onnxExportSource, setHost } from '../hub';
export { encode, factsFrom, floats, loadTextModel, pretrainedOptions, progressForwarder, readFacts, type EncodeOptions, type TextModel } from '../text-model';
export { fitPair, padBatch, pairTokenizer, type PairEncoding, type PairIds } from '../pair-encoding';
export { generationConfigOf, inputNamesOf, outputNamesOf, sessionsOf, tokenizerJsonOf, type OrtSessionView } from './transformers-internals';

// Checkpoints built in the page: a BERT checkpoint with a hat's head, or any graph from the pieces.
export {
  CHECKPOINT_DTYPES,
  checkpointBytes,
  checkpointOnnx,
  checkpointSource,
  defaultDeps,
  describeMissing,
  fileSizes,
  filesCached,
  loadCheckpoint,
  oncePerModel,
  openCheckpointSession,
  planTensors,
  readCheckpointConfig,
  readSafetensors,
  SAFETENSORS_FILE,
  safetensorsLabel,
  type CheckpointDeps,
  type CheckpointFeeds,
  type CheckpointHead,
  type CheckpointModel,
  type CheckpointProvenance,
  type CheckpointRuntime,
  type GraphOutput,
  type GraphRecipe,
  type TensorFeed,
  type TensorPlan,
} from '../checkpoint';

// The Inside panel (attention, logit lens, hidden states): BERT-family bodies, and generators (GPT-2, T5).
export { encoderInside, textInside, type EncodedInput, type EncoderInsideOptions } from '../inside';
export { attentionMap, generatorInside, gpt2Architecture, hiddenStates, lensPositions, t5Architecture, type GeneratorInsideOptions, type Outputs } from '../inside';

// Protocol types an adapter answers with.
export type { Device, Dtype, FileSize, ModelFacts, TokenRow, TokensInfo } from '@/engine/protocol';
