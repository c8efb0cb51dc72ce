import type { EncoderConfig, HeadSpec, WeightMap } from '../bert-names';

/** Everything needed to write one tiny model folder laid out like a Hub repo. */
export interface FixtureModelSpec {
  /** Hub-style id, e.g. 'hw-test/tiny-distilbert-sst2'; also the folder under fixtures/models/. */
  id: string;
  /** config.json `architectures[0]`, e.g. 'DistilBertForSequenceClassification'. */
  architecture: string;
  config: EncoderConfig;
  head: HeadSpec;
  /** config.json id2label, for classification heads (index = class id). */
  labels?: readonly string[];
  tokenizerClass: 'BertTokenizer' | 'DistilBertTokenizer';
  /** Largest input in tokens (tokenizer_config model_max_length). */
  modelMaxLength: number;
  /** false: write config and tokenizer only, no onnx/ folder (the "no ONNX files" error path). */
  withOnnx: boolean;
  /**
   * Also write model.safetensors at the folder root, as a PyTorch checkpoint on
   * the Hub has it: every tensor of `weights()` under its Hugging Face name,
   * float32, sorted by name. `rename` changes the stored name (legacy LayerNorm
   * gamma/beta); `omit` leaves tensors out (error paths). Absent: no safetensors.
   */
  safetensors?: SafetensorsLayout;
  /** One line on how the weights decide the answer. */
  rule: string;
  weights(): WeightMap;
}

export interface SafetensorsLayout {
  rename?: (name: string) => string;
  omit?: readonly string[];
}

/** The common tiny shape: hidden 32, 2 heads, FFN 64, 64 positions. */
export function tinyConfig(family: EncoderConfig['family'], vocabSize: number, numLayers: number): EncoderConfig {
  return {
    family,
    vocabSize,
    hiddenSize: 32,
    numLayers,
    numHeads: 2,
    intermediateSize: 64,
    maxPositions: 64,
    typeVocabSize: family === 'bert' ? 2 : 0,
    layerNormEps: 1e-12,
  };
}

/** How `npm run bench` times a hat: open `params` as a share link, then type `inputs(i)` into the field labelled `field`. */
export interface BenchCase {
  model: string;
  /** Share-link params; an array repeats the key (e.g. `choice`). */
  params: Record<string, string | readonly string[]>;
  /** Accessible name (label) of the field the benchmark fills (exact match): a text box, or a number field. */
  field: string;
  /** On-demand hats: the run button to press after each edit (e.g. 'Generate'). */
  runButton?: string;
  inputs: (i: number) => string;
  /**
   * The transformers.js class the bare baseline calls with the same model and text
   * (e.g. 'AutoModelForMaskedLM'); omitted where transformers.js has no class for the hat.
   */
  bareClass?: string;
}

/**
 * A test model folder for an architecture the BERT spec above does not describe
 * (GPT-2, T5, ViT-MAE, …): the hat's fixture writes every file itself.
 * Keys are paths inside the folder ('config.json', 'onnx/model.onnx'); the
 * bytes must be the same on every run.
 */
export interface FixtureFolder {
  /** Hub-style id, also the folder under fixtures/models/. */
  id: string;
  /** One line on how the weights decide the answer. */
  rule: string;
  files(): Record<string, Uint8Array | string> | Promise<Record<string, Uint8Array | string>>;
}
