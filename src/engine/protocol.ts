/**
 * The one message protocol between the page and the inference worker.
 * Both ends switch exhaustively on `type` (see `assertNever`).
 */
import type { Appended } from './appended';

export type Device = 'webgpu' | 'wasm';
export type DevicePreference = 'auto' | Device;
export const DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'] as const;
export type Dtype = (typeof DTYPES)[number];
export type DtypePreference = 'auto' | Dtype;

/** Everything that identifies one loaded model in the worker. */
export interface ModelSpec {
  hat: string;
  model: string;
  dtype: DtypePreference;
  device: DevicePreference;
  /** Base URL of a Hub-shaped host, e.g. https://huggingface.co */
  host: string;
  /** A host silent for this long (ms) has stalled; the worker's default when absent. Not part of the model's identity. */
  stallMs?: number;
}

/** Numbers from the loaded model's own config and tokenizer, for the explanation panels. */
export interface ModelFacts {
  modelType: string;
  architectures: string[];
  hiddenSize?: number;
  numLayers?: number;
  numHeads?: number;
  intermediateSize?: number;
  vocabSize?: number;
  maxPositions?: number;
  /** The tokenizer's usable maximum length (model_max_length capped by position embeddings). */
  maxLength: number;
  id2label?: Record<string, string>;
  maskToken?: string;
  hasTokenTypeIds: boolean;
  /** The checkpoint the export was made from (config `_name_or_path`), for the Python snippet. */
  sourceModel?: string;
  /** `multi_label_classification` means one sigmoid per label instead of a softmax. */
  problemType?: string;
  /** The width attention runs at when a bottleneck narrows it (MobileBERT's true_hidden_size). */
  attentionWidth?: number;
  /** False when the config turns the pooler's dense + tanh off (MobileBERT's classifier_activation). */
  poolerActivation?: boolean;
  /** The ONNX file stem the page loaded when it is not `model` (from_pretrained's model_file_name), e.g. decoder_model_merged. */
  modelFileName?: string;
}

export interface FileSize {
  file: string;
  bytes: number;
}

export interface InspectInfo {
  model: string;
  availableDtypes: Dtype[];
  device: Device;
  dtype: Dtype;
  /** Files the chosen device/dtype would fetch, with their sizes when the host tells them. */
  files: FileSize[];
  totalBytes: number;
  cached: boolean;
  webgpuAvailable: boolean;
  /** Why the requested device or dtype was replaced, if it was. */
  notes: string[];
}

/** What a load is doing besides downloading (a checkpoint hat reads, builds and starts its graph). */
export interface LoadStage {
  /** In the page's words, e.g. "Reading and quantizing tensors". */
  label: string;
  done: number;
  total: number;
}

export interface LoadedInfo {
  key: string;
  model: string;
  device: Device;
  dtype: Dtype;
  fromCache: boolean;
  loadMs: number;
  facts: ModelFacts;
  /** Set when WebGPU was asked for but WASM had to be used. */
  fallback?: string;
  /** Models unloaded to make room for this one (the device's memory budget), as "model (dtype)". */
  evicted?: string[];
  threads: number;
  crossOriginIsolated: boolean;
}

export interface TokenRow {
  token: string;
  id: number;
  special: boolean;
  typeId?: number;
  attention: number;
}

export interface TokensInfo {
  rows: TokenRow[];
  /** Tokens the full input would have had before truncation. */
  fullLength: number;
  maxLength: number;
  truncated: boolean;
}

export interface RunStats {
  ms: number;
  device: Device;
  dtype: Dtype;
  /** ONNX Runtime's WebAssembly threads the run had (runs on WebAssembly only). */
  threads?: number;
  /** The person stopped the run; the output is what the hat had by then (e.g. half a generation). */
  stopped?: boolean;
}

export type ErrorKind =
  | 'not-found'
  | 'no-onnx'
  /** The host could not be reached, or a download broke off. */
  | 'network'
  /** The host answered with an error status (403, 429, 500…). */
  | 'host-status'
  /** The host sent something else than the file (a web page where JSON was expected). */
  | 'wrong-content'
  /** The file arrived (or sat in the cache) cut short or malformed. */
  | 'damaged'
  /** The host stopped sending for longer than the page waits. */
  | 'stalled'
  | 'bad-input'
  | 'unsupported'
  | 'too-big'
  | 'cancelled'
  | 'internal';

export interface WorkerError {
  kind: ErrorKind;
  message: string;
  detail?: string;
  /**
   * The model runtime in this worker cannot be trusted after this failure (ONNX Runtime's start-up
   * chain in transformers.js stays rejected once a session fails to open): the page replaces the worker.
   */
  restart?: boolean;
}

export type WorkerRequest =
  | { type: 'inspect'; id: number; spec: ModelSpec }
  | { type: 'load'; id: number; spec: ModelSpec }
  | { type: 'run'; id: number; spec: ModelSpec; params: unknown }
  /** A one-off request from a hat's own UI to its adapter (e.g. training): answered like a run, never a live one. */
  | { type: 'call'; id: number; spec: ModelSpec; payload: unknown }
  | { type: 'cancel'; id: number; target: number }
  /** Unlike cancel (drop the answer), stop asks a running hat to finish early and answer with what it has. */
  | { type: 'stop'; id: number; target: number }
  | { type: 'dispose'; id: number; spec?: ModelSpec }
  /**
   * The first message to a worker of a cross-origin-isolated page: a count, in shared memory, of the
   * messages the page has posted to that worker (this one included). A hat looping in the worker gives
   * its event loop a turn only when the count is ahead of what the worker has received (worker/inbox.ts).
   */
  | { type: 'mailbox'; id: number; posted: Int32Array };

/** What the engine itself handles: the mailbox stays with the worker's inbox. */
export type EngineRequest = Exclude<WorkerRequest, { type: 'mailbox' }>;

export type WorkerResponse =
  | { type: 'inspected'; id: number; info: InspectInfo }
  | { type: 'progress'; id: number; loaded: number; total: number; file?: string; stage?: LoadStage }
  | { type: 'ready'; id: number; info: LoadedInfo }
  /** `appended`: the output's growing lists hold only what is new since the last partial (see appended.ts). */
  | { type: 'partial'; id: number; output: unknown; appended?: Appended }
  | { type: 'result'; id: number; output: unknown; tokens?: TokensInfo; stats: RunStats }
  | { type: 'disposed'; id: number }
  | { type: 'error'; id: number; error: WorkerError };

export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}

export function modelKey(spec: Pick<ModelSpec, 'hat' | 'model' | 'host'>, device: Device, dtype: Dtype): string {
  return [spec.hat, spec.host, spec.model, device, dtype].join('|');
}
