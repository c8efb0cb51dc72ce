import { AutoModelForSeq2SeqLM, DynamicCache, Tensor, type PreTrainedModel } from '@huggingface/transformers';
import type { T5Config } from '@/lib/onnx/t5';
import {
  attentionMap,
  BadInputError,
  defineAdapter,
  EngineError,
  generatorInside,
  generationConfigOf,
  hiddenStates,
  t5Architecture,
  loadTextModel,
  pacer,
  sessionsOf,
  type AdapterLoadContext,
  type RunContext,
  type RunOutput,
  type TextModel,
  type TokenRow,
  type TokensInfo,
} from '@/worker/sdk';
import { greedyGenerate, type EncoderToken, type Seq2SeqArchitecture, type Seq2SeqOutput } from './generation';
import { addedPrefix, clampNewTokens, sourceText, type Seq2SeqParams } from './params';
import { seam } from './seam';

/*
 * The worker side of the hat: tokenize the source, run the encoder session once,
 * then drive the decoder session step by step through the loop in generation.ts.
 */

const TOP_K = 5;

const int64 = (values: readonly number[]) => new Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);

function architectureOf(model: PreTrainedModel, usesCache: boolean): Seq2SeqArchitecture {
  const c = model.config as unknown as Record<string, unknown>;
  const n = (key: string) => (typeof c[key] === 'number' ? (c[key] as number) : undefined);
  return {
    modelType: String(c.model_type ?? 'unknown'),
    encoderLayers: n('num_layers') ?? n('encoder_layers'),
    decoderLayers: n('num_decoder_layers') ?? n('decoder_layers') ?? n('num_layers'),
    dModel: n('d_model'),
    dKv: n('d_kv'),
    dFf: n('d_ff') ?? n('encoder_ffn_dim'),
    heads: n('num_heads') ?? n('encoder_attention_heads'),
    vocabSize: n('vocab_size'),
    relativeBuckets: n('relative_attention_num_buckets'),
    relativeMaxDistance: n('relative_attention_max_distance'),
    feedForward: typeof c.feed_forward_proj === 'string' ? c.feed_forward_proj : undefined,
    usesCache,
  };
}

/**
 * Source ids fitted to the encoder's window [1].
 * [1] T5 has no position table, but it was trained on 512-token inputs (its tokenizer's
 *     model_max_length): longer sources are cut there, keeping the closing </s>.
 */
export function fitSource(full: readonly number[], maxLength: number, eosId: number): number[] {
  if (full.length <= maxLength) return [...full];
  const closes = full.at(-1) === eosId;
  return closes ? [...full.slice(0, maxLength - 1), eosId] : full.slice(0, maxLength);
}

export interface Seq2SeqRunner {
  run(params: Seq2SeqParams, ctx: RunContext<Seq2SeqOutput>): Promise<RunOutput<Seq2SeqOutput>>;
}

export function seq2seqRunner(tm: TextModel): Seq2SeqRunner {
  const { model, tokenizer, vocab, facts } = tm;
  const sessions = sessionsOf(model);
  const encoderSession = sessions.model;
  const decoderSession = sessions.decoder_model_merged;
  if (!encoderSession || !decoderSession) throw new Error('This export has no encoder_model/decoder_model_merged pair.');
  const usesCache = decoderSession.inputNames.some((name) => name.startsWith('past_key_values.'));
  const architecture = architectureOf(model, usesCache);
  const gen = generationConfigOf(model);
  const config = model.config as unknown as Record<string, unknown>;
  const startId = Number(gen.decoder_start_token_id ?? config.decoder_start_token_id ?? tokenizer.pad_token_id ?? 0);
  const eosRaw = gen.eos_token_id ?? config.eos_token_id ?? tokenizer.eos_token_id;
  const eosIds = (Array.isArray(eosRaw) ? eosRaw : [eosRaw]).map(Number).filter(Number.isFinite);
  const special = new Set(tokenizer.all_special_ids);
  const tokenOf = (id: number) => vocab[id] ?? `<${id}>`;

  return {
    async run(params, ctx) {
      if (!params.text.trim()) throw new BadInputError('The text is empty: type something for the encoder to read.');
      const notes: string[] = [];
      const limit = clampNewTokens(params.max_new_tokens);
      if (limit.note) notes.push(limit.note);
      const source = sourceText(params);
      const full = tokenizer.encode(source);
      const eosId = eosIds[0] ?? tokenizer.eos_token_id;
      const ids = fitSource(full, facts.maxLength, eosId);
      if (ids.length < full.length) {
        notes.push(`The source was ${full.length} tokens long; the encoder read the first ${facts.maxLength} (the model's window), so the end of the text was left out.`);
      }
      // The task prefix the encoder reads first: the preset's, or the one the person typed themselves.
      const { prefix, typed } = addedPrefix(params);
      const lead = (prefix || typed || '').trimEnd();
      const prefixIds = lead ? tokenizer.encode(lead, { add_special_tokens: false }) : [];
      const prefixLength = prefixIds.every((id, i) => ids[i] === id) ? prefixIds.length : 0;
      const encoderTokens: EncoderToken[] = ids.map((id, i) => ({ id, token: tokenOf(id), special: special.has(id), prefix: i < prefixLength }));
      const mask = int64(ids.map(() => 1));
      let hidden: Tensor | undefined;
      const cache = new DynamicCache();
      let cached = false;

      const initial: Seq2SeqOutput = {
        encoder: { tokens: encoderTokens, ms: 0, fullLength: full.length, maxLength: facts.maxLength },
        decoderStartId: startId,
        decoderStartToken: tokenOf(startId),
        steps: [],
        text: '',
        finish: null,
        maxNewTokens: limit.value,
        generateMs: 0,
        notes,
        architecture,
      };
      try {
        const output = await greedyGenerate(
          { startId, eosIds, maxNewTokens: limit.value, topK: TOP_K, initial },
          {
            async encode() {
              // [2] The encoder session alone: input_ids + attention_mask → last_hidden_state.
              const out = await encoderSession.run({ input_ids: int64(ids).ort_tensor, attention_mask: mask.ort_tensor });
              hidden = new Tensor(out.last_hidden_state as Tensor['ort_tensor']);
            },
            async step(written) {
              // [3] With a cache the decoder is fed only its newest token; the keys and values of the
              //     earlier ones come back in as past_key_values. Without one it rereads them all.
              const feed = usesCache ? written.slice(-1) : written;
              const out = (await model.forward({
                encoder_outputs: hidden,
                attention_mask: mask,
                decoder_input_ids: int64(feed),
                past_key_values: cached ? cache : undefined,
              })) as Record<string, Tensor>;
              if (usesCache) keepCache(cache, out, cached);
              cached = usesCache;
              const logits = out.logits;
              if (!logits) throw new Error('The decoder gave no logits.');
              const vocabSize = logits.dims.at(-1) ?? 0;
              const data = (logits.type === 'float32' ? logits : logits.to('float32')).data as Float32Array;
              return data.subarray(data.length - vocabSize);
            },
            decode: (written) => tokenizer.decode([...written], { skip_special_tokens: true }),
            tokenOf,
            signal: ctx.signal,
            emit: ctx.emit,
            now: () => performance.now(),
            yieldToEvents: pacer(params.pace, ctx.signal),
          },
        );
        return { output, tokens: tokensInfo(encoderTokens, full.length, facts.maxLength) };
      } finally {
        await cache.dispose();
        hidden?.dispose();
      }
    },
  };
}

/**
 * present.* outputs become the next step's past_key_values.* [4].
 * [4] The cross-attention entries (…encoder.key/value) depend only on the encoder's output, so
 *     the first step's are kept: Optimum's merged decoder passes them through unchanged after that.
 */
function keepCache(cache: DynamicCache, out: Record<string, Tensor>, started: boolean): void {
  const entries: Record<string, Tensor> = {};
  for (const [name, tensor] of Object.entries(out)) {
    if (!name.startsWith('present')) continue;
    const pastName = name.replace('present', 'past_key_values');
    if (started && name.includes('.encoder.')) {
      if (tensor.location === 'gpu-buffer') tensor.dispose();
      continue;
    }
    entries[pastName] = tensor;
  }
  cache.update(entries);
}

function tokensInfo(tokens: EncoderToken[], fullLength: number, maxLength: number): TokensInfo {
  const rows: TokenRow[] = tokens.map((t) => ({ token: t.token, id: t.id, special: t.special, attention: 1 }));
  return { rows, fullLength, maxLength, truncated: fullLength > tokens.length };
}

/*
 * [6] Inside: the export's sessions answer with logits only, so the panel rebuilds T5 from the
 *     PyTorch checkpoint as one graph with every attention as an output. It first writes the
 *     answer as a run does (greedy, through the export), then feeds the source and the decoder's
 *     tokens at once: each decoder row is the step that chose the next word.
 */
function t5Inside(ctx: AdapterLoadContext, tm: TextModel, runner: Seq2SeqRunner) {
  const tokenOf = (id: number) => tm.vocab[id] ?? `<${id}>`;
  const quiet: RunContext<Seq2SeqOutput> = { emit: () => undefined, signal: new AbortController().signal, stopped: () => false };
  return generatorInside<Seq2SeqParams, T5Config, Seq2SeqOutput>(ctx, t5Architecture, {
    views: ['attention', 'hidden'],
    async encode(params) {
      const { output } = await runner.run({ ...params, pace: 'fast' }, quiet);
      const source = output.encoder.tokens.map((t) => t.id);
      // The last written token (often </s>) is read by no later step: it is not fed back.
      const target = [output.decoderStartId, ...output.steps.slice(0, -1).map((s) => s.id)];
      return { feeds: { input_ids: source, attention_mask: source.map(() => 1), decoder_input_ids: target }, encoded: output };
    },
    answer(out, config, output) {
      const source = output.encoder.tokens.map((t) => t.token);
      const target = [output.decoderStartToken, ...output.steps.slice(0, -1).map((s) => tokenOf(s.id))];
      return {
        attention: [
          attentionMap(out, 'encoder self', 'encoder', config.numLayers, source, source),
          attentionMap(out, 'decoder self', 'decoder', config.numDecoderLayers, target, target),
          attentionMap(out, 'cross', 'cross', config.numDecoderLayers, target, source),
        ],
        hidden: hiddenStates(out, 'encoder', config.numLayers, source),
      };
    },
  });
}

export default defineAdapter(seam, {
  async load(ctx) {
    // [5] AutoModelForSeq2SeqLM reads model_type (t5, bart, …) and opens two ONNX sessions:
    //     onnx/encoder_model*.onnx and onnx/decoder_model_merged*.onnx.
    const tm = await loadTextModel(AutoModelForSeq2SeqLM, ctx, { stepping: true });
    let runner;
    try {
      runner = seq2seqRunner(tm);
    } catch (error) {
      await tm.model.dispose();
      throw new EngineError('unsupported', `“${ctx.model}” is not an encoder-decoder export this hat can drive.`, error instanceof Error ? error.message : String(error));
    }
    // The panel's look writes its answer with the same export sessions as a run: one at a time.
    let last: Promise<unknown> = Promise.resolve();
    const serial: Seq2SeqRunner = {
      run(params, runCtx) {
        const next = last.then(() => runner.run(params, runCtx));
        last = next.catch(() => undefined);
        return next;
      },
    };
    const inside = t5Inside(ctx, tm, serial); // [6]
    return {
      facts: tm.facts,
      run: (params, runCtx) => serial.run(params, runCtx),
      call: inside.call,
      dispose: () => Promise.all([inside.dispose(), tm.model.dispose()]),
    };
  },
});
