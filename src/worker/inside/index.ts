/*
 * The Inside panel's worker half for BERT-family bodies: rebuilds the body from its PyTorch
 * checkpoint with every attention and hidden state as outputs (see src/lib/inside for the calls).
 */
export { encoderInside, type EncodedInput, type EncoderInsideOptions } from './encoder-inside';
export { textInside } from './text-inside';
export { insideSource } from './source';
