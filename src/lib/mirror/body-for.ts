import { PYTORCH_SOURCES } from '../pytorch-sources';

/**
 * The checkpoint the mirror would read for a hat's model, or null when the mirror cannot show it:
 * the mirror builds BERT bodies from model.safetensors, so an ONNX export is shown through the
 * PyTorch checkpoint it was made from (where that is verified), and a checkpoint as it is.
 */
export function mirrorBodyFor(modelId: string, modelType: string | undefined): string | null {
  if (modelType !== 'bert') return null;
  const source = PYTORCH_SOURCES[modelId];
  if (source) return source.repo;
  return modelId;
}
