// The default export: lz-string is CommonJS, and Node (fixtures, bench) only sees it whole.
import LZString from 'lz-string';
import { floatToHalf, halfToFloat } from '../../lib/safetensors/half';
import { DEFAULT_SETTINGS, type Dense, type EncoderInfo, type Head, type HeadMetrics, type TrainSettings } from './types';

/*
 * A trained head as a file (readable JSON, PyTorch layout: weight[out][in]) and as a share-link value
 * (the same fields, weights as base64 float16, compressed with lz-string). Both are checked field by field
 * on the way in: a file or link is data from a stranger, so nothing in it is trusted.
 *
 * [1] Weights are kept at float16 precision everywhere (see training/train.ts [6]): 5 significant digits
 *     in the file are enough to give back the very same float16 number.
 * [2] Limits: a head bigger than this is not a "small head on a frozen encoder" and would only freeze the page.
 */

export const HEAD_FORMAT = 'hat-wardrobe/custom-head';
export const HEAD_VERSION = 1;
/** Longest head a share link carries (characters of the encoded value). */
export const HEAD_LINK_MAX = 6000;
/** Largest head file read (bytes). */
export const HEAD_FILE_MAX = 20_000_000;
const MAX_HIDDEN = 4096; // [2]
const MAX_UNITS = 1024;
const MAX_LABELS = 50;
const MAX_LABEL_LENGTH = 100;

export class HeadFormatError extends Error {
  override name = 'HeadFormatError';
}

const fail = (message: string): never => {
  throw new HeadFormatError(message);
};

const toHalf = (x: number) => halfToFloat(floatToHalf(x)); // [1]

interface FileLayer {
  activation: 'relu' | 'none';
  weight: number[][];
  bias: number[];
}

interface LinkLayer {
  in: number;
  out: number;
  w: string;
  b: string;
}

function round5(x: number): number {
  return Number(x.toPrecision(5));
}

/** The equation the head computes, in symbols. */
export function equationOf(head: Pick<Head, 'task' | 'layers'>): string {
  const inner = head.layers.length === 2 ? 'W₂·ReLU(W₁·h + b₁) + b₂' : 'W·h + b';
  return head.task === 'classification' ? `softmax(${inner})` : inner;
}

function meta(head: Head) {
  return {
    format: HEAD_FORMAT,
    version: HEAD_VERSION,
    task: head.task,
    labels: head.labels,
    encoder: head.encoder,
    equation: equationOf(head),
    settings: head.settings,
    ...(head.metrics ? { metrics: head.metrics } : {}),
  };
}

/** The file: pretty JSON, one weight row per line. */
export function headToFile(head: Head): string {
  const layers: FileLayer[] = head.layers.map((l, k) => ({
    activation: k < head.layers.length - 1 ? 'relu' : 'none',
    weight: Array.from({ length: l.outSize }, (_, o) => Array.from(l.weight.subarray(o * l.inSize, (o + 1) * l.inSize), round5)),
    bias: Array.from(l.bias, round5),
  }));
  const text = JSON.stringify({ ...meta(head), layers }, null, 2);
  // Arrays of plain numbers go on one line each; everything else stays readable.
  return `${text.replace(/\[\s+([-+\d.e,\s]+?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
}

function halvesToBase64(values: Float32Array): string {
  const bits = Uint16Array.from(values, floatToHalf);
  const bytes = new Uint8Array(bits.buffer);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function base64ToHalves(text: unknown, count: number, what: string): Float32Array {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return fail(`${what} is not base64 text.`);
  const raw = atob(text);
  if (raw.length !== count * 2) return fail(`${what} holds ${Math.floor(raw.length / 2)} numbers where ${count} were expected.`);
  const out = new Float32Array(count);
  for (let k = 0; k < count; k++) out[k] = halfToFloat(raw.charCodeAt(2 * k) | (raw.charCodeAt(2 * k + 1) << 8));
  return out;
}

/** The share-link value. */
export function encodeHeadLink(head: Head): string {
  const layers: LinkLayer[] = head.layers.map((l) => ({ in: l.inSize, out: l.outSize, w: halvesToBase64(l.weight), b: halvesToBase64(l.bias) }));
  return LZString.compressToEncodedURIComponent(JSON.stringify({ ...meta(head), layers }));
}

export function decodeHeadLink(value: string): Head {
  if (!value) return fail('The head is empty.');
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(value);
  } catch {
    text = null;
  }
  if (!text) return fail('The head in this link is damaged (it does not decompress); the link may have been cut short.');
  return readHead(parseJson(text), 'link');
}

/** Reads a head file's text. */
export function headFromFile(text: string): Head {
  if (text.length > HEAD_FILE_MAX) return fail(`The file is ${(text.length / 1e6).toFixed(1)} MB; a head file is at most ${HEAD_FILE_MAX / 1e6} MB.`);
  return readHead(parseJson(text), 'file');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return fail(`This is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function readHead(raw: unknown, form: 'file' | 'link'): Head {
  if (!isObject(raw) || raw.format !== HEAD_FORMAT) return fail(`This is not a custom-head ${form} (its "format" should be "${HEAD_FORMAT}").`);
  if (raw.version !== HEAD_VERSION) {
    return fail(`This head is format version ${JSON.stringify(raw.version)}; this page reads version ${HEAD_VERSION}. Export it again from the page that made it.`);
  }
  const task = raw.task;
  if (task !== 'classification' && task !== 'regression') return fail('The head\'s "task" must be "classification" or "regression".');
  const labels = raw.labels;
  if (!Array.isArray(labels) || !labels.every((l): l is string => typeof l === 'string' && l.trim() !== '' && l.length <= MAX_LABEL_LENGTH)) {
    return fail(`The head's "labels" must be a list of names (each 1–${MAX_LABEL_LENGTH} characters).`);
  }
  if (task === 'classification' && (labels.length < 2 || labels.length > MAX_LABELS)) return fail(`A classifier needs 2 to ${MAX_LABELS} labels; this one has ${labels.length}.`);
  if (task === 'classification' && new Set(labels).size !== labels.length) return fail('The head names a label twice.');
  if (task === 'regression' && labels.length !== 1) return fail('A regression head has one output, so one name in "labels".');
  const enc = raw.encoder;
  if (!isObject(enc)) return fail('The head does not say which encoder it was trained on ("encoder").');
  if (typeof enc.model !== 'string' || !/^[\w.-]+(\/[\w.-]+)?$/.test(enc.model)) return fail('The head\'s encoder id is not a Hub model id.');
  if (enc.pooling !== 'mean' && enc.pooling !== 'cls') return fail('The head\'s pooling must be "mean" or "cls".');
  if (typeof enc.normalize !== 'boolean') return fail('The head must say whether the sentence vector is normalized ("normalize").');
  if (!isInt(enc.hiddenSize, 1, MAX_HIDDEN)) return fail(`The head's input size must be a whole number from 1 to ${MAX_HIDDEN}.`);
  const encoder: EncoderInfo = { model: enc.model, pooling: enc.pooling, normalize: enc.normalize, hiddenSize: enc.hiddenSize };
  const rawLayers = raw.layers;
  if (!Array.isArray(rawLayers) || rawLayers.length < 1 || rawLayers.length > 2) return fail('The head must have one layer (linear) or two (one hidden layer).');
  const layers = rawLayers.map((l: unknown, k) => (form === 'file' ? fileLayer(l, k) : linkLayer(l, k)));
  const first = layers[0] as Dense;
  const last = layers[layers.length - 1] as Dense;
  if (first.inSize !== encoder.hiddenSize) return fail(`The first layer reads ${first.inSize} numbers, but the head says its encoder gives ${encoder.hiddenSize}.`);
  if (layers.length === 2 && (layers[1] as Dense).inSize !== first.outSize) return fail('The second layer does not read what the first one writes.');
  const outputs = task === 'classification' ? labels.length : 1;
  if (last.outSize !== outputs) return fail(`The last layer has ${last.outSize} outputs for ${outputs} label${outputs === 1 ? '' : 's'}.`);
  if (task === 'regression' && layers.length !== 1) return fail('A regression head here is linear: one layer.');
  return { task, labels, encoder, layers, settings: readSettings(raw.settings, task, layers), ...readMetrics(raw.metrics) };
}

function checkSizes(inSize: unknown, outSize: unknown, k: number): [number, number] {
  if (!isInt(inSize, 1, MAX_HIDDEN) || !isInt(outSize, 1, Math.max(MAX_UNITS, MAX_LABELS))) {
    return fail(`Layer ${k + 1} has an impossible shape (at most ${MAX_HIDDEN} inputs and ${MAX_UNITS} outputs).`);
  }
  return [inSize, outSize];
}

function finite(values: Float32Array, what: string): Float32Array {
  if (!values.every(Number.isFinite)) fail(`${what} contains a number that is not finite (NaN or Infinity); such a head cannot predict anything.`);
  return values;
}

function fileLayer(raw: unknown, k: number): Dense {
  const name = `Layer ${k + 1}`;
  if (!isObject(raw) || !Array.isArray(raw.weight) || !Array.isArray(raw.bias)) return fail(`${name} needs "weight" (rows of numbers) and "bias".`);
  const rows = raw.weight as unknown[];
  const firstRow = rows[0];
  const [inSize, outSize] = checkSizes(Array.isArray(firstRow) ? firstRow.length : 0, rows.length, k);
  const weight = new Float32Array(inSize * outSize);
  rows.forEach((row, o) => {
    if (!Array.isArray(row) || row.length !== inSize) fail(`${name}: weight row ${o + 1} does not have ${inSize} numbers.`);
    (row as unknown[]).forEach((v, i) => {
      if (typeof v !== 'number') fail(`${name}: weight row ${o + 1} has something that is not a number.`);
      weight[o * inSize + i] = toHalf(v as number);
    });
  });
  if (raw.bias.length !== outSize || !raw.bias.every((v) => typeof v === 'number')) return fail(`${name}: the bias must be ${outSize} numbers.`);
  return { inSize, outSize, weight: finite(weight, `${name}'s weight`), bias: finite(Float32Array.from(raw.bias as number[], toHalf), `${name}'s bias`) };
}

function linkLayer(raw: unknown, k: number): Dense {
  if (!isObject(raw)) return fail(`Layer ${k + 1} is missing.`);
  const [inSize, outSize] = checkSizes(raw.in, raw.out, k);
  const name = `Layer ${k + 1}`;
  return {
    inSize,
    outSize,
    weight: finite(base64ToHalves(raw.w, inSize * outSize, `${name}'s weight`), `${name}'s weight`),
    bias: finite(base64ToHalves(raw.b, outSize, `${name}'s bias`), `${name}'s bias`),
  };
}

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
}

/** The training settings are a record of how the head was made; odd values fall back to the defaults. */
function readSettings(raw: unknown, task: Head['task'], layers: Dense[]): TrainSettings {
  const s = isObject(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  return {
    task,
    architecture: layers.length === 2 ? 'mlp' : 'linear',
    learningRate: num(s.learningRate, d.learningRate, 1e-6, 10),
    epochs: Math.round(num(s.epochs, d.epochs, 1, 100_000)),
    hiddenSize: layers.length === 2 ? (layers[0] as Dense).outSize : Math.round(num(s.hiddenSize, d.hiddenSize, 1, MAX_UNITS)),
    heldOut: num(s.heldOut, d.heldOut, 0, 0.9),
    seed: Math.round(num(s.seed, d.seed, 0, 2 ** 32)),
  };
}

function readMetrics(raw: unknown): { metrics?: HeadMetrics } {
  if (!isObject(raw)) return {};
  const count = (v: unknown) => (isInt(v, 0, 10_000_000) ? v : 0);
  const metrics: HeadMetrics = { heldOutCount: count(raw.heldOutCount), trainCount: count(raw.trainCount) };
  if (typeof raw.accuracy === 'number' && raw.accuracy >= 0 && raw.accuracy <= 1) metrics.accuracy = raw.accuracy;
  if (typeof raw.mae === 'number' && Number.isFinite(raw.mae) && raw.mae >= 0) metrics.mae = raw.mae;
  return { metrics };
}

/** Why this head cannot be worn on the loaded encoder, or null when it fits. */
export function fitProblem(head: Head, hiddenSize: number | undefined, modelId: string): string | null {
  if (hiddenSize === undefined || head.encoder.hiddenSize === hiddenSize) return null;
  return (
    `This head reads ${head.encoder.hiddenSize}-number sentence vectors, but ${modelId} makes ${hiddenSize}-number ones, so its weights do not fit. ` +
    `Switch to the encoder it was trained on (${head.encoder.model}) or train a new head.`
  );
}

/** decodeHeadLink, remembered: validate() and the panels ask about the same value on every render. */
let last: { value: string; result: { head?: Head; error?: string } } | undefined;
export function readHeadParam(value: string): { head?: Head; error?: string } {
  if (last?.value === value) return last.result;
  let result: { head?: Head; error?: string };
  try {
    result = { head: decodeHeadLink(value) };
  } catch (error) {
    result = { error: error instanceof HeadFormatError ? error.message : 'The head could not be read.' };
  }
  last = { value, result };
  return result;
}
