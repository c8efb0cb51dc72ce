import type { TokensInfo } from '@/engine/protocol';
import { softmax } from '@/lib/maths';
import { maskedLm, pooler, seqRelationship, tiedAliases, type EncoderConfig } from '@/lib/onnx';
import { anatomyOf, HEAD_NAMES, trainedHeadCount } from '@/lib/mirror/anatomy';
import { wearHead } from '@/lib/mirror/dense-head';
import { mirrorHead, type MirrorParts } from '@/lib/mirror/mirror-head';
import { mirrorSeam } from '@/lib/mirror/seam';
import type { HeadReading, MirrorOutput, TrainedHead } from '@/lib/mirror/types';
import type { SafetensorsHeader } from '@/lib/safetensors';
import { BadInputError, defineAdapter, type HatAdapter, type ModelSource } from '../../adapter';
import { checkpointSource, defaultDeps, loadCheckpoint, planTensors, type CheckpointDeps, type CheckpointHead } from '../../checkpoint';
import { inspectBert, planHead } from '../../checkpoint/bert-checkpoint';
import { pairTokenizer } from '../../pair-encoding';
import { measureDrift } from './drift';
import { topGuesses } from './guesses';

/*
 * The mirror: one BERT body, loaded once from model.safetensors, one forward pass, and every head
 * the checkpoint carries reading the same hidden states side by side.
 * [1] Which of BERT's own heads the checkpoint has decides the graph: a pretraining checkpoint has
 *     both, a fine-tuned one (SWAG) usually neither; the bare hidden states are always there.
 * [2] One graph with several outputs is one pass: ONNX Runtime computes the shared body once and
 *     each head's few nodes on top of it.
 * [3] Heads trained in this browser are small dense layers on a pooled sentence vector: worn here
 *     in TypeScript on the very hidden states the graph returned (dense-head.ts).
 */

function has(config: EncoderConfig, header: SafetensorsHeader, shapes: [string, number[]][]): boolean {
  return planTensors(header, shapes, { aliases: tiedAliases(config), needs: 'the mirror' }).missing.length === 0;
}

function partsOf(config: EncoderConfig, header: SafetensorsHeader): MirrorParts {
  return {
    maskedLm: has(config, header, maskedLm.shapes(config)),
    nextSentence: config.family === 'bert' && has(config, header, [...pooler.shapes(config), ...seqRelationship.shapes(config)]),
  };
}

const asHead = (parts: MirrorParts): CheckpointHead => ({ ...mirrorHead(parts), label: 'mirror (the body and its own heads)' });

/** Before loading, the mirror plans with every head the checkpoint has: the sizes are those of the load. */
function mirrorSource(deps: CheckpointDeps): ModelSource {
  const headSource = async ({ host, model }: { host: string; model: string }) => {
    const inspection = await inspectBert(host, model, deps);
    return checkpointSource(asHead(partsOf(inspection.encoder, inspection.header)), deps);
  };
  return {
    availableDtypes: async (q) => (await headSource(q)).availableDtypes(q),
    files: async (q) => (await headSource(q)).files(q),
    cached: async (q) => (await headSource(q)).cached(q),
  };
}

function wear(heads: TrainedHead[], hidden: number[][], width: number) {
  const readings: HeadReading[] = [];
  const refused: MirrorOutput['refused'] = [];
  for (const head of heads) {
    if (head.hiddenSize !== width) {
      refused.push({ name: head.name, why: `it reads ${head.hiddenSize}-number vectors and this body makes ${width}-number ones` });
      continue;
    }
    readings.push({ kind: 'custom', name: head.name, reads: head.pooling, task: head.task, labels: head.labels, values: wearHead(head, hidden) }); // [3]
  }
  return { readings, refused };
}

/** The mirror's worker half; tests hand it Node's runtime and a memory cache. */
export function mirrorAdapter(deps: CheckpointDeps = defaultDeps): HatAdapter {
  return defineAdapter(mirrorSeam, {
    source: mirrorSource(deps),
    async load(ctx) {
      const inspection = await inspectBert(ctx.host, ctx.model, deps);
      const config = inspection.encoder;
      const parts = partsOf(config, inspection.header); // [1]
      const head = asHead(parts);
      const cm = await loadCheckpoint(ctx, head, deps);
      const plan = planHead(config, head, inspection.header);
      const anatomy = anatomyOf(ctx.model, config, parts, plan.tensors.map((t) => ({ name: t.name, shape: t.entry.shape })));
      const { fit } = pairTokenizer(cm.tokenizer, cm.vocab, cm.facts.maxLength);
      const special = new Set(cm.tokenizer.all_special_ids);
      const h = config.hiddenSize;

      function encodeText(text: string, pair: string): { ids: number[]; types: number[]; tokens: TokensInfo } {
        if (pair.trim()) {
          const fitted = fit(text, pair);
          return { ids: fitted.ids, types: fitted.types, tokens: fitted.tokens };
        }
        const full = (cm.tokenizer(text, { return_tensor: false }) as unknown as { input_ids: number[] }).input_ids; // [CLS] text [SEP]
        const ids = full.length > cm.facts.maxLength ? [...full.slice(0, cm.facts.maxLength - 1), full.at(-1)!] : full;
        const rows = ids.map((id) => ({ token: cm.vocab[id] ?? `<${id}>`, id, special: special.has(id), typeId: 0, attention: 1 }));
        return { ids, types: ids.map(() => 0), tokens: { rows, fullLength: full.length, maxLength: cm.facts.maxLength, truncated: ids.length < full.length } };
      }

      return {
        facts: cm.facts,
        async run({ text, pair, heads }) {
          if (!text.trim()) throw new BadInputError('The text is empty. Type a sentence for the body to read.');
          const { ids, types, tokens } = encodeText(text, pair);
          const out = await cm.run({ input_ids: [ids], token_type_ids: [types], attention_mask: [ids.map(() => 1)] }); // [2]
          const state = out.last_hidden_state!.data;
          const hidden = ids.map((_, p) => Array.from(state.subarray(p * h, (p + 1) * h)));
          const readings: HeadReading[] = [{ kind: 'hidden', name: HEAD_NAMES.hidden, reads: 'every' }];
          if (out.prediction_logits) {
            readings.push({ kind: 'masked-lm', name: HEAD_NAMES.maskedLm, reads: 'every', positions: topGuesses(out.prediction_logits.data, ids.length, config.vocabSize, cm.vocab, 3) });
          }
          if (out.seq_relationship_logits) {
            const [isNext = 0, notNext = 0] = softmax(out.seq_relationship_logits.data);
            readings.push({ kind: 'next-sentence', name: HEAD_NAMES.nextSentence, reads: 'cls', isNext, notNext });
          }
          const worn = wear(heads, hidden, h);
          const output: MirrorOutput = {
            anatomy: { ...anatomy, heads: [...anatomy.heads, ...heads.filter((t) => t.hiddenSize === h).map(trainedHeadCount)] },
            tokens: tokens.rows.map((r) => r.token),
            hidden,
            readings: [...readings, ...worn.readings],
            refused: worn.refused,
          };
          return { output, tokens };
        },
        call: (payload, rc) => measureDrift({ host: ctx.host, base: ctx.model, baseConfig: config, tuned: payload.tuned, emit: rc.emit, signal: rc.signal, deps }),
        dispose: () => cm.dispose(),
      };
    },
  });
}

export default mirrorAdapter();
