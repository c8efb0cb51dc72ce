import { AutoTokenizer, type PreTrainedTokenizer } from '@huggingface/transformers';
import type { ModelFacts } from '@/engine/protocol';
import type { CheckpointProvenance } from '@/lib/checkpoint-provenance';
import type { AdapterLoadContext } from '../adapter';
import { setHost } from '../hub';
import { completeSpecialTokens } from '../special-tokens';
import { factsFrom, progressForwarder, type AnyConfig } from '../text-model';
import { defaultDeps, type CheckpointDeps, type CheckpointSession, type GraphOutput } from './deps';
import { checkpointBytes, inspectCheckpoint, SAFETENSORS_FILE, type Inspection } from './inspect';
import { requirePlan, safetensorsLabel, type CheckpointHead, type TensorPlan } from './tensor-plan';
import { buildOnnx } from './weights';

type Ids = readonly (readonly bigint[])[] | readonly (readonly number[])[];

export interface CheckpointFeeds {
  input_ids: Ids;
  attention_mask: Ids;
  token_type_ids?: Ids;
}

export type { CheckpointProvenance };

export interface CheckpointModel {
  facts: ModelFacts;
  tokenizer: PreTrainedTokenizer;
  /** id -> token */
  vocab: string[];
  provenance: CheckpointProvenance;
  /** Feeds are int64 [batch, seq]; returns the graph outputs by name. */
  run(feeds: CheckpointFeeds): Promise<Record<string, GraphOutput>>;
  dispose(): Promise<void>;
}

function provenanceOf(inspection: Inspection, plan: TensorPlan, dtype: 'fp32' | 'q8'): CheckpointProvenance {
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
function toInt64(name: string, rows: Ids): { data: BigInt64Array; dims: number[] } {
  const batch = rows.length;
  const seq = rows[0]?.length ?? 0;
  const data = new BigInt64Array(batch * seq);
  for (let r = 0; r < batch; r++) {
    const row = rows[r]!;
    if (row.length !== seq) throw new Error(`${name}: row ${r} has ${row.length} tokens, row 0 has ${seq} (pad every row to one length)`);
    for (let c = 0; c < seq; c++) data[r * seq + c] = BigInt(row[c]!);
  }
  return { data, dims: [batch, seq] };
}

function zeros(like: Ids): { data: BigInt64Array; dims: number[] } {
  const dims = [like.length, like[0]?.length ?? 0];
  return { data: new BigInt64Array(dims[0]! * dims[1]!), dims };
}

function runner(session: CheckpointSession) {
  return (feeds: CheckpointFeeds) => {
    const inputs: Record<string, { data: BigInt64Array; dims: number[] }> = {};
    for (const name of session.inputNames) {
      const rows = feeds[name as keyof CheckpointFeeds];
      // Segment ids default to 0 (all sentence A), as in the tokenizer for a single text.
      inputs[name] = rows ? toInt64(name, rows) : zeros(feeds.input_ids);
    }
    return session.run(inputs);
  };
}

/**
 * Loads a BERT checkpoint's model.safetensors with the given head: reads the header, fetches only
 * the tensors the head needs (HTTP Range, cached), builds the ONNX graph in the page and opens an
 * ONNX Runtime session on it, next to the checkpoint's own tokenizer.
 */
export async function loadCheckpoint(
  ctx: AdapterLoadContext,
  head: CheckpointHead,
  deps: CheckpointDeps = defaultDeps,
): Promise<CheckpointModel> {
  setHost(ctx.host);
  const [tokenizer, inspection] = await Promise.all([
    AutoTokenizer.from_pretrained(ctx.model, { progress_callback: progressForwarder(ctx) }),
    inspectCheckpoint(ctx.host, ctx.model, deps),
  ]);
  completeSpecialTokens(tokenizer);
  const plan = requirePlan(inspection.encoder, head, inspection.header, ctx.model);
  const dtype = ctx.dtype === 'q8' ? 'q8' : 'fp32';
  // config.json was read while inspecting the checkpoint (before this load): count it as done.
  ctx.onProgress({ file: 'config.json', loaded: inspection.configBytes, total: inspection.configBytes });
  const file = safetensorsLabel(plan);
  // The header was read while inspecting; the tensors stream in now.
  const total = checkpointBytes(inspection, plan);
  let loaded = total - plan.bytes;
  let told = loaded;
  ctx.onProgress({ file, loaded, total });
  const onnx = await buildOnnx(inspection, plan, dtype === 'q8', (n) => {
    loaded += n;
    // A 440 MB body arrives in thousands of chunks; the page needs a few hundred updates at most.
    if (loaded - told < total / 500 && loaded < total) return;
    told = loaded;
    ctx.onProgress({ file, loaded, total });
  });
  const session = await deps.runtime.createSession(onnx, ctx.device);
  const vocab: string[] = [];
  for (const [token, id] of tokenizer.get_vocab()) vocab[id] = token;
  const facts = { ...factsFrom(inspection.config as unknown as AnyConfig, tokenizer, session.inputNames), sourceModel: ctx.model };
  return {
    facts,
    tokenizer,
    vocab,
    provenance: provenanceOf(inspection, plan, dtype),
    run: runner(session),
    dispose: () => session.release(),
  };
}
