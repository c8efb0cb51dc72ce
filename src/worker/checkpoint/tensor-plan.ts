import { FILE_LIMITS, LimitError } from '@/lib/limits';
import { quantizeTensor, type PackedWeights, type QuantizedTensor, type TensorShape, type WeightMap } from '@/lib/onnx';
import { legacyName, toFloat32, type SafetensorsEntry, type SafetensorsHeader } from '@/lib/safetensors';
import type { AdapterLoadContext } from '../adapter';
import { EngineError } from '../errors';
import { checkpointBytes, type SafetensorsFile } from './inspect';
import { coalesce, type Span } from './range-reader';

/** One tensor the graph needs: its name for the builder, and where it sits in the file. */
export interface PlannedTensor {
  /** The name the graph builder asks for (PyTorch style: LayerNorm.weight/.bias). */
  name: string;
  /** The name in the checkpoint, which may differ (legacy gamma/beta, a tied decoder). */
  fileName: string;
  /** Part of the task head (as the head's own training shaped it), not the body. */
  head: boolean;
  entry: SafetensorsEntry;
  /** Absolute byte span in model.safetensors. */
  span: Span;
}

export interface TensorPlan {
  tensors: PlannedTensor[];
  /** Tensors the graph needs that the checkpoint lacks (builder names). */
  missing: string[];
  /** Optional tensors the checkpoint lacks (the graph computes them). */
  absent: string[];
  /** Distinct byte spans to read (a tensor used under two names is read once). */
  spans: Span[];
  /** Requests a cold load makes for the weights: adjacent tensors are one request. */
  requests: Span[];
  bytes: number;
}

export interface PlanOptions {
  /** Other names a checkpoint may store a tensor under, by builder name (tied weights). */
  aliases?: Record<string, string[]>;
  /** Which tensors belong to the head (shown apart in the panel). */
  isHead?: (name: string) => boolean;
  /** Tensors the graph can do without (it computes them when the checkpoint lacks them). */
  optional?: readonly string[];
  /** Who needs the shapes, for the message when one differs, e.g. "a 2-label classifier head on this config". */
  needs: string;
  /** The most bytes the plan may read (default: FILE_LIMITS.weights); every one is held in memory at once. */
  maxBytes?: number;
}

const FLOAT_DTYPES = new Set(['F32', 'F16', 'BF16']);

/** Which tensors of the checkpoint a graph needs, where they sit, and which are missing. */
export function planTensors(header: SafetensorsHeader, wanted: readonly TensorShape[], options: PlanOptions): TensorPlan {
  // [1] Old TensorFlow-converted checkpoints call LayerNorm's scale and shift gamma and beta.
  const byName = new Map<string, string>();
  for (const fileName of header.tensors.keys()) {
    const name = legacyName(fileName);
    if (!byName.has(name) || name === fileName) byName.set(name, fileName);
  }
  const optional = new Set(options.optional ?? []);
  const tensors: PlannedTensor[] = [];
  const missing: string[] = [];
  const absent: string[] = [];
  for (const [name, shape] of wanted) {
    const fileName = [name, ...(options.aliases?.[name] ?? [])].map((n) => byName.get(n)).find((n) => n !== undefined);
    const entry = fileName === undefined ? undefined : header.tensors.get(fileName);
    if (fileName === undefined || !entry) {
      (optional.has(name) ? absent : missing).push(name);
      continue;
    }
    if (entry.shape.join('x') !== shape.join('x')) {
      throw new EngineError('unsupported', `The checkpoint's ${fileName} is [${entry.shape.join(', ')}], but ${options.needs} needs [${shape.join(', ')}].`);
    }
    if (!FLOAT_DTYPES.has(entry.dtype)) {
      throw new EngineError('unsupported', `The checkpoint stores ${fileName} as ${entry.dtype}; only F32, F16 and BF16 weights can be read.`);
    }
    const span = { start: header.dataStart + entry.begin, end: header.dataStart + entry.end };
    tensors.push({ name, fileName, head: options.isHead?.(name) ?? false, entry, span });
  }
  const distinct = new Map(tensors.map((t) => [t.fileName, t.span]));
  const spans = [...distinct.values()].sort((a, b) => a.start - b.start);
  const bytes = spans.reduce((n, s) => n + s.end - s.start, 0);
  const max = options.maxBytes ?? FILE_LIMITS.weights;
  if (bytes > max) {
    throw new LimitError(`The weights ${options.needs} needs are ${Math.round(bytes / 1e6).toLocaleString('en-US')} MB, more than the ${Math.round(max / 1e6).toLocaleString('en-US')} MB a page can hold.`, 'weights', max);
  }
  return { tensors, missing, absent, spans, requests: coalesce(spans), bytes };
}

/** "a (and 2 more: b, c)": the first missing tensor, then a few of the others. */
export function describeMissing(missing: readonly string[]): string {
  const [first, ...rest] = missing;
  const more = rest.length > 0 ? ` (and ${rest.length} more: ${rest.slice(0, 3).join(', ')}${rest.length > 3 ? ', …' : ''})` : '';
  return `${first}${more}`;
}

/** How the file shows in the download list: the tensors read, not the whole file. */
export function safetensorsLabel(plan: TensorPlan): string {
  return `model.safetensors (${plan.spans.length} tensors)`;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * [2] An F32 tensor whose bytes sit 4-aligned in the downloaded buffer can be viewed in place:
 *     for a 440 MB checkpoint that saves a second 440 MB copy. Anything else is widened by toFloat32.
 */
function asFloat32(entry: SafetensorsEntry, bytes: Uint8Array): Float32Array {
  if (entry.dtype === 'F32' && LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) {
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  }
  return toFloat32(entry.dtype, bytes);
}

/** The planned tensors, floats by builder name, and those that were quantized as they arrived. */
export interface ReadTensors {
  weights: WeightMap;
  packed: PackedWeights;
  /**
   * [4] The 8-bit values of every packed tensor, one after another in plan order: each packed
   *     tensor's data is a view of its place here, so this is the graph's external data file as it
   *     stands (empty when nothing was packed), and no weight is ever copied out of it.
   */
  data: Uint8Array;
}

/** Where each packed tensor goes in the file of 8-bit weights [4], and how long that file is. */
function placesOf(plan: TensorPlan, pack: (t: PlannedTensor) => boolean): { at: Map<PlannedTensor, number>; size: number } {
  const at = new Map<PlannedTensor, number>();
  let size = 0;
  for (const t of plan.tensors) {
    if (!pack(t)) continue;
    at.set(t, size);
    size += t.entry.shape.reduce((n, d) => n * d, 1);
  }
  return { at, size };
}

/**
 * [3] Which tensors a q8 build keeps only as 8 bits: the matrices (every weight matrix and
 *     embedding table of a checkpoint is 2-D; biases and norms are 1-D and stay float), above
 *     quantizeModel's default size. The graph is the one quantizeModel would make, except that the
 *     position table is 8-bit too (quantizeModel leaves tables that Slice reads float).
 */
export function packedOnArrival(t: PlannedTensor): boolean {
  return t.entry.shape.length === 2 && t.entry.shape[0]! * t.entry.shape[1]! >= 1024;
}

/**
 * Reads the planned tensors (cache first, then Range requests) into float32, by builder name,
 * telling the page as they stream in (the header was read while inspecting: counted as done).
 * Tensors `pack` picks are quantized the moment their bytes are in, into their place in one file
 * of 8-bit weights [4], and neither the bytes nor a float copy is kept [3]: a q8 build of a 440 MB
 * checkpoint holds about 110 MB of weights.
 */
export async function readPackedTensors(
  ctx: AdapterLoadContext,
  file: SafetensorsFile,
  plan: TensorPlan,
  pack: (t: PlannedTensor) => boolean = () => false,
): Promise<ReadTensors> {
  const label = safetensorsLabel(plan);
  const total = checkpointBytes(file, plan);
  let loaded = total - plan.bytes;
  let told = loaded;
  ctx.onProgress({ file: label, loaded, total });
  const byStart = new Map<number, PlannedTensor[]>();
  for (const t of plan.tensors) byStart.set(t.span.start, [...(byStart.get(t.span.start) ?? []), t]);
  const weights: Record<string, Float32Array> = {};
  const packed = new Map<string, QuantizedTensor>();
  const places = placesOf(plan, pack);
  const data = new Uint8Array(places.size);
  let done = 0;
  const stage = places.at.size > 0 ? 'Reading and quantizing tensors' : 'Reading tensors';
  const arrived = (span: { start: number }, bytes: Uint8Array) => {
    for (const t of byStart.get(span.start) ?? []) {
      const values = asFloat32(t.entry, bytes);
      const at = places.at.get(t);
      if (at === undefined) weights[t.name] = values;
      else packed.set(t.name, quantizeTensor(values, false, data.subarray(at, at + values.length)));
      ctx.onStage?.({ label: stage, done: ++done, total: plan.tensors.length });
    }
  };
  await file.reader.stream(plan.spans, arrived, (n) => {
    loaded += n;
    // A 440 MB body arrives in thousands of chunks; the page needs a few hundred updates at most.
    if (loaded - told < total / 500 && loaded < total) return;
    told = loaded;
    ctx.onProgress({ file: label, loaded, total });
  });
  return { weights, packed, data };
}

/** Every planned tensor as float32, by builder name (see readPackedTensors). */
export async function readTensors(ctx: AdapterLoadContext, file: SafetensorsFile, plan: TensorPlan): Promise<WeightMap> {
  return (await readPackedTensors(ctx, file, plan)).weights;
}
