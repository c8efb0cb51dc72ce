import type { AttentionMap, InsideAnswer, InsideGaps, InsideLook, InsidePicks, InsidePlan, InsideRequest, InsideView, LensPosition } from '@/lib/inside';
import { buildInsideModel, INSIDE_OUTPUTS, serializeModel } from '@/lib/onnx';
import type { AdapterLoadContext, RunContext } from '../adapter';
import { defaultDeps, type CheckpointDeps, type CheckpointSession, type GraphOutput, type TensorFeed } from '../checkpoint/deps';
import { readTensors } from '../checkpoint/tensor-plan';
import { EngineError } from '../errors';
import { bytesToFetch, inspectInside, insideSource, type InsideInspection } from './source';

/*
 * Inside for a BERT-family body: the hat's adapter hands over how it tokenizes its params, this
 * answers the panel's calls (see src/lib/inside/types.ts).
 * [1] fp32 whatever the hat runs in: 8-bit weights would move the very numbers the panel shows.
 * [2] Batch of one: the graph's outputs are [1, …], so their data is the one sequence's.
 * [3] Lens output: [hidden state][position][k], probabilities and vocabulary ids, best first.
 * [4] A pick past the inputs this run has (a link's ending=7 of three) shows the first; the answer
 *     says which it showed, and the panel says why.
 */

export interface EncodedInput {
  ids: number[];
  /** Segment ids (BERT pairs); zeros when absent. */
  types?: number[];
}

export interface EncoderInsideOptions<P> {
  /** Tokenizes the params as the hat's own run does (same window, same pair layout); `pick`: which of `picks`. */
  encode(params: P, pick: number): EncodedInput;
  /** Where the run feeds the model several inputs (pairs, windows): their names; a look shows one. */
  picks?(params: P): Omit<InsidePicks, 'shown'>;
  /** id → token, for the row and column labels. */
  vocab: readonly string[];
  /** The views the hat offers (a checkpoint may still lack the lens). */
  views: readonly InsideView[];
  /** The position the lens shows first, e.g. the first mask; default: the first after [CLS]. */
  focus?(ids: number[]): number;
}

const LENS_TOP = 5;

const lensGap = (repo: string) =>
  `${repo} kept no masked-word head (its fine-tuning replaced it), so there is no output head to read at every layer.`;

export function encoderInside<P>(ctx: AdapterLoadContext, options: EncoderInsideOptions<P>, deps: CheckpointDeps = defaultDeps) {
  let session: Promise<CheckpointSession> | undefined;
  const source = insideSource(ctx.model);

  const gapsFor = (inspection: InsideInspection): InsideGaps =>
    options.views.includes('lens') && !inspection.hasLens ? { lens: lensGap(inspection.repo) } : {};
  const everyView = (why: string): InsideGaps => Object.fromEntries(options.views.map((v) => [v, why]));

  async function plan(): Promise<InsidePlan> {
    if ('gap' in source) return { kind: 'plan', source: null, bytes: 0, cached: false, layers: 0, heads: 0, gaps: everyView(source.gap) };
    try {
      const inspection = await inspectInside(ctx.host, source.repo, deps);
      const { bytes, cached } = await bytesToFetch(inspection);
      const { numLayers, numHeads } = inspection.encoder;
      return { kind: 'plan', source: source.repo, bytes, cached, layers: numLayers, heads: numHeads, gaps: gapsFor(inspection) };
    } catch (error) {
      if (error instanceof EngineError) return { kind: 'plan', source: source.repo, bytes: 0, cached: false, layers: 0, heads: 0, gaps: everyView(error.message) };
      throw error;
    }
  }

  function open(inspection: InsideInspection, rc: RunContext<InsideAnswer>): Promise<CheckpointSession> {
    session ??= (async () => {
      const progress = { ...ctx, onProgress: ({ loaded, total }: { loaded: number; total: number }) => rc.emit({ kind: 'progress', loaded, total }) };
      const weights = await readTensors(progress, inspection, inspection.plan);
      const model = buildInsideModel({ config: inspection.encoder, weights, lensTop: inspection.hasLens && options.views.includes('lens') ? LENS_TOP : 0 });
      return deps.runtime.createSession(serializeModel(model), ctx.device); // [1]
    })();
    session.catch(() => (session = undefined));
    return session;
  }

  async function look(params: P, pick: number, rc: RunContext<InsideAnswer>): Promise<InsideLook> {
    if ('gap' in source) throw new EngineError('unsupported', source.gap);
    const inspection = await inspectInside(ctx.host, source.repo, deps);
    const picks = options.picks?.(params);
    const shown = picks && pick < picks.names.length ? pick : 0; // [4]
    const { ids, types } = options.encode(params, shown);
    const s = await open(inspection, rc);
    const int64 = (values: number[]): TensorFeed => ({ type: 'int64', data: BigInt64Array.from(values.map(BigInt)), dims: [1, values.length] });
    const feeds: Record<string, TensorFeed> = { input_ids: int64(ids), attention_mask: int64(ids.map(() => 1)) };
    if (s.inputNames.includes('token_type_ids')) feeds.token_type_ids = int64(types ?? ids.map(() => 0));
    const out = await s.run(feeds);
    const get = (name: string): GraphOutput => {
      const value = out[name];
      if (!value) throw new Error(`The Inside graph returned no ${name}.`);
      return value;
    };
    const { numLayers, numHeads } = inspection.encoder;
    const tokens = ids.map((id) => options.vocab[id] ?? `<${id}>`);
    const attention: AttentionMap = {
      name: 'self',
      queries: tokens,
      keys: tokens,
      heads: numHeads,
      layers: Array.from({ length: numLayers }, (_, l) => get(INSIDE_OUTPUTS.attention(l + 1)).data), // [2]
    };
    const hiddens = Array.from({ length: numLayers + 1 }, (_, i) => get(INSIDE_OUTPUTS.hidden(i)).data);
    const answer: InsideLook = { kind: 'look', source: source.repo, dtype: 'fp32', attention: [attention], gaps: gapsFor(inspection) };
    if (picks) answer.picks = { ...picks, shown };
    if (options.views.includes('hidden')) answer.hidden = { tokens, width: inspection.encoder.hiddenSize, layers: hiddens };
    if (options.views.includes('lens') && inspection.hasLens) {
      const p = get(INSIDE_OUTPUTS.lensP).data;
      const top = Array.from(get(INSIDE_OUTPUTS.lensId).data as unknown as BigInt64Array, Number); // [3]
      const positions: LensPosition[] = tokens.map((token, position) => ({
        position,
        token,
        layers: hiddens.map((_, h) =>
          Array.from({ length: LENS_TOP }, (_, k) => {
            const at = (h * ids.length + position) * LENS_TOP + k;
            return { token: options.vocab[top[at]!] ?? `<${top[at]}>`, p: p[at]! };
          }),
        ),
      }));
      answer.lens = { positions, focus: options.focus?.(ids) ?? Math.min(1, ids.length - 1) };
    }
    return answer;
  }

  return {
    call(request: InsideRequest<P>, rc: RunContext<InsideAnswer>): Promise<InsideAnswer> {
      return request.kind === 'plan' ? plan() : look(request.params, request.pick ?? 0, rc);
    },
    async dispose(): Promise<void> {
      const open = session;
      session = undefined;
      if (open) await (await open.catch(() => undefined))?.release();
    },
  };
}
