/*
 * ViT-MAE (masked autoencoder) as an ONNX graph built in the page from a checkpoint's tensors,
 * and an independent reference forward pass to check it against.
 */
export {
  blankVitMaeWeights,
  decoderLayerPrefix,
  encoderLayerPrefix,
  FIXED_TENSORS,
  gridOf,
  keptCount,
  sincosPositions,
  VIT_MAE_NAMES,
  vitLayerNames,
  vitMaeShapes,
  type VitMaeConfig,
} from './config';
export { buildVitMaeModel, VIT_MAE_IO, type VitMaeModelSpec } from './graph';
export { referenceVitMae, referenceVitMaeInside, type VitMaeReference } from './reference';
