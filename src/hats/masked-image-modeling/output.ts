import type { CheckpointProvenance } from '@/lib/checkpoint-provenance';

export type Rgb = [number, number, number];

/** One hidden patch: what the decoder painted there against what was there, in 0…1 units. */
export interface PatchRow {
  index: number;
  row: number;
  col: number;
  predicted: Rgb;
  actual: Rgb;
  /** Mean squared error over the patch's pixels and channels. */
  mse: number;
}

export interface MimProvenance extends CheckpointProvenance {
  /** Fixed sin-cos tables the checkpoint did not store, computed in the page instead. */
  computed: string[];
}

export interface MimModelNumbers {
  imageSize: number;
  patchSize: number;
  grid: number;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  decoderHiddenSize: number;
  decoderLayers: number;
  decoderHeads: number;
  trainedMaskRatio: number;
  normPixLoss: boolean;
  mean: Rgb;
  std: Rgb;
  /** preprocessor_config.json was missing: ViTImageProcessor's defaults were used. */
  normDefaulted: boolean;
  /** PIL's filter Python resizes with (the preprocessor's `resample`: 2 bilinear, 3 bicubic, …). */
  resample: number;
}

export interface MimOutput {
  /** What was shown, in words: a sample's label or the file's name. */
  imageLabel: string;
  /** The three pictures at the model's resolution, RGB bytes row by row (size · size · 3). */
  original: Uint8ClampedArray;
  reconstruction: Uint8ClampedArray;
  /** Hidden patch indices, ascending. */
  hidden: number[];
  /** formatPatches(hidden): the same mask gives the same text. */
  maskKey: string;
  mode: 'random' | 'picked';
  rows: PatchRow[];
  /** Mean of the rows' errors; null when nothing is hidden. */
  mse: number | null;
  /** Mean colour of the visible patches, straight from the image. */
  visibleMean: Rgb;
  model: MimModelNumbers;
  notes: string[];
  provenance: MimProvenance;
}
