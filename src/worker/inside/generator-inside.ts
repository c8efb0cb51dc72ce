import type { InsideAnswer, InsideGaps, InsideLook, InsidePlan, InsideRequest, InsideView } from '@/lib/inside';
import type { AdapterLoadContext, RunContext } from '../adapter';
import { checkpointBytes } from '../checkpoint/inspect';
import { defaultDeps, type CheckpointDeps, type CheckpointSession, type TensorFeed } from '../checkpoint/deps';
import { EngineError } from '../errors';
import { inspectGenerator, openGenerator, type GeneratorArchitecture, type GeneratorInspection } from './generator-checkpoint';
import type { Outputs } from './look';
import { insideSource } from './source';

/*
 * The Inside panel's calls (plan, look; src/lib/inside) for a generator hat: the hat says how its
 * params become the graph's inputs and how the outputs become the answer; this finds the
 * checkpoint, says what a look costs, opens the inside graph once and runs it.
 * transformers.js exports answer with their outputs only, so the insides are rebuilt from the
 * PyTorch checkpoint: the model itself, or the verified repo it was exported from (insideSource).
 */

export interface GeneratorInsideOptions<P, C, E> {
  /** The views the hat offers; `gaps` says why this architecture cannot show some of them. */
  views: readonly InsideView[];
  gaps?: InsideGaps;
  /** The params as the graph's inputs (as the hat's own run reads them), and whatever the answer needs. */
  encode(params: P, config: C): Promise<{ feeds: Record<string, number[]>; encoded: E }>;
  answer(out: Outputs, config: C, encoded: E): Pick<InsideLook, 'attention' | 'lens' | 'hidden'>;
}

const int64 = (values: readonly number[]): TensorFeed => ({ type: 'int64', data: BigInt64Array.from(values.map(BigInt)), dims: [1, values.length] });

export function generatorInside<P, C, E>(ctx: AdapterLoadContext, arch: GeneratorArchitecture<C>, options: GeneratorInsideOptions<P, C, E>, deps: CheckpointDeps = defaultDeps) {
  const source = insideSource(ctx.model);
  const staticGaps = options.gaps ?? {};
  const everyView = (why: string): InsideGaps => Object.fromEntries(options.views.map((v) => [v, why]));
  let session: Promise<CheckpointSession> | undefined;

  async function plan(): Promise<InsidePlan> {
    const none = (repo: string | null, why: string): InsidePlan => ({ kind: 'plan', source: repo, bytes: 0, cached: false, layers: 0, heads: 0, gaps: everyView(why) });
    if ('gap' in source) return none(null, source.gap);
    try {
      const inspection = await inspectGenerator(arch, ctx.host, source.repo, deps);
      const cached = await inspection.reader.isCached([...inspection.headerSpans, ...inspection.plan.spans]);
      const { config } = inspection;
      return { kind: 'plan', source: source.repo, bytes: cached ? 0 : checkpointBytes(inspection, inspection.plan), cached, layers: arch.layers(config), heads: arch.heads(config), gaps: staticGaps };
    } catch (error) {
      if (error instanceof EngineError) return none(source.repo, error.message);
      throw error;
    }
  }

  /** Downloading shows as the call's partials, one bar for the whole checkpoint. */
  function open(inspection: GeneratorInspection<C>, rc: RunContext<InsideAnswer>): Promise<CheckpointSession> {
    const progress = { ...ctx, onProgress: ({ loaded, total }: { loaded: number; total: number }) => rc.emit({ kind: 'progress', loaded, total }) };
    session ??= openGenerator(arch, inspection, progress, deps);
    session.catch(() => (session = undefined));
    return session;
  }

  async function look(params: P, rc: RunContext<InsideAnswer>): Promise<InsideLook> {
    if ('gap' in source) throw new EngineError('unsupported', source.gap);
    const inspection = await inspectGenerator(arch, ctx.host, source.repo, deps);
    const { feeds, encoded } = await options.encode(params, inspection.config);
    const s = await open(inspection, rc);
    const out = await s.run(Object.fromEntries(Object.entries(feeds).map(([name, values]) => [name, int64(values)])));
    return { kind: 'look', source: source.repo, dtype: 'fp32', gaps: staticGaps, ...options.answer(out, inspection.config, encoded) };
  }

  return {
    call(request: InsideRequest<P>, rc: RunContext<InsideAnswer>): Promise<InsideAnswer> {
      return request.kind === 'plan' ? plan() : look(request.params, rc);
    },
    async dispose(): Promise<void> {
      const opened = session;
      session = undefined;
      if (opened) await (await opened.catch(() => undefined))?.release();
    },
  };
}
