import type { GraphBuilder } from './graph-builder';

/*
 * The extra graph outputs that show what happens inside a model (attention weights, each layer's
 * hidden state, the logit lens), named alike for every architecture the builders know. A stack is
 * '' for a model with one stack of layers, or 'encoder' / 'decoder' / 'cross' (cross-attention).
 */

export type Stack = '' | 'encoder' | 'decoder' | 'cross';

const prefix = (stack: Stack) => (stack ? `${stack}_` : '');

/** Attention probabilities (after softmax) of one layer: [batch, heads, queries, keys]. */
export const attentionOutput = (layer: number, stack: Stack = '') => `${prefix(stack)}attentions.${layer}`;

/** The residual stream after `layer` layers (0: the embeddings): [batch, seq, hidden]. */
export const hiddenOutput = (layer: number, stack: Stack = '') => `${prefix(stack)}hidden_states.${layer}`;

/** Logit lens, the top-k of softmax(head(norm(h))) per layer: [layers + 1, batch, seq, k]. */
export const LENS_PROBS = 'lens_probs';
export const LENS_IDS = 'lens_ids';

/** Makes `value` a graph output under `name` (an Identity node, so the value keeps feeding the layers after it). */
export function exposeOutput(g: GraphBuilder, value: string, name: string, dims: readonly (number | string)[]): void {
  g.node('Identity', [value], undefined, name);
  g.output(name, 'float32', dims);
}
