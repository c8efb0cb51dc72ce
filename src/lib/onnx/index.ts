/*
 * A small ONNX graph builder for BERT-family encoders, pure TypeScript so it
 * runs in the browser as well as in Node: the test fixtures use it with
 * hand-designed weights, and hats without an ONNX export can use it with the
 * tensors of a real checkpoint. It holds the building blocks only: the heads
 * belong to the hats that wear them (src/hats/<id>/head.ts, see BertHead).
 */
export {
  GraphBuilder,
  serializeModel,
  decodeModel,
  IR_VERSION,
  OPSET,
  type Attr,
  type Dim,
  type ElemType,
} from './graph-builder';
export { DataLocation, DataType, toNumber, type ModelProto, type TensorProto, type NodeProto } from './onnx-types';
export { makeTensorProto, readFloatTensor, type DenseTensor, type TensorData } from './tensor';
export { encoderShapes, weightShapes, blankWeights } from './weight-shapes';
export { embeddingNames, layerNames, blockNames, type EncoderConfig, type EncoderFamily, type WeightMap } from './bert-names';
export { BATCH, SEQUENCE, bareEncoder, linearShapes, normShapes, type BertHead, type HeadOutput, type TensorShape } from './bert-head';
export { pooler, maskedLm, seqRelationship, tiedAliases } from './bert-blocks';
export { addWeight, firstToken, gelu, layerNorm, linear, type BuildContext } from './layers';
export { Ops, referenceEncoder, referenceEncoderTrace, sum, type EncoderTrace, type Vec } from './reference';
export { buildBertModel, referenceForward, type BertModelSpec, type ReferenceInputs, type ReferenceTensor } from './bert-model';
export {
  quantizeModel,
  quantizeTensor,
  dequantizeTensor,
  transposeQuantizedInPlace,
  type PackedWeights,
  type QuantizeOptions,
  type QuantizedTensor,
} from './quantize';
export { quantizeActivations, quantizeDynamic } from './dynamic-quantize';
export { externalizeInitializers, inlineParts, EXTERNAL_DATA_FILE, type OnnxFiles } from './external-data';
export { buildInsideModel, referenceInside, INSIDE_OUTPUTS, type InsideModelSpec, type InsideReference } from './inside-model';
