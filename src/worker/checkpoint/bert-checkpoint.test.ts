import { describe, expect, it } from 'vitest';
import { weightShapes, type BertHead, type EncoderConfig } from '@/lib/onnx';
import { tinyConfig } from '@/lib/onnx/fixture/fixture-spec';
import { parseSafetensorsHeader, writeSafetensors } from '@/lib/safetensors';
import { LimitError } from '@/lib/limits';
import { EngineError } from '../errors';
import { bothPretrainingHeads, nextSentenceHead, pooledClassifier } from '../sdk/testing';
import { encoderConfigOf, planHead, requireHeadPlan } from './bert-checkpoint';
import { planTensors } from './tensor-plan';

const config: EncoderConfig = { ...tinyConfig('bert', 20, 1), prefix: 'bert.' };

/** A checkpoint header for `head`, with names renamed/dropped/added as a real file might have them. */
function header(head: BertHead, edit: (names: [string, number[]][]) => [string, number[]][] = (n) => n, cfg = config) {
  const tensors = edit(weightShapes(cfg, head))
    .sort(([a], [b]) => (a < b ? -1 : 1)) // the Python writer sorts by name
    .map(([name, shape]) => ({ name, dtype: 'F32' as const, shape, data: new Float32Array(shape.reduce((x, y) => x * y, 1)) }));
  return parseSafetensorsHeader(writeSafetensors(tensors));
}

const legacy = (names: [string, number[]][]) =>
  names.map(([n, s]): [string, number[]] => [n.replace(/LayerNorm\.weight$/, 'LayerNorm.gamma').replace(/LayerNorm\.bias$/, 'LayerNorm.beta'), s]);

describe('planning the tensors of a head', () => {
  it('maps legacy gamma/beta names and keeps the file names for provenance', () => {
    const plan = requireHeadPlan(config, bothPretrainingHeads, header(bothPretrainingHeads, legacy), 'org/m');
    const norm = plan.tensors.find((t) => t.name === 'bert.embeddings.LayerNorm.weight');
    expect(norm?.fileName).toBe('bert.embeddings.LayerNorm.gamma');
    expect(plan.tensors.filter((t) => t.head).map((t) => t.fileName)).toContain('cls.predictions.transform.LayerNorm.beta');
    expect(plan.missing).toEqual([]);
  });

  it('reads only what the head needs, in as few requests as the layout allows', () => {
    // A full pre-training checkpoint: NSP needs bert.* and cls.seq_relationship.*, not cls.predictions.*.
    const h = header(bothPretrainingHeads);
    const nsp = planHead(config, nextSentenceHead, h);
    expect(nsp.tensors.some((t) => t.fileName.startsWith('cls.predictions'))).toBe(false);
    expect(nsp.requests).toHaveLength(2); // bert.* is one run; cls.predictions.* sits between it and cls.seq_relationship.*
    const all = planHead(config, bothPretrainingHeads, h);
    expect(all.requests).toEqual([{ start: h.dataStart, end: h.dataStart + Math.max(...[...h.tensors.values()].map((e) => e.end)) }]);
    expect(all.bytes).toBe(all.requests[0]!.end - all.requests[0]!.start);
  });

  it('uses a tied decoder stored under cls.predictions.decoder.weight as the word embeddings', () => {
    const h = header(bothPretrainingHeads, (names) =>
      names.map(([n, s]): [string, number[]] => [n === 'bert.embeddings.word_embeddings.weight' ? 'cls.predictions.decoder.weight' : n, s]),
    );
    const plan = requireHeadPlan(config, bothPretrainingHeads, h, 'org/m');
    expect(plan.tensors.find((t) => t.name === 'bert.embeddings.word_embeddings.weight')?.fileName).toBe('cls.predictions.decoder.weight');
  });

  it('names the missing tensor when the checkpoint lacks the head', () => {
    const h = header(bothPretrainingHeads, (names) => names.filter(([n]) => !n.startsWith('cls.seq_relationship')));
    expect(planHead(config, nextSentenceHead, h).missing).toEqual(['cls.seq_relationship.weight', 'cls.seq_relationship.bias']);
    const error = (() => {
      try {
        requireHeadPlan(config, nextSentenceHead, h, 'org/m');
      } catch (e) {
        return e as EngineError;
      }
    })();
    expect(error).toBeInstanceOf(EngineError);
    expect(error?.message).toMatch(/“org\/m” has no tensor cls\.seq_relationship\.weight \(and 1 more: cls\.seq_relationship\.bias\)/);
  });

  it('refuses a classifier of the wrong shape (a two-label classifier is not a one-score head)', () => {
    const h = header(pooledClassifier(2));
    expect(() => planHead(config, pooledClassifier(1), h)).toThrow(/classifier\.weight is \[2, 32\], but a 1-score classifier head on this config needs \[1, 32\]/);
  });

  it('reads a bare BertModel layout (no bert. prefix) when the config says so', () => {
    const bare = { ...config, prefix: '' };
    const plan = planHead(bare, pooledClassifier(1), header(pooledClassifier(1), (n) => n, bare));
    expect(plan.missing).toEqual([]);
    expect(plan.tensors[0]?.fileName.startsWith('embeddings.')).toBe(true);
  });
});

describe('encoderConfigOf', () => {
  const json = { model_type: 'bert', vocab_size: 20, hidden_size: 32, num_hidden_layers: 1, num_attention_heads: 2, intermediate_size: 64, max_position_embeddings: 64 };

  it('reads a BERT config.json with the usual defaults', () => {
    expect(encoderConfigOf(json, 'org/m', 'bert.')).toEqual({ ...config, typeVocabSize: 2, layerNormEps: 1e-12 });
  });

  it('refuses what the graph builder cannot build, by name', () => {
    expect(() => encoderConfigOf({ ...json, model_type: 'roberta' }, 'org/m', '')).toThrow(/“org\/m” is a roberta checkpoint/);
    expect(() => encoderConfigOf({ ...json, position_embedding_type: 'relative_key' }, 'org/m', '')).toThrow(/relative_key/);
  });

  it('refuses sizes past what the page can build, naming the field and the limit', () => {
    expect(() => encoderConfigOf({ ...json, num_hidden_layers: 100_000_000 }, 'org/m', '')).toThrow(
      new LimitError('“org/m”\'s config.json: num_hidden_layers is 100,000,000, more than the 48 this page allows.', 'num_hidden_layers', 48),
    );
    expect(() => encoderConfigOf({ ...json, vocab_size: 1e9 }, 'org/m', '')).toThrow(/vocab_size is 1,000,000,000, more than the 500,000/);
    expect(() => encoderConfigOf({ ...json, num_attention_heads: 3 }, 'org/m', '')).toThrow(/hidden_size 32 does not split into 3 attention heads/);
  });
});

describe('the bytes a plan may read', () => {
  it('refuses a plan bigger than the page may hold, before anything is fetched', () => {
    const h = header(pooledClassifier(1));
    const wanted = weightShapes(config, pooledClassifier(1));
    const bytes = planTensors(h, wanted, { needs: 'this head' }).bytes;
    expect(() => planTensors(h, wanted, { needs: 'this head', maxBytes: bytes })).not.toThrow();
    expect(() => planTensors(h, wanted, { needs: 'this head', maxBytes: bytes - 1 })).toThrow(LimitError);
  });
});
