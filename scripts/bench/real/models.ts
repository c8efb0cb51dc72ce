// The real-size bench's models: random weights at the sizes students meet, built once with the project's own builders.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBertModel, quantizeDynamic, serializeModel, weightShapes, type BertHead, type EncoderConfig, type ModelProto } from '../../../src/lib/onnx';
import { buildGpt2Model, byteLevelTokenizerConfig, byteLevelTokenizerJson, byteLevelVocab, gpt2WeightShapes, type Gpt2Config } from '../../../src/lib/onnx/gpt2';
import { gridOf, sincosPositions, VIT_MAE_NAMES, vitMaeShapes, type VitMaeConfig } from '../../../src/lib/onnx/vit-mae';
import { checkpointFile } from '../../../src/lib/onnx/fixture/checkpoint-file';
import { mimConfigJson, mimPreprocessor } from '../../../src/hats/masked-image-modeling/fixture';
import type { FixtureFolder, FixtureModelSpec } from '../../../src/lib/onnx/fixture/fixture-spec';
import { VOCAB } from '../../../src/lib/onnx/fixture/test-vocab';
import { pretrainingHead } from '../../../src/hats/pretraining/head';
import { sequenceClassificationHead } from '../../../src/hats/sequence-classification/head';
import { mulberry32 } from '../../../src/lib/random';
import { writeFolder } from '../../fixtures/build';
import { checkpointBytes } from '../../fixtures/checkpoint';
import { configJson, specialTokensMap, tokenizerConfig, tokenizerJson } from '../../fixtures/hub-files';
import { hashSources, sourcesUnder } from '../../source-hash';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BENCH_MODELS_DIR = path.join(ROOT, 'bench-models');
const STAMP = path.join(BENCH_MODELS_DIR, 'stamp.json');

export const ENCODER_ID = 'hw-bench/bert-base-sst2';
export const CHECKPOINT_ID = 'hw-bench/bert-base-uncased';
export const CLM_ID = 'hw-bench/distilgpt2';
export const MIM_ID = 'hw-bench/vit-mae-base';

/** google-bert/bert-base-uncased's shape: 110M parameters. */
export const BERT_BASE: EncoderConfig = {
  family: 'bert',
  vocabSize: 30522,
  hiddenSize: 768,
  numLayers: 12,
  numHeads: 12,
  intermediateSize: 3072,
  maxPositions: 512,
  typeVocabSize: 2,
  layerNormEps: 1e-12,
};

/** distilbert/distilgpt2's shape: 82M parameters, plus an untied lm_head as the ONNX exports have it. */
export const DISTILGPT2: Gpt2Config = {
  vocabSize: 50257,
  hiddenSize: 768,
  numLayers: 6,
  numHeads: 12,
  innerSize: 3072,
  maxPositions: 1024,
  layerNormEps: 1e-5,
};

/** facebook/vit-mae-base's shape (ViTMAEConfig's defaults): a ViT-B/16 encoder and an 8-layer, 512-wide decoder, 112M parameters, 448 MB. */
export const VIT_MAE_BASE: VitMaeConfig = {
  imageSize: 224,
  patchSize: 16,
  numChannels: 3,
  hiddenSize: 768,
  numLayers: 12,
  numHeads: 12,
  intermediateSize: 3072,
  decoderHiddenSize: 512,
  decoderLayers: 8,
  decoderHeads: 16,
  decoderIntermediateSize: 2048,
  layerNormEps: 1e-12,
  maskRatio: 0.75,
  normPixLoss: false,
};

/** Plain words both tokenizers keep whole (one token each): the bench's texts are made of them. */
export const WORDS = VOCAB.filter((t) => /^[a-z]{2,}$/.test(t));

/** `n` words, different for each `variant`, so every run is a new input of the same length. */
export function words(n: number, variant: number): string {
  return Array.from({ length: n }, (_, j) => WORDS[(variant * 7 + j * 13) % WORDS.length]).join(' ');
}

/** Norm scales and shifts: BERT's LayerNorm, GPT-2's ln_1/ln_2/ln_f, ViT's layernorm_before/after, vit.layernorm and decoder_norm. */
const NORM = /(LayerNorm|ln_\d|ln_f|layernorm\w*|decoder_norm)\.(weight|bias)$/;

/*
 * Random weights, uniform with the standard deviation of BERT's and GPT-2's initialisation (0.02);
 * norm scales 1 and shifts 0 as at initialisation. Speed and memory do not depend on the values.
 * `std` may raise one tensor's spread (GPT-2's lm_head, see clmFolder).
 */
function randomWeights(shapes: [string, number[]][], seed: number, std: (name: string) => number = () => 0.02): Record<string, Float32Array> {
  const random = mulberry32(seed);
  const weights: Record<string, Float32Array> = {};
  for (const [name, dims] of shapes) {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    if (NORM.test(name) && name.endsWith('.weight')) data.fill(1);
    else if (!NORM.test(name)) {
      const half = std(name) * Math.sqrt(3); // uniform on [−a, a] has variance a²/3
      for (let i = 0; i < data.length; i++) data[i] = (2 * random() - 1) * half;
    }
    weights[name] = data;
  }
  return weights;
}

/** A WordPiece vocabulary of BERT's size: the test vocabulary, then filler words. */
function bertVocab(): string[] {
  const vocab = [...VOCAB];
  for (let i = 0; vocab.length < BERT_BASE.vocabSize; i++) vocab.push(`tok${i}`);
  return vocab;
}

function bertSpec(id: string, architecture: string, head: BertHead, labels?: string[]): FixtureModelSpec {
  return {
    id,
    architecture,
    config: BERT_BASE,
    head,
    labels,
    tokenizerClass: 'BertTokenizer',
    modelMaxLength: BERT_BASE.maxPositions,
    withOnnx: false,
    rule: 'random weights',
    weights: () => ({}),
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function bertJsonFiles(spec: FixtureModelSpec): Record<string, string> {
  return {
    'config.json': json(configJson(spec)),
    'tokenizer.json': json(tokenizerJson({ vocab: bertVocab() })),
    'tokenizer_config.json': json(tokenizerConfig(spec)),
    'special_tokens_map.json': json(specialTokensMap()),
  };
}

/**
 * A q8 export as the Hub's have it (onnxruntime's quantize_dynamic): 8-bit weights, and activations
 * quantized on the fly, so the matrix products run on bytes (the app's own checkpoint builds do the same).
 */
const q8Export = (model: ModelProto) => serializeModel(quantizeDynamic(model));

/** Sequence classification on BERT-base, q8 only (what the app loads on WASM). */
const encoderFolder: FixtureFolder = {
  id: ENCODER_ID,
  rule: 'BERT-base (12 × 768, vocab 30522) + sequence-classification head, random weights, onnx/model_quantized.onnx',
  files() {
    const head = sequenceClassificationHead(2);
    const spec = bertSpec(ENCODER_ID, 'BertForSequenceClassification', head, ['NEGATIVE', 'POSITIVE']);
    const model = buildBertModel({ config: BERT_BASE, head, weights: randomWeights(weightShapes(BERT_BASE, head), 1), doc: `${ENCODER_ID}: random weights` });
    return { ...bertJsonFiles(spec), 'onnx/model_quantized.onnx': q8Export(model) };
  },
};

/** Every LayerNorm under its TensorFlow-era name, as google-bert/bert-base-uncased's model.safetensors has them. */
const legacyLayerNorm = (name: string) => name.replace(/LayerNorm\.weight$/, 'LayerNorm.gamma').replace(/LayerNorm\.bias$/, 'LayerNorm.beta');

/** A BertForPreTraining checkpoint laid out like google-bert/bert-base-uncased: model.safetensors only, 440 MB. */
const checkpointFolder: FixtureFolder = {
  id: CHECKPOINT_ID,
  rule: 'BertForPreTraining at BERT-base size, random weights: model.safetensors (F32, real tensor names, gamma/beta, tied decoder not stored), no onnx/',
  files() {
    const head = pretrainingHead;
    const weights = randomWeights(weightShapes(BERT_BASE, head), 2);
    const bytes = checkpointBytes(BERT_BASE, head, weights, { rename: legacyLayerNorm });
    return { ...bertJsonFiles(bertSpec(CHECKPOINT_ID, 'BertForMaskedLM', head)), 'model.safetensors': bytes };
  },
};

/*
 * distilgpt2-sized decoder with a KV cache, fp32 and q8. [1] lm_head gets a wider spread than 0.02 so the
 * next-token distribution is about as peaked as a trained model's (logits with a standard deviation
 * near 3: a top-p 0.9 nucleus of a few hundred to a few thousand tokens, not most of the vocabulary);
 * its end-of-text row is zero, so the logit of <|endoftext|> sits mid-pack and every run writes all
 * 256 tokens.
 */
const clmFolder: FixtureFolder = {
  id: CLM_ID,
  rule: 'GPT-2 at distilgpt2 size (6 × 768, vocab 50257, 1024 positions) with past key values, random weights, onnx/model.onnx and model_quantized.onnx',
  files() {
    const c = DISTILGPT2;
    const fillers = Array.from({ length: (c.vocabSize - 257) / 2 - WORDS.length }, (_, i) => `tok${i}`);
    const vocab = byteLevelVocab([...WORDS, ...fillers]);
    if (vocab.tokens.length !== c.vocabSize) throw new Error(`GPT-2 vocabulary has ${vocab.tokens.length} tokens, not ${c.vocabSize}`);
    const eos = c.vocabSize - 1;
    const weights = randomWeights(gpt2WeightShapes(c), 3, (name) => (name === 'lm_head.weight' ? 3 / Math.sqrt(c.hiddenSize) : 0.02)); // [1]
    weights['lm_head.weight']!.fill(0, eos * c.hiddenSize, (eos + 1) * c.hiddenSize);
    const model = buildGpt2Model({ config: c, weights, withPast: true, doc: `${CLM_ID}: random weights` });
    const config = {
      activation_function: 'gelu_new',
      architectures: ['GPT2LMHeadModel'],
      bos_token_id: eos,
      eos_token_id: eos,
      layer_norm_epsilon: c.layerNormEps,
      model_type: 'gpt2',
      n_ctx: c.maxPositions,
      n_embd: c.hiddenSize,
      n_head: c.numHeads,
      n_inner: null,
      n_layer: c.numLayers,
      n_positions: c.maxPositions,
      use_cache: true,
      vocab_size: c.vocabSize,
    };
    return {
      'config.json': json(config),
      'generation_config.json': json({ bos_token_id: eos, eos_token_id: eos }),
      'tokenizer.json': json(byteLevelTokenizerJson(vocab)),
      'tokenizer_config.json': json(byteLevelTokenizerConfig(vocab, c.maxPositions)),
      'special_tokens_map.json': json({ bos_token: vocab.eosToken, eos_token: vocab.eosToken, unk_token: vocab.eosToken }),
      'onnx/model.onnx': serializeModel(model),
      'onnx/model_quantized.onnx': q8Export(model),
    };
  },
};

/** A ViTMAEForPreTraining checkpoint of facebook/vit-mae-base's size: model.safetensors (F32, sorted names, the fixed sin-cos tables stored as the real one has them). */
const mimFolder: FixtureFolder = {
  id: MIM_ID,
  rule: 'ViTMAEForPreTraining at vit-mae-base size (ViT-B/16 + 8 × 512 decoder), random weights: model.safetensors, no onnx/',
  files() {
    const c = VIT_MAE_BASE;
    const weights = randomWeights(vitMaeShapes(c), 4);
    const { side } = gridOf(c);
    weights[VIT_MAE_NAMES.position] = sincosPositions(c.hiddenSize, side);
    weights[VIT_MAE_NAMES.decoderPosition] = sincosPositions(c.decoderHiddenSize, side);
    return {
      'config.json': json(mimConfigJson(c)),
      'preprocessor_config.json': json({ ...mimPreprocessor, size: { height: c.imageSize, width: c.imageSize } }),
      'model.safetensors': checkpointFile(vitMaeShapes(c), weights),
    };
  },
};

export const REAL_MODELS: FixtureFolder[] = [encoderFolder, checkpointFolder, clmFolder, mimFolder];

/** Source files whose change can change the models' bytes. */
function builderInputs(): string[] {
  return [
    ...sourcesUnder(ROOT, 'src/lib/onnx'),
    ...sourcesUnder(ROOT, 'src/lib/safetensors'),
    'src/lib/random.ts',
    'src/hats/pretraining/head.ts',
    'src/hats/sequence-classification/head.ts',
    'src/hats/masked-image-modeling/fixture.ts',
    'scripts/fixtures/build.ts',
    'scripts/fixtures/checkpoint.ts',
    'scripts/fixtures/hub-files.ts',
    'scripts/bench/real/models.ts',
  ];
}

/**
 * Builds the models that are missing or were built from other sources (bench-models/stamp.json holds
 * the hash of the builder's sources per model). Takes a few minutes and ~1.1 GB of disk the first time.
 */
export async function ensureRealModels(log: (line: string) => void): Promise<void> {
  const hash = hashSources(ROOT, builderInputs());
  const stamps: Record<string, string> = existsSync(STAMP) ? (JSON.parse(readFileSync(STAMP, 'utf8')) as Record<string, string>) : {};
  for (const folder of REAL_MODELS) {
    if (stamps[folder.id] === hash && existsSync(path.join(BENCH_MODELS_DIR, folder.id))) continue;
    const started = performance.now();
    log(`bench: building ${folder.id} (${folder.rule}) …`);
    const sizes = await writeFolder(folder, BENCH_MODELS_DIR);
    const mb = Object.entries(sizes)
      .filter(([f]) => /\.(onnx|safetensors)$/.test(f))
      .map(([f, n]) => `${f} ${(n / 1e6).toFixed(0)} MB`);
    log(`bench: built ${folder.id} in ${((performance.now() - started) / 1000).toFixed(0)} s: ${mb.join(', ')}`);
    stamps[folder.id] = hash;
    await mkdir(BENCH_MODELS_DIR, { recursive: true });
    await writeFile(STAMP, json(stamps));
  }
}
