/*
 * In-browser checkpoint loader for the hats transformers.js has no class for (multiple choice,
 * next sentence prediction, pre-training): it reads a BERT checkpoint's model.safetensors over
 * HTTP Range requests, builds the ONNX graph for encoder + head in the page, and runs it.
 */
export { checkpointSource, JSON_FILES } from './source';
export { loadCheckpoint, type CheckpointModel, type CheckpointFeeds, type CheckpointProvenance } from './load';
export { HEAD_LABELS, type CheckpointHead } from './tensor-plan';
export { defaultDeps, type CheckpointDeps, type ByteCache, type CheckpointRuntime, type GraphOutput } from './deps';
