/* A Llama decoder (grouped-query attention, rotary positions, RMS norms, SwiGLU) in ONNX, for test fixtures. */
export { buildLlamaModel, llamaLayerNames, llamaWeightShapes, LLAMA_NAMES, type LlamaConfig } from './llama-model';
