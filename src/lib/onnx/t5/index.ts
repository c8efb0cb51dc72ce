/* A tiny T5 (encoder-decoder) in ONNX, in the file layout transformers.js loads for AutoModelForSeq2SeqLM; and the whole model as one graph for looking inside. */
export { buildT5Encoder, buildT5Decoder, type T5ModelSpec } from './model';
export { buildT5Inside, T5_INSIDE_INPUTS } from './inside';
export { referenceT5, relativeBucket, type T5Reference } from './reference';
export { blankT5Weights, t5WeightShapes, encoderBlockNames, decoderBlockNames, RELATIVE_BIAS, type T5Config, type T5Weights } from './names';
