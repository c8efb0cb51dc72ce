import { AutoTokenizer, type PreTrainedTokenizer } from '@huggingface/transformers';
import type { ModelFacts } from '@/engine/protocol';
import type { CheckpointProvenance } from '@/lib/checkpoint-provenance';
import type { AdapterLoadContext } from '../adapter';
import { setHost } from '../hub';
import { completeSpecialTokens } from '../special-tokens';
import { factsFrom, progressForwarder, type AnyConfig } from '../text-model';
import { inspectBert, requireHeadPlan, type BertInspection, type CheckpointHead } from './bert-checkpoint';
import { defaultDeps, type CheckpointDeps, type CheckpointSession, type GraphOutput, type TensorFeed } from './deps';
import { checkpointBytes, SAFETENSORS_FILE } from './inspect';
import type { TensorPlan } from './tensor-plan';
import { bertRecipe, checkpointOnnx, openCheckpointSession } from './weights';

type Ids = readonly (readonly bigint[])[] | readonly (readonly number[])[];

export interface CheckpointFeeds {
  input_ids: Ids;
  attention_mask: Ids;
  token_type_ids?: Ids;
}

export type { CheckpointProvenance };

/** A BERT checkpoint with a hat's head, built and opened in the page. N: the head's output names. */
export interface CheckpointModel<N extends string = string> {
  facts: ModelFacts;
  tokenizer: PreTrainedTokenizer;
  /** id -> token */
  vocab: string[];
  provenance: CheckpointProvenance;
  /** Feeds are int64 [batch, seq]; answers with every output the head declares, by name. */
  run(feeds: CheckpointFeeds): Promise<Record<N, GraphOutput>>;
  dispose(): Promise<void>;
}

function provenanceOf(inspection: BertInspection, plan: TensorPlan, dtype: 'fp32' | 'q8'): CheckpointProvenance {
  const head = plan.tensors.filter((t) => t.head);
  return {
    model: inspection.model,
    file: SAFETENSORS_FILE,
    headTensors: head.map((t) => ({ name: t.fileName, shape: [...t.entry.shape] })),
    bodyTensorCount: plan.tensors.length - head.length,
    bytesFetched: checkpointBytes(inspection, plan),
    dtype,
  };
}

/** [1] ONNX Runtime wants one flat int64 buffer per input, row after row. */
function toInt64(name: string, rows: Ids): TensorFeed {
  const batch = rows.length;
  const seq = rows[0]?.length ?? 0;
  const data = new BigInt64Array(batch * seq);
  for (let r = 0; r < batch; r++) {
    const row = rows[r]!;
    if (row.length !== seq) throw new Error(`${name}: row ${r} has ${row.length} tokens, row 0 has ${seq} (pad every row to one length)`);
    for (let c = 0; c < seq; c++) data[r * seq + c] = BigInt(row[c]!);
  }
  return { type: 'int64', data, dims: [batch, seq] };
}

function zeros(like: Ids): TensorFeed {
  const dims = [like.length, like[0]?.length ?? 0];
  return { type: 'int64', data: new BigInt64Array(dims[0]! * dims[1]!), dims };
}

function runner<N extends string>(session: CheckpointSession, head: CheckpointHead<N>, inspection: BertInspection) {
  const names = head.outputs(inspection.encoder).map((o) => o.name);
  return async (feeds: CheckpointFeeds): Promise<Record<N, GraphOutput>> => {
    const inputs: Record<string, TensorFeed> = {};
    for (const name of session.inputNames) {
      const rows = feeds[name as keyof CheckpointFeeds];
      // Segment ids default to 0 (all sentence A), as in the tokenizer for a single text.
      inputs[name] = rows ? toInt64(name, rows) : zeros(feeds.input_ids);
    }
    const out = await session.run(inputs);
    const missing = names.filter((n) => !out[n]);
    if (missing.length > 0) throw new Error(`The ${head.label} graph returned no ${missing.join(', ')}.`);
    return out as Record<N, GraphOutput>;
  };
}

/**
 * Loads a BERT checkpoint's model.safetensors with a hat's head: reads the header, fetches only
 * the tensors the head needs (HTTP Range, cached), builds the ONNX graph in the page (or takes the
 * one built on an earlier visit) and opens an ONNX Runtime session on it, next to the checkpoint's
 * own tokenizer.
 */
export async function loadCheckpoint<N extends string>(
  ctx: AdapterLoadContext,
  head: CheckpointHead<N>,
  deps: CheckpointDeps = defaultDeps,
): Promise<CheckpointModel<N>> {
  setHost(ctx.host);
  const tokenizing = AutoTokenizer.from_pretrained(ctx.model, { progress_callback: progressForwarder(ctx) });
  tokenizing.catch(() => undefined); // awaited below, where its failure is reported
  const inspection = await inspectBert(ctx.host, ctx.model, deps);
  const plan = requireHeadPlan(inspection.encoder, head, inspection.header, ctx.model);
  const dtype = ctx.dtype === 'q8' ? 'q8' : 'fp32';
  // config.json was read while inspecting the checkpoint (before this load): count it as done.
  ctx.onProgress({ file: 'config.json', loaded: inspection.configBytes, total: inspection.configBytes });
  // [2] A graph kept from an earlier visit opens while the tokenizer loads; a build waits for the
  //     tokenizer first, so a checkpoint without a usable one fails before its tensors download.
  const built = await checkpointOnnx(ctx, inspection, plan, bertRecipe(inspection, head), dtype, deps, () => tokenizing);
  const [session, tokenizer] = await openCheckpointSession(ctx, built, deps, tokenizing);
  completeSpecialTokens(tokenizer);
  const vocab: string[] = [];
  for (const [token, id] of tokenizer.get_vocab()) vocab[id] = token;
  const facts = { ...factsFrom(inspection.config as AnyConfig, tokenizer, session.inputNames), sourceModel: ctx.model };
  return {
    facts,
    tokenizer,
    vocab,
    provenance: provenanceOf(inspection, plan, dtype),
    run: runner(session, head, inspection),
    dispose: () => session.release(),
  };
}
