/*
 * A small ONNX graph builder for BERT-family encoders, pure TypeScript so it
 * runs in the browser as well as in Node: the test fixtures use it with
 * hand-designed weights, and hats without an ONNX export can use it with the
 * tensors of a real checkpoint.
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
export { DataType, toNumber, type ModelProto, type TensorProto, type NodeProto } from './onnx-types';
export { makeTensorProto, readFloatTensor, type DenseTensor, type TensorData } from './tensor';
export { weightShapes, headShapes, blankWeights } from './weight-shapes';
export {
  embeddingNames,
  layerNames,
  headNames,
  type EncoderConfig,
  type EncoderFamily,
  type HeadSpec,
  type HeadKind,
  type WeightMap,
} from './bert-names';
export { headOutputs, BATCH, SEQUENCE, type HeadOutput } from './head-outputs';
export { buildBertModel, type BertModelSpec } from './bert-model';
export {
  quantizeModel,
  quantizeTensor,
  dequantizeTensor,
  type QuantizeOptions,
  type QuantizedTensor,
} from './quantize';
