import { env } from '@huggingface/transformers';
import { afterAll, beforeAll } from 'vitest';
import type { Device } from '@/engine/protocol';
import type { FileProgress } from '../adapter';

/** What a loaded adapter is to the engine, for tests that drive one directly. */
export type { LoadedHat, RunContext } from '../adapter';
/** What a test's `emit` was given, as the page would get it (a hat may emit a function that makes the partial). */
export { madePartial } from '../adapter';
import { BATCH, EXTERNAL_DATA_FILE, linear, linearShapes, maskedLm, pooler, SEQUENCE, seqRelationship } from '@/lib/onnx';
import type { ByteCache, CheckpointDeps, CheckpointHead, CheckpointModel, CheckpointRuntime } from '../checkpoint';
import type { EngineDeps } from '../engine';
import type { HatAdapter } from '../adapter';

/*
 * For tests of the worker and of hat adapters and heads (never bundled: index.ts does not export
 * it): the Hub-shaped test server (scripts/test-hub) started in-process, ONNX Runtime for Node,
 * transformers.js pointed at an in-memory cache, and a fake host. Node-only modules are imported
 * by a computed name so the app's type check (browser types only) never sees them.
 */

/**
 * An engine's deps for tests that drive it with a fake adapter (as `hat`): a host that lists q8 and no
 * files, no WebGPU, one thread, not isolated, every message pushed to `posted`; `overrides` change the rest.
 */
export function fakeEngineDeps(adapter: HatAdapter, posted: unknown[], overrides: Partial<EngineDeps> = {}): EngineDeps {
  return {
    adapters: { hat: async () => adapter },
    setHost: () => undefined,
    defaultSource: { availableDtypes: async () => ['q8'], files: async () => [], cached: async () => false },
    webgpu: async () => ({ ok: false, present: false }),
    post: (m) => posted.push(m),
    now: () => 0,
    threads: () => 1,
    cores: () => 2,
    crossOriginIsolated: () => false,
    ...overrides,
  };
}

/** The fixture models `npm run fixtures` writes, laid out like the Hub. */
export const FIXTURES_ROOT = new URL('../../../fixtures/models', import.meta.url).pathname;

export interface HubLogEntry {
  method: string;
  url: string;
  status: number;
  range: string | null;
}

export interface Hub {
  url: string;
  log(): HubLogEntry[];
  resetLog(): void;
  close(): Promise<void>;
}

const nodeImport = <T>(specifier: string): Promise<T> => import(/* @vite-ignore */ specifier) as Promise<T>;

export async function startHub(root: string): Promise<Hub> {
  const hubModule = new URL('../../../scripts/test-hub/hub.ts', import.meta.url).pathname;
  const { createTestHub } = await nodeImport<{ createTestHub(o: { root: string }): Promise<Hub> }>(hubModule);
  return createTestHub({ root });
}

/** The test hub on the fixture models and ONNX Runtime for Node, started before a file's tests and closed after them. */
export function fixtureHub(): { readonly hub: Hub; readonly runtime: NodeRuntime } {
  const started: { hub?: Hub; runtime?: NodeRuntime } = {};
  beforeAll(async () => {
    started.hub = await startHub(FIXTURES_ROOT);
    started.runtime = await nodeRuntime();
  });
  afterAll(() => started.hub?.close());
  const need = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error('fixtureHub() is used before its beforeAll ran');
    return value;
  };
  return {
    get hub() {
      return need(started.hub);
    },
    get runtime() {
      return need(started.runtime);
    },
  };
}

interface NodeTensor {
  data: unknown;
  dims: readonly number[];
}
interface NodeOrt {
  InferenceSession: {
    create(model: Uint8Array, options: { executionProviders: string[]; externalData?: { path: string; data: Uint8Array }[] }): Promise<{
      inputNames: readonly string[];
      run(feeds: Record<string, unknown>, fetches?: readonly string[]): Promise<Record<string, NodeTensor>>;
      release(): Promise<void>;
    }>;
  };
  Tensor: new (type: 'int64' | 'float32', data: BigInt64Array | Float32Array, dims: number[]) => unknown;
}

/** onnxruntime-node with the CPU provider: the same graph the worker runs on WASM. */
export type NodeRuntime = CheckpointRuntime & { devices: Device[] };

export async function nodeRuntime(): Promise<NodeRuntime> {
  const ort = await nodeImport<NodeOrt>('onnxruntime-node');
  const devices: Device[] = [];
  return {
    devices,
    async createSession(model, device, data) {
      devices.push(device);
      const externalData = data ? [{ path: EXTERNAL_DATA_FILE, data }] : undefined;
      const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'], ...(externalData ? { externalData } : {}) });
      return {
        inputNames: session.inputNames,
        async run(feeds, outputs) {
          const tensors = Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, new ort.Tensor(v.type, v.data, v.dims)]));
          const out = await (outputs ? session.run(tensors, outputs) : session.run(tensors));
          return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { data: v.data as Float32Array, dims: [...v.dims] }]));
        },
        release: () => session.release(),
      };
    },
  };
}

/** Fresh loader deps over one shared cache; transformers.js (config, tokenizer) uses that cache too. */
export function depsWith(runtime: CheckpointRuntime, cache = memoryCache()): CheckpointDeps & { shared: typeof cache } {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.useCustomCache = true;
  env.customCache = cache as unknown as typeof env.customCache;
  return { fetch: (input, init) => fetch(input, init), cache: async () => cache, runtime, shared: cache };
}

export function loadContext(host: string, model: string, dtype: 'fp32' | 'q8' = 'fp32') {
  const progress: FileProgress[] = [];
  return { ctx: { model, host, device: 'wasm' as const, dtype, onProgress: (p: FileProgress) => progress.push(p) }, progress };
}

/**
 * For tests: an in-memory stand-in for the browser's Cache API (Node has none). It also fits
 * transformers.js' `env.customCache`, so config and tokenizer share it with the checkpoint ranges.
 */
export function memoryCache(): ByteCache & { size(): number } {
  const entries = new Map<string, { bytes: Uint8Array; headers: [string, string][] }>();
  return {
    async match(url) {
      const e = entries.get(String(url));
      return e ? new Response(e.bytes.slice() as Uint8Array<ArrayBuffer>, { status: 200, headers: e.headers }) : undefined;
    },
    async put(url, response) {
      entries.set(String(url), { bytes: new Uint8Array(await response.arrayBuffer()), headers: [...response.headers] });
    },
    async keys() {
      return [...entries.keys()].map((url) => ({ url }));
    },
    async delete(url) {
      return entries.delete(String(url));
    },
    size: () => entries.size,
  };
}

/** For tests: a fake host serving one file's bytes, honouring (or ignoring) Range, logging each request. */
export function fakeHost(files: Record<string, Uint8Array>, options: { ignoreRange?: boolean } = {}) {
  const log: { url: string; range: string | null; status: number }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const range = new Headers(init?.headers).get('range');
    const bytes = files[url];
    const answer = (status: number, body: Uint8Array | null, headers: Record<string, string> = {}) => {
      log.push({ url, range, status });
      return new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers });
    };
    if (!bytes) return answer(404, new TextEncoder().encode('{"error":"Entry not found"}'));
    const m = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
    if (!m || options.ignoreRange) return answer(200, bytes);
    const start = Number(m[1]);
    const end = Math.min(Number(m[2]), bytes.length - 1);
    return answer(206, bytes.slice(start, end + 1), { 'Content-Range': `bytes ${start}-${end}/${bytes.length}` });
  }) as typeof fetch;
  return { fetch: fetchFn, log };
}

/*
 * Heads for the loader's own tests, made of the graph builder's blocks and named after no hat:
 * both of BERT's pre-training heads at once, the NSP one alone (it skips the masked-LM
 * tensors), and a classifier on the pooled [CLS] with `labels` scores.
 */
export const bothPretrainingHeads: CheckpointHead<'prediction_logits' | 'seq_relationship_logits'> = {
  name: 'test-both',
  label: 'masked LM + next sentence',
  shapes: (c) => [...maskedLm.shapes(c), ...pooler.shapes(c), ...seqRelationship.shapes(c)],
  outputs: (c) => [
    { name: 'prediction_logits', dims: [BATCH, SEQUENCE, c.vocabSize] },
    { name: 'seq_relationship_logits', dims: [BATCH, 2] },
  ],
  build: (ctx, c, hidden) => [maskedLm.build(ctx, c, hidden), seqRelationship.build(ctx, c, pooler.build(ctx, c, hidden))],
  reference: (ops, c, xs) => [maskedLm.reference(ops, c, xs), seqRelationship.reference(ops, c, pooler.reference(ops, c, xs))],
};

export const nextSentenceHead: CheckpointHead<'logits'> = {
  name: 'test-nsp',
  label: 'NSP',
  shapes: (c) => [...pooler.shapes(c), ...seqRelationship.shapes(c)],
  outputs: () => [{ name: 'logits', dims: [BATCH, 2] }],
  build: (ctx, c, hidden) => [seqRelationship.build(ctx, c, pooler.build(ctx, c, hidden))],
  reference: (ops, c, xs) => [seqRelationship.reference(ops, c, pooler.reference(ops, c, xs))],
};

export function pooledClassifier(labels: number): CheckpointHead<'logits'> {
  return {
    name: 'test-classifier',
    label: `${labels}-score classifier`,
    shapes: (c) => [...pooler.shapes(c), ...linearShapes('classifier', labels, c.hiddenSize)],
    outputs: () => [{ name: 'logits', dims: [BATCH, labels] }],
    build: (ctx, c, hidden) => [linear(ctx, pooler.build(ctx, c, hidden), 'classifier', c.hiddenSize, labels)],
    reference: (ops, c, xs) => [ops.linear(pooler.reference(ops, c, xs), 'classifier', labels)],
  };
}

/** Tokenizes (a, b) pairs with the checkpoint's own tokenizer, as BERT reads them, padded into one batch. */
export function pairBatch(cm: CheckpointModel, pairs: [string, string | undefined][]) {
  const rows = pairs.map(([a, b]) => {
    const enc = cm.tokenizer(a, { text_pair: b ?? null, return_tensor: false }) as unknown as Record<string, number[]>;
    return { ids: enc.input_ids!, types: enc.token_type_ids ?? enc.input_ids!.map(() => 0) };
  });
  const width = Math.max(...rows.map((r) => r.ids.length));
  const pad = (xs: number[], v: number) => [...xs, ...Array<number>(width - xs.length).fill(v)];
  return {
    input_ids: rows.map((r) => pad(r.ids, cm.tokenizer.pad_token_id ?? 0)),
    attention_mask: rows.map((r) => pad(r.ids.map(() => 1), 0)),
    token_type_ids: rows.map((r) => pad(r.types, 0)),
  };
}
