import { InferenceSession, Tensor } from 'onnxruntime-web/webgpu';
import type { Device } from '@/engine/protocol';
import type { GraphOutput } from './deps';

/** One graph input: float pixels or int64 indices (the BERT loader's sessions take int64 only). */
export type TensorFeed = { type: 'float32'; data: Float32Array; dims: number[] } | { type: 'int64'; data: BigInt64Array; dims: number[] };

export interface TensorSession {
  run(feeds: Record<string, TensorFeed>): Promise<Record<string, GraphOutput>>;
  release(): Promise<void>;
}

/** Where sessions over typed inputs come from: ONNX Runtime Web in the worker, onnxruntime-node in tests. */
export interface TensorRuntime {
  createSession(model: Uint8Array, device: Device): Promise<TensorSession>;
}

/** The same ONNX Runtime module instance transformers.js and the BERT loader use (see deps.ts [1]). */
export const ortTensorRuntime: TensorRuntime = {
  async createSession(model, device) {
    const session = await InferenceSession.create(model, { executionProviders: [device === 'webgpu' ? 'webgpu' : 'wasm'], logSeverityLevel: 3 });
    return {
      async run(feeds) {
        const tensors = Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, v.type === 'float32' ? new Tensor('float32', v.data, v.dims) : new Tensor('int64', v.data, v.dims)]));
        const out = await session.run(tensors);
        const result: Record<string, GraphOutput> = {};
        for (const [name, value] of Object.entries(out)) result[name] = { data: value.data as Float32Array, dims: [...value.dims] };
        return result;
      },
      release: () => session.release(),
    };
  },
};
