import type { EncoderConfig } from './bert-names';
import type { BuildContext } from './layers';
import type { Ops, Vec } from './reference';

/** Symbolic dims, named as in the exports transformers.js loads. */
export const BATCH = 'batch_size';
export const SEQUENCE = 'sequence_length';

/** A tensor by Hugging Face name, with its PyTorch shape. */
export type TensorShape = [string, number[]];

export interface HeadOutput<N extends string = string> {
  name: N;
  dims: (string | number)[];
}

/**
 * A task head on top of a BERT-family encoder. The hat that wears it owns it (its `head.ts`); the
 * builder, the reference pass, the fixtures and the checkpoint loader only ask it these questions.
 */
export interface BertHead<N extends string = string> {
  /** Names the graph `<family>-<name>`. */
  name: string;
  /** Every tensor the head reads on top of the encoder, in the order the panel lists them. */
  shapes(config: EncoderConfig): TensorShape[];
  /**
   * The graph outputs, named as Hugging Face names the fields of the model output (and Optimum the
   * ONNX outputs), so transformers.js finds them: `logits`, `start_logits`, `last_hidden_state`, …
   */
  outputs(config: EncoderConfig): HeadOutput<N>[];
  /** Adds the head's nodes on top of the last hidden state [batch, seq, hidden]; one value per output. */
  build(ctx: BuildContext, config: EncoderConfig, hidden: string): string[];
  /** The same maths in float64 for one sequence (xs: [seq][hidden]); one flat vector per output. */
  reference(ops: Ops, config: EncoderConfig, xs: Vec[]): Vec[];
}

/** The two tensors of nn.Linear(inp → out): weight [out, inp] and bias [out]. */
export function linearShapes(module: string, out: number, inp: number): TensorShape[] {
  return [
    [`${module}.weight`, [out, inp]],
    [`${module}.bias`, [out]],
  ];
}

/** The two tensors of nn.LayerNorm(width). */
export function normShapes(module: string, width: number): TensorShape[] {
  return [
    [`${module}.weight`, [width]],
    [`${module}.bias`, [width]],
  ];
}

/**
 * No head (BertModel / DistilBertModel): the graph's output is the encoder's last hidden state, one
 * vector per token, named as transformers.js' AutoModel expects it.
 */
export const bareEncoder: BertHead<'last_hidden_state'> = {
  name: 'base',
  shapes: () => [],
  outputs: (c) => [{ name: 'last_hidden_state', dims: [BATCH, SEQUENCE, c.hiddenSize] }],
  build: (_ctx, _c, hidden) => [hidden],
  reference: (_ops, _c, xs) => [xs.flat()],
};
