import { AutoModelForQuestionAnswering, Tensor } from '@huggingface/transformers';
import { BadInputError, defineAdapter, encoderInside, floats, loadTextModel, tokenizerJsonOf, type TextModel, type TokensInfo } from '@/worker/sdk';
import { tokenizeWithOffsets } from './offsets';
import { collectAnswers, noAnswerVerdict, scoreWindow, windowView, type QaOutput, type ScoredWindow } from './postprocess';
import { insideViews, seam } from './seam';
import { buildWindow, pairTemplate, planWindows, specialCount, type PairTemplate, type WindowInput } from './windows';

/*
 * [1] The Python pipeline's defaults: windows of at most 384 tokens overlapping by up to 128.
 * [4] The Inside panel reads the passage exactly as a run does, so the window it looks inside is
 *     token for token one the model scored.
 * [5] A long context is several windows, each its own pass through the body: the panel names them
 *     and shows one (the answer's, by default: hat.ts).
 */
const MAX_SEQ_LEN = 384;
const DOC_STRIDE = 128;
const MAX_WINDOWS = 64;

type Encoding = { input_ids: number[]; token_type_ids?: number[] };

function encoder(tm: TextModel) {
  return (text: string, pair?: string): Encoding =>
    tm.tokenizer(text, {
      text_pair: pair ?? null,
      add_special_tokens: pair !== undefined,
      return_tensor: false,
      return_token_type_ids: true,
    }) as unknown as Encoding;
}

/** [2] Byte-level BPE tokenizers (GPT-2, RoBERTa) need their tokens decoded before they can be found in the text. */
function isByteLevel(tm: TextModel): boolean {
  const json = tokenizerJsonOf(tm.tokenizer);
  return JSON.stringify([json.decoder, json.pre_tokenizer]).includes('"ByteLevel"');
}

function int64(values: number[]) {
  return new Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);
}

function tokensInfo(tm: TextModel, input: WindowInput, questionLength: number, contextLength: number, maxLength: number): TokensInfo {
  const { questionOffset: q, contextOffset: c } = input;
  const rows = input.ids.map((id, i) => ({
    token: tm.vocab[id] ?? `<${id}>`,
    id,
    special: !((i >= q && i < q + questionLength) || (i >= c && i < c + contextLength)),
    typeId: tm.facts.hasTokenTypeIds ? input.types[i] : undefined,
    attention: 1,
  }));
  return { rows, fullLength: rows.length, maxLength, truncated: false };
}

function checkInput(question: string, context: string) {
  if (!question.trim() && !context.trim()) throw new BadInputError('The question and the context are both empty: type a question and a passage that answers it.');
  if (!question.trim()) throw new BadInputError('The question is empty: type a question whose answer is in the context.');
  if (!context.trim()) throw new BadInputError('The context is empty: paste a passage for the model to search for the answer.');
}

export default defineAdapter(seam, {
  async load(ctx) {
    const tm = await loadTextModel(AutoModelForQuestionAnswering, ctx);
    const encode = encoder(tm);
    const ids = (text: string) => encode(text).input_ids;
    const pair = encode('a', 'b');
    const template: PairTemplate = pairTemplate({ ids: pair.input_ids, types: pair.token_type_ids }, ids('a'), ids('b'));
    const byteLevel = isByteLevel(tm);
    const tokenOf = (id: number) => tm.vocab[id] ?? `<${id}>`;

    /** [1][4] The question, the context's tokens and the windows they are read in, as every run reads them. */
    function readPassage(question: string, context: string) {
      checkInput(question, context);
      const q = ids(question.trim());
      const windowLength = Math.min(tm.facts.maxLength, MAX_SEQ_LEN);
      const maxQuestion = Math.floor(windowLength / 2);
      if (q.length > maxQuestion) {
        throw new BadInputError(
          `The question is ${q.length} tokens long. This model reads ${windowLength} tokens at a time, question and context together, so keep the question to ${maxQuestion} tokens or fewer.`,
        );
      }
      const capacity = windowLength - q.length - specialCount(template);
      const stride = Math.min(DOC_STRIDE, Math.floor(windowLength / 2), Math.floor(capacity / 2));
      const tokens = tokenizeWithOffsets(context, ids, tokenOf, byteLevel);
      if (tokens.length === 0) throw new BadInputError('The model finds nothing to read in the context: type a passage with words in it.');
      const slices = planWindows(tokens.length, capacity, stride);
      if (slices.length > MAX_WINDOWS) {
        throw new BadInputError(`The context needs ${slices.length} windows of ${windowLength} tokens; the hat reads at most ${MAX_WINDOWS}. Shorten the passage.`);
      }
      return { q, windowLength, capacity, stride, tokens, slices };
    }
    const windowOf = (passage: ReturnType<typeof readPassage>, i: number) => {
      const slice = passage.slices[i]!;
      return buildWindow(template, passage.q, passage.tokens.slice(slice.start, slice.end).map((t) => t.id));
    };

    // [5] Inside looks at one window as the run fed it; the panel shows the one holding the answer first.
    const inside = encoderInside<typeof seam.codec.defaults>(ctx, {
      vocab: tm.vocab,
      views: insideViews,
      encode: (p, pick) => windowOf(readPassage(p.question, p.context), pick),
      picks: (p) => ({
        label: 'Which window',
        names: readPassage(p.question, p.context).slices.map((s) => `context tokens ${s.start + 1}–${s.end}`),
      }),
    });

    return {
      facts: tm.facts,
      async run({ question, context }, { signal }) {
        const passage = readPassage(question, context);
        const { q, windowLength, capacity, stride, tokens, slices } = passage;

        const scored: ScoredWindow[] = [];
        const inputs: WindowInput[] = [];
        for (const [i, slice] of slices.entries()) {
          if (signal.aborted) break;
          const input = windowOf(passage, i);
          const feeds: Record<string, Tensor> = { input_ids: int64(input.ids), attention_mask: int64(input.ids.map(() => 1)) };
          if (tm.facts.hasTokenTypeIds) feeds.token_type_ids = int64(input.types);
          // [3] start_logits and end_logits: [batch = 1, window length] each, one score per token.
          const { start_logits, end_logits } = (await tm.model(feeds)) as { start_logits: Tensor; end_logits: Tensor };
          const count = slice.end - slice.start;
          const allowed = input.ids.map((_, i) => i >= input.contextOffset && i < input.contextOffset + count);
          const scores = scoreWindow(floats(start_logits), floats(end_logits), allowed, input.nullIndex);
          scored.push({ scores, contextOffset: input.contextOffset, first: slice.start });
          inputs.push(input);
        }

        const answers = collectAnswers(scored, tokens, context);
        const shown = answers[0]?.window ?? 0;
        const output: QaOutput = {
          context,
          answers,
          ...noAnswerVerdict(scored, answers),
          tokens,
          windows: scored.map((w, i) => windowView(w, (slices[i]?.end ?? 0) - (slices[i]?.start ?? 0), inputs[i]?.nullIndex ?? null)),
          questionTokens: q.length,
          windowLength,
          contextPerWindow: capacity,
          stride,
        };
        const input = inputs[shown];
        const slice = slices[shown];
        return { output, tokens: input && slice ? tokensInfo(tm, input, q.length, slice.end - slice.start, windowLength) : undefined };
      },
      call: inside.call,
      dispose: () => Promise.all([inside.dispose(), tm.model.dispose()]),
    };
  },
});
