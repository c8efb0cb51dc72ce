/// <reference types="vite/client" />
// The benchmark's baseline: the same model and input as the app, called directly with transformers.js.
import * as transformers from '@huggingface/transformers';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import { threadCount } from '../../../src/worker/setup';

interface BareRequest {
  host: string;
  model: string;
  /** A transformers.js Auto class, e.g. AutoModelForMaskedLM. */
  bareClass: string;
  texts: string[];
}

interface Loadable {
  from_pretrained(id: string, options: Record<string, unknown>): Promise<(inputs: unknown) => Promise<Record<string, { data: unknown }>>>;
}

const { AutoTokenizer, env } = transformers;

declare global {
  interface Window {
    runBare(request: BareRequest): Promise<number[]>;
  }
}

window.runBare = async ({ host, model, bareClass, texts }) => {
  env.allowLocalModels = false;
  env.remoteHost = `${host}/`;
  const onnx = env.backends.onnx;
  if (onnx.wasm) {
    onnx.wasm.wasmPaths = { wasm: new URL(ortWasm, location.href).href, mjs: new URL(ortMjs, location.href).href };
    // As many threads as the app's worker asks for: the comparison is of the app's overhead, not of thread counts.
    onnx.wasm.numThreads = threadCount();
  }
  const Model = (transformers as unknown as Record<string, Loadable>)[bareClass];
  if (!Model) throw new Error(`transformers.js has no ${bareClass}`);
  const tokenizer = await AutoTokenizer.from_pretrained(model);
  const m = await Model.from_pretrained(model, { dtype: 'q8', device: 'wasm' });
  const times: number[] = [];
  for (const text of texts) {
    const t0 = performance.now();
    const inputs = tokenizer(text, { truncation: true });
    const outputs = await m(inputs);
    void Object.values(outputs)[0]?.data;
    times.push(performance.now() - t0);
  }
  return times;
};
