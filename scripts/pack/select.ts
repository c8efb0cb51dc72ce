/**
 * Which of a model's files go into the pack: exactly what the app will fetch for it, no more.
 *  - ONNX hats (transformers.js): config, tokenizer and processor files plus onnx/<session><suffix>.onnx
 *    (and .onnx_data chunks) per dtype, as transformers.js' own ModelRegistry.get_files lists them,
 *    so architectures with several sessions (encoder + decoder) come out right without a table here.
 *  - Checkpoint hats (graph built in the page): config, tokenizer and model.safetensors.
 */
import { DTYPES, type Dtype } from '../../src/engine/protocol.ts';
import { pickDtype } from '../../src/worker/engine.ts';
import { PackError, type RepoFile } from './hub-api.ts';

export type DtypeChoice = Dtype | 'auto';
export type Weights = 'auto' | 'onnx' | 'safetensors' | 'both';
export const WEIGHTS: readonly Weights[] = ['auto', 'onnx', 'safetensors', 'both'];

/** Small files some hats read when a model has them (generation settings, special tokens, image processor). */
const OPTIONAL = ['generation_config.json', 'special_tokens_map.json', 'preprocessor_config.json'];
/** What the checkpoint loader reads next to the weights (src/worker/checkpoint/source.ts). */
const CHECKPOINT = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'model.safetensors'];

export interface Selection {
  files: RepoFile[];
  /** ONNX dtypes packed (empty when only the checkpoint is). */
  dtypes: Dtype[];
  weights: ('onnx' | 'safetensors')[];
}

/** transformers.js' list of files for one dtype (config, tokenizer, onnx/…). */
export type FilesFor = (dtype: Dtype) => Promise<string[]>;

const isOnnx = (p: string) => p.startsWith('onnx/') && /\.onnx(_data(_\d+)?)?$/.test(p);

/** The dtypes whose every ONNX file is in the listing. */
export async function availableDtypes(listing: RepoFile[], filesFor: FilesFor): Promise<Dtype[]> {
  const have = new Set(listing.map((f) => f.path));
  const out: Dtype[] = [];
  for (const dtype of DTYPES) {
    const onnx = (await filesFor(dtype)).filter(isOnnx);
    if (onnx.length > 0 && onnx.every((f) => have.has(f))) out.push(dtype);
  }
  return out;
}

export async function selectFiles(
  model: string,
  listing: RepoFile[],
  options: { dtypes: DtypeChoice[]; weights: Weights },
  filesFor: FilesFor,
): Promise<Selection> {
  const byPath = new Map(listing.map((f) => [f.path, f]));
  if (!byPath.has('config.json')) throw new PackError(`“${model}” has no config.json, so no hat can load it.`);
  const hasOnnx = listing.some((f) => isOnnx(f.path));
  const hasCheckpoint = byPath.has('model.safetensors');
  const wantOnnx = options.weights === 'onnx' || options.weights === 'both' || (options.weights === 'auto' && hasOnnx);
  const wantCheckpoint =
    options.weights === 'safetensors' || options.weights === 'both' || (options.weights === 'auto' && !hasOnnx && hasCheckpoint);
  if (!wantOnnx && !wantCheckpoint) {
    throw new PackError(`“${model}” has neither ONNX weights (onnx/*.onnx) nor model.safetensors, so no hat can run it.`);
  }

  const wanted = new Set<string>();
  const need = (file: string, why: string) => {
    if (!byPath.has(file)) throw new PackError(`“${model}” has no ${file}, which ${why} needs.`);
    wanted.add(file);
  };
  const dtypes: Dtype[] = [];
  if (wantOnnx) {
    if (!hasOnnx) throw new PackError(`“${model}” has no ONNX export (onnx/*.onnx); try --weights safetensors.`);
    const available = await availableDtypes(listing, filesFor);
    for (const choice of options.dtypes) {
      // [1] 'auto' is what the app itself picks on WebAssembly, the device every classroom machine has.
      const dtype = choice === 'auto' ? pickDtype('wasm', available) : choice;
      if (!dtype || !available.includes(dtype)) {
        throw new PackError(`“${model}” has no ${choice} ONNX weights; it has ${available.join(', ') || 'none that load'}.`);
      }
      if (!dtypes.includes(dtype)) dtypes.push(dtype);
      for (const file of await filesFor(dtype)) need(file, `its ${dtype} ONNX model`);
    }
  }
  if (wantCheckpoint) for (const file of CHECKPOINT) need(file, 'a checkpoint hat');
  for (const file of OPTIONAL) if (byPath.has(file)) wanted.add(file);

  const files = [...wanted].sort().map((p) => byPath.get(p)!);
  const weights = [...(wantOnnx ? (['onnx'] as const) : []), ...(wantCheckpoint ? (['safetensors'] as const) : [])];
  return { files, dtypes, weights };
}
