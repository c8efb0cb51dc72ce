/**
 * Which checkpoint and which weights produced a hat's numbers when the page built the model itself
 * from safetensors (DESIGN.md §3): the worker fills it in, the explanation panels show it.
 */
export interface CheckpointProvenance {
  model: string;
  file: string;
  /** The head's own tensors, as the checkpoint names them. */
  headTensors: { name: string; shape: number[] }[];
  bodyTensorCount: number;
  /** Bytes of model.safetensors this model is made of: header plus every tensor read. */
  bytesFetched: number;
  dtype: 'fp32' | 'q8';
}
