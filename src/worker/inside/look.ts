import type { AttentionMap, InsideHidden, LensPosition } from '@/lib/inside';
import { attentionOutput, hiddenOutput, LENS_IDS, LENS_PROBS, type Stack } from '@/lib/onnx/inside-outputs';
import type { GraphOutput } from '../checkpoint/deps';

/*
 * A look's answer read off an inside graph's outputs (src/lib/onnx/inside-outputs.ts names them),
 * for one sequence (batch of one, so each output's data is that sequence's).
 */

export type Outputs = Record<string, GraphOutput>;

export function output(out: Outputs, name: string): GraphOutput {
  const value = out[name];
  if (!value) throw new Error(`The Inside graph returned no ${name}.`);
  return value;
}

/** One attention of the model: layers 1 … `layers`, each [heads][queries][keys]. */
export function attentionMap(out: Outputs, name: string, stack: Stack, layers: number, queries: string[], keys: string[]): AttentionMap {
  const data = Array.from({ length: layers }, (_, l) => output(out, attentionOutput(l + 1, stack)));
  return { name, queries, keys, heads: data[0]?.dims[1] ?? 0, layers: data.map((d) => d.data) };
}

/** Hidden states 0 (the embeddings) … `layers`, each [tokens][width]. */
export function hiddenStates(out: Outputs, stack: Stack, layers: number, tokens: string[]): InsideHidden {
  const data = Array.from({ length: layers + 1 }, (_, i) => output(out, hiddenOutput(i, stack)));
  return { tokens, width: data[0]?.dims.at(-1) ?? 0, layers: data.map((d) => d.data) };
}

/** The lens outputs [hidden state][position][k] as guesses per position, best first. */
export function lensPositions(out: Outputs, tokens: string[], tokenOf: (id: number) => string): LensPosition[] {
  const p = output(out, LENS_PROBS);
  const ids = Array.from(output(out, LENS_IDS).data as unknown as BigInt64Array, Number);
  const k = p.dims.at(-1) ?? 0;
  const states = p.data.length / (tokens.length * k);
  return tokens.map((token, position) => ({
    position,
    token,
    layers: Array.from({ length: states }, (_, h) =>
      Array.from({ length: k }, (__, j) => {
        const at = (h * tokens.length + position) * k + j;
        return { token: tokenOf(ids[at]!), p: p.data[at]! };
      }),
    ),
  }));
}
