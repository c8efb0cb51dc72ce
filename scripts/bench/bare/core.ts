// The benchmark's baseline: the same model and input as the app, called directly with transformers.js.
// The loop itself, for either place the bare page runs it: its own main thread or a worker (bare.ts).
import * as transformers from '@huggingface/transformers';
import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import webgpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import webgpuMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import cpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import cpuMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';

export interface BareSetup {
  host: string;
  model: string;
  /** A transformers.js Auto class, e.g. AutoModelForMaskedLM. */
  bareClass: string;
  dtype?: string;
  /** ONNX Runtime threads: the app's, as its status line shows them (every caller reads them there). */
  threads: number;
  /** Which of ONNX Runtime's WebAssembly builds to load; default: the one the app would pick here. */
  wasm?: 'cpu' | 'webgpu';
}

/** What the bare page does, wherever it runs. */
export interface BareLoop {
  load(setup: BareSetup): Promise<void>;
  /** One forward pass on `text`; returns its milliseconds. */
  run(text: string): Promise<number>;
  /** Greedy decoding with the KV cache, `tokens` new tokens after `prompt`; returns milliseconds. */
  generate(prompt: string, tokens: number): Promise<number>;
}

interface Loadable {
  from_pretrained(id: string, options: Record<string, unknown>): Promise<PreTrainedModel>;
}

const { AutoTokenizer, env } = transformers;

let tokenizer: PreTrainedTokenizer | undefined;
let model: PreTrainedModel | undefined;

const own = (url: string) => new URL(url, self.location.href).href;

/** The build the app's worker picks (src/worker/setup.ts): the WebGPU-capable one only where a GPU adapter exists. */
async function appsBuild(): Promise<'cpu' | 'webgpu'> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  return (await gpu?.requestAdapter().catch(() => null)) ? 'webgpu' : 'cpu';
}

export async function load({ host, model: id, bareClass, dtype = 'q8', threads, wasm }: BareSetup): Promise<void> {
  wasm ??= await appsBuild();
  env.allowLocalModels = false;
  env.remoteHost = `${host}/`;
  const onnx = env.backends.onnx;
  if (onnx.wasm) {
    onnx.wasm.wasmPaths = wasm === 'cpu' ? { wasm: own(cpuWasm), mjs: own(cpuMjs) } : { wasm: own(webgpuWasm), mjs: own(webgpuMjs) };
    onnx.wasm.numThreads = threads;
  }
  const Model = (transformers as unknown as Record<string, Loadable>)[bareClass];
  if (!Model) throw new Error(`transformers.js has no ${bareClass}`);
  await model?.dispose();
  tokenizer = await AutoTokenizer.from_pretrained(id);
  model = await Model.from_pretrained(id, { dtype, device: 'wasm' });
}

function loaded() {
  if (!tokenizer || !model) throw new Error('bare.load() first');
  return { tokenizer, model };
}

export async function run(text: string): Promise<number> {
  const { tokenizer, model } = loaded();
  const t0 = performance.now();
  const outputs = (await model(tokenizer(text, { truncation: true }))) as Record<string, Tensor>;
  void Object.values(outputs)[0]?.data;
  return performance.now() - t0;
}

const ids = (values: readonly number[]) => new transformers.Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);

/** The leanest loop transformers.js allows: feed the new token with the cache, take the argmax, repeat. */
export async function generate(prompt: string, tokens: number): Promise<number> {
  const { tokenizer, model } = loaded();
  const sequence = tokenizer.encode(prompt);
  let cache: Record<string, Tensor> | null = null;
  const t0 = performance.now();
  for (let step = 0, fed = 0; step < tokens; step++, fed = sequence.length - 1) {
    const out = (await model.forward({ input_ids: ids(sequence.slice(fed)), attention_mask: ids(sequence.map(() => 1)), past_key_values: cache })) as Record<string, Tensor>;
    for (const t of Object.values(cache ?? {})) t.dispose();
    cache = Object.fromEntries(Object.entries(out).filter(([k]) => k.startsWith('present')).map(([k, t]) => [k.replace('present', 'past_key_values'), t]));
    const logits = out.logits!;
    const vocab = logits.dims.at(-1)!;
    const last = (logits.data as Float32Array).subarray(logits.data.length - vocab);
    let best = 0;
    for (let i = 1; i < vocab; i++) if (last[i]! > last[best]!) best = i;
    logits.dispose();
    sequence.push(best);
  }
  const ms = performance.now() - t0;
  for (const t of Object.values(cache ?? {})) t.dispose();
  return ms;
}
