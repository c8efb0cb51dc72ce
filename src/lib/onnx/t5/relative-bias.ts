import type { GraphBuilder } from '../graph-builder';
import { addT5Weight, MASKED, type T5BuildContext } from './layers';

/*
 * [1] T5 has no position embeddings. Each head instead adds a learned number to the score of
 *     query i and key j, looked up by the distance j − i sorted into buckets: distances below
 *     max_exact get a bucket each, longer ones share logarithmically wider buckets up to
 *     max_distance. The encoder's buckets tell left from right (half the buckets each); the
 *     decoder, which never looks ahead, uses them all for looking back. Block 0 of each stack
 *     holds the table [buckets, heads]; every layer of the stack adds the same bias.
 *     (transformers' T5Attention._relative_position_bucket, spelled out in ONNX ops.)
 */

/** The distance key − query, [queries, keys] int64, for a text attending to itself. */
export function relativePositions(g: GraphBuilder, length: string): string {
  const zero = g.constant([0], 'int64');
  const one = g.constant([1], 'int64');
  const positions = g.node('Range', [zero, length, one]);
  const queries = g.node('Unsqueeze', [positions, g.constant([1], 'int64', [1])]);
  const keys = g.node('Unsqueeze', [positions, g.constant([0], 'int64', [1])]);
  return g.node('Sub', [keys, queries]);
}

/** The bucket of every distance, [queries, keys] int64. */
function bucketOf(ctx: T5BuildContext, relative: string, bidirectional: boolean): string {
  const { g, config } = ctx;
  const i64 = (v: number) => g.constant([v], 'int64');
  let buckets = config.relativeAttentionNumBuckets;
  let offset: string | undefined;
  let distance: string;
  if (bidirectional) {
    buckets /= 2;
    // Keys to the right of the query use the upper half of the buckets.
    offset = g.node('Mul', [g.node('Cast', [g.node('Greater', [relative, i64(0)])], { to: { i: 7 } }), i64(buckets)]);
    distance = g.node('Abs', [relative]);
  } else {
    distance = g.node('Neg', [g.node('Min', [relative, i64(0)])]);
  }
  const maxExact = buckets / 2;
  const small = g.node('Less', [distance, i64(maxExact)]);
  // Max(·, 1) keeps log away from 0; those distances are small and take the other branch anyway.
  const asFloat = g.node('Cast', [g.node('Max', [distance, i64(1)])], { to: { i: 1 } });
  const scaled = g.node('Mul', [
    g.node('Div', [g.node('Log', [g.node('Div', [asFloat, g.constant([maxExact])])]), g.constant([Math.log(config.relativeAttentionMaxDistance / maxExact)])]),
    g.constant([buckets - maxExact]),
  ]);
  const large = g.node('Min', [g.node('Add', [g.node('Cast', [scaled], { to: { i: 7 } }), i64(maxExact)]), i64(buckets - 1)]);
  const bucket = g.node('Where', [small, distance, large]);
  return offset ? g.node('Add', [offset, bucket]) : bucket;
}

/** [1] The additive bias [1, heads, queries, keys] for a stack's self-attention. */
export function relativeBias(ctx: T5BuildContext, relative: string, table: string, bidirectional: boolean): string {
  const { g, config } = ctx;
  const weights = addT5Weight(ctx, table, [config.relativeAttentionNumBuckets, config.numHeads]);
  const perPair = g.node('Gather', [weights, bucketOf(ctx, relative, bidirectional)]); // [q, k, heads]
  return g.node('Unsqueeze', [g.node('Transpose', [perPair], { perm: { ints: [2, 0, 1] } }), g.constant([0], 'int64', [1])]);
}

/** The decoder's causal mask from the same distances: a key to the right of the query is hidden. */
export function aheadMask(g: GraphBuilder, relative: string): string {
  return g.node('Where', [g.node('Greater', [relative, g.constant([0], 'int64')]), g.constant([MASKED]), g.constant([0])]);
}
