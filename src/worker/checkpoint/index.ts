/*
 * In-browser checkpoint loading for the hats transformers.js has no class for: a checkpoint's
 * model.safetensors is read over HTTP Range requests (header first, then only the tensors a graph
 * needs), the ONNX graph is built in the page and run. For a BERT checkpoint with a hat's head,
 * loadCheckpoint and checkpointSource do it all; other architectures put it together from the
 * same pieces (config, header, plan, tensors, runtime).
 */
export { checkpointSource, fileSizes, filesCached, CHECKPOINT_DTYPES, JSON_FILES } from './source';
export { loadCheckpoint, type CheckpointModel, type CheckpointFeeds, type CheckpointProvenance } from './load';
export { bodyPrefix, encoderConfigOf, type CheckpointHead } from './bert-checkpoint';
export {
  checkpointBytes,
  oncePerModel,
  readCheckpointConfig,
  readSafetensors,
  SAFETENSORS_FILE,
  type CheckpointConfig,
  type SafetensorsFile,
} from './inspect';
export { describeMissing, planTensors, safetensorsLabel, type PlanOptions, type TensorPlan } from './tensor-plan';
export { checkpointOnnx, openCheckpointSession, type GraphRecipe } from './weights';
export {
  defaultDeps,
  type ByteCache,
  type CheckpointDeps,
  type CheckpointRuntime,
  type CheckpointSession,
  type GraphOutput,
  type TensorFeed,
} from './deps';
