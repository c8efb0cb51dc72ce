import { AutoTokenizer, Tensor, type PreTrainedModel, type PreTrainedTokenizer, type ProgressInfo } from '@huggingface/transformers';
import type { ModelFacts, TokenRow, TokensInfo } from '@/engine/protocol';
import { BadInputError, type AdapterLoadContext } from './adapter';
import { fitPair } from './pair-encoding';
import { SESSION_OPTIONS, STEPPING_SESSION_OPTIONS } from './setup';
import { inputNamesOf } from './sdk/transformers-internals';
import { completeSpecialTokens, segmentIds } from './special-tokens';

interface PretrainedClass {
  from_pretrained(id: string, options: Record<string, unknown>): Promise<PreTrainedModel>;
}

export interface TextModel {
  model: PreTrainedModel;
  tokenizer: PreTrainedTokenizer;
  facts: ModelFacts;
  vocab: string[];
}

export function progressForwarder(ctx: AdapterLoadContext) {
  return (info: ProgressInfo) => {
    if (info.status === 'progress') ctx.onProgress({ file: info.file, loaded: info.loaded, total: info.total });
  };
}

/** How a hat runs its model: once per answer, or step after step (a generator's decoding loop). */
export interface RunShape {
  stepping?: boolean;
}

/**
 * The options of a model's `from_pretrained` for this load: its dtype and device, progress to the page,
 * and the worker's ONNX Runtime session options (setup.ts): a model run step after step keeps the
 * runtime's threads spinning between its runs.
 */
export function pretrainedOptions(ctx: AdapterLoadContext, { stepping = false }: RunShape = {}) {
  return {
    dtype: ctx.dtype,
    device: ctx.device,
    progress_callback: progressForwarder(ctx),
    session_options: stepping ? STEPPING_SESSION_OPTIONS : SESSION_OPTIONS,
  };
}

/** Loads tokenizer and model together, and reads the numbers the explanation panel shows. */
export async function loadTextModel(ModelClass: PretrainedClass, ctx: AdapterLoadContext, shape: RunShape = {}): Promise<TextModel> {
  const [tokenizer, model] = await Promise.all([
    AutoTokenizer.from_pretrained(ctx.model, { progress_callback: progressForwarder(ctx) }),
    ModelClass.from_pretrained(ctx.model, pretrainedOptions(ctx, shape)),
  ]);
  completeSpecialTokens(tokenizer);
  const vocab: string[] = [];
  for (const [token, id] of tokenizer.get_vocab()) vocab[id] = token;
  return { model, tokenizer, vocab, facts: readFacts(model, tokenizer) };
}

/** A tensor's values as float32: fp16 exports answer in half precision, which the maths here cannot read as it is. */
export function floats(t: Tensor): Float32Array {
  return (t.type === 'float32' ? t : t.to('float32')).data as Float32Array;
}

export type AnyConfig = Record<string, unknown>;

function num(config: AnyConfig, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const v = config[key];
    if (typeof v === 'number') return v;
  }
  return undefined;
}

export function readFacts(model: PreTrainedModel, tokenizer: PreTrainedTokenizer): ModelFacts {
  return factsFrom(model.config as unknown as AnyConfig, tokenizer, inputNamesOf(model));
}

/** The panel's numbers from a config and tokenizer, for graphs built in the page as well as exports. */
export function factsFrom(config: AnyConfig, tokenizer: PreTrainedTokenizer, inputNames: readonly string[]): ModelFacts {
  const maxPositions = num(config, 'max_position_embeddings', 'n_positions');
  const tokenizerMax = Number(tokenizer.model_max_length);
  // [1] Some tokenizers declare a huge model_max_length (1e30) meaning "no limit";
  //     the position embeddings are the real limit then.
  const candidates = [maxPositions, Number.isFinite(tokenizerMax) && tokenizerMax < 1e6 ? tokenizerMax : undefined];
  const maxLength = Math.min(...candidates.filter((v): v is number => typeof v === 'number' && v > 0), 512);
  const id2label = config.id2label as Record<string, string> | undefined;
  return {
    modelType: String(config.model_type ?? 'unknown'),
    architectures: Array.isArray(config.architectures) ? (config.architectures as string[]) : [],
    hiddenSize: num(config, 'hidden_size', 'dim', 'd_model', 'n_embd'),
    numLayers: num(config, 'num_hidden_layers', 'n_layers', 'num_layers', 'n_layer'),
    numHeads: num(config, 'num_attention_heads', 'n_heads', 'num_heads', 'n_head'),
    intermediateSize: num(config, 'intermediate_size', 'hidden_dim', 'd_ff', 'n_inner'),
    vocabSize: num(config, 'vocab_size'),
    maxPositions,
    maxLength,
    id2label,
    maskToken: tokenizer.mask_token || undefined,
    hasTokenTypeIds: inputNames.includes('token_type_ids'),
    sourceModel: typeof config._name_or_path === 'string' && config._name_or_path ? config._name_or_path : undefined,
    problemType: typeof config.problem_type === 'string' ? config.problem_type : undefined,
    attentionWidth: num(config, 'true_hidden_size'),
    poolerActivation: typeof config.classifier_activation === 'boolean' ? config.classifier_activation : undefined,
  };
}

export interface EncodeOptions {
  text: string;
  textPair?: string;
}

/**
 * Tokenizes like the model will see it (truncated to its window), and reports the Tokens view.
 * The text is tokenized once; only a text too long for the window is looked at again.
 * [1] transformers.js truncates by cutting the joined ids at max_length, which drops the closing [SEP]
 *     and, for a pair, sentence B altogether. For BERT-style layouts the hat truncates the way Python's
 *     tokenizers do by default (longest first, separators kept); other layouts keep the library's cut.
 */
export function encode(tm: TextModel, { text, textPair }: EncodeOptions) {
  if (!text.trim()) throw new BadInputError('The text is empty: type something for the model to read.');
  const pair = textPair?.trim() ? textPair : null;
  const max = tm.facts.maxLength;
  const types = tm.facts.hasTokenTypeIds ? true : null;
  const full = tm.tokenizer(text, { text_pair: pair, truncation: false, return_tensor: false, return_token_type_ids: types }) as unknown as {
    input_ids: number[];
    token_type_ids?: number[];
  };
  const length = full.input_ids.length;
  if (length <= max) return fromIds(tm, full.input_ids, full.token_type_ids, length);
  // [1]
  const a = tm.tokenizer.encode(text, { add_special_tokens: false });
  const b = pair ? tm.tokenizer.encode(pair, { add_special_tokens: false }) : [];
  const bertLayout = length === a.length + b.length + (pair ? 3 : 2);
  if (bertLayout && pair) {
    const fitted = fitPair({ full: full.input_ids, a, b }, max, tm.vocab, new Set(tm.tokenizer.all_special_ids));
    return fromIds(tm, fitted.ids, fitted.types, length);
  }
  if (bertLayout) return fromIds(tm, [full.input_ids[0]!, ...a.slice(0, max - 2), full.input_ids.at(-1)!], undefined, length);
  const cut = tm.tokenizer(text, { text_pair: pair, truncation: true, max_length: max, return_tensor: false, return_token_type_ids: types }) as unknown as {
    input_ids: number[];
    token_type_ids?: number[];
  };
  return fromIds(tm, cut.input_ids, cut.token_type_ids, length);
}

function tokensView(tm: TextModel, ids: number[], types: number[] | undefined, fullLength: number): TokensInfo {
  const special = new Set(tm.tokenizer.all_special_ids);
  const rows: TokenRow[] = ids.map((id, i) => ({
    token: tm.vocab[id] ?? `<${id}>`,
    id,
    special: special.has(id),
    typeId: types?.[i],
    attention: 1,
  }));
  return { rows, fullLength, maxLength: tm.facts.maxLength, truncated: fullLength > ids.length };
}

/** Model inputs built from ids fitted to the window (by the tokenizer or by the hat). */
function fromIds(tm: TextModel, ids: number[], types: number[] | undefined, fullLength: number) {
  const dims = [1, ids.length];
  const int64 = (values: number[]) => new Tensor('int64', BigInt64Array.from(values.map(BigInt)), dims);
  // A tokenizer.json without a template post-processor returns no segment ids: they come from [SEP].
  const segment = types ?? (tm.facts.hasTokenTypeIds ? segmentIds(ids, tm.tokenizer.sep_token_id) : ids.map(() => 0));
  const inputs = {
    input_ids: int64(ids),
    attention_mask: int64(ids.map(() => 1)),
    ...(tm.facts.hasTokenTypeIds ? { token_type_ids: int64(segment) } : {}),
  };
  return { inputs, ids, tokens: tokensView(tm, ids, types ?? (tm.facts.hasTokenTypeIds ? segment : undefined), fullLength) };
}
