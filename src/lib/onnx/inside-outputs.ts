import type { GraphBuilder } from './graph-builder';
import { INSIDE_OUTPUTS } from './inside-model';

/*
 * The extra graph outputs that show what happens inside a model (attention weights, each layer's
 * hidden state, the logit lens), named for every architecture as the encoder's INSIDE_OUTPUTS
 * names them. A stack is '' for a model with one stack of layers, or 'encoder' / 'decoder' /
 * 'cross' (cross-attention), which prefixes the name.
 */

export type Stack = '' | 'encoder' | 'decoder' | 'cross';

const prefix = (stack: Stack) => (stack ? `${stack}_` : '');

/** Attention probabilities (after softmax) of layer 1 … L: [batch, heads, queries, keys]. */
export const attentionOutput = (layer: number, stack: Stack = '') => `${prefix(stack)}${INSIDE_OUTPUTS.attention(layer)}`;

/** The residual stream after `layer` layers (0: the embeddings): [batch, seq, hidden]. */
export const hiddenOutput = (layer: number, stack: Stack = '') => `${prefix(stack)}${INSIDE_OUTPUTS.hidden(layer)}`;

/** Logit lens, the top-k of softmax(head(norm(h))) per hidden state: [layers + 1, batch, seq, k]. */
export const LENS_PROBS = INSIDE_OUTPUTS.lensP;
export const LENS_IDS = INSIDE_OUTPUTS.lensId;

/** Makes `value` a graph output under `name` (an Identity node, so the value keeps feeding the layers after it). */
export function exposeOutput(g: GraphBuilder, value: string, name: string, dims: readonly (number | string)[]): void {
  g.node('Identity', [value], undefined, name);
  g.output(name, 'float32', dims);
}
