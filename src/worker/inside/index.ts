/*
 * The Inside panel's worker half (see src/lib/inside for the calls): rebuilds a model from its
 * PyTorch checkpoint with every attention and hidden state as outputs. BERT-family bodies:
 * encoderInside; generators (GPT-2, T5): generatorInside with the architecture.
 */
export { encoderInside, type EncodedInput, type EncoderInsideOptions } from './encoder-inside';
export { textInside } from './text-inside';
export { insideSource } from './source';
export { generatorInside, type GeneratorInsideOptions } from './generator-inside';
export { gpt2Architecture, LENS_TOP } from './gpt2-architecture';
export { t5Architecture } from './t5-architecture';
export { attentionMap, hiddenStates, lensPositions, output, type Outputs } from './look';
