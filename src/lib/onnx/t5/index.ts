/* A tiny T5 (encoder-decoder) in ONNX, in the file layout transformers.js loads for AutoModelForSeq2SeqLM. */
export { buildT5Encoder, buildT5Decoder, type T5ModelSpec } from './model';
export { blankT5Weights, t5WeightShapes, encoderBlockNames, decoderBlockNames, type T5Config, type T5Weights } from './names';
