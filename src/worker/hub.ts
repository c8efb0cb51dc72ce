import { env, ModelRegistry } from '@huggingface/transformers';
import type { Dtype, FileSize } from '@/engine/protocol';
import type { ModelSource } from './adapter';

/** Points transformers.js at a Hub-shaped host (it reads one global setting). */
export function setHost(host: string): void {
  env.remoteHost = host.endsWith('/') ? host : `${host}/`;
}

/** A transformers.js ONNX export on a Hub-shaped host: what dtypes it has, what they weigh. */
export const onnxExportSource: ModelSource = {
  async availableDtypes({ model, host }) {
    setHost(host);
    return (await ModelRegistry.get_available_dtypes(model)) as Dtype[];
  },
  async files({ model, host, dtype, device }): Promise<FileSize[]> {
    setHost(host);
    const files = await ModelRegistry.get_files(model, { dtype, device: device as never });
    const sizes = await Promise.all(
      files.map(async (file) => {
        const meta = await ModelRegistry.get_file_metadata(model, file).catch(() => undefined);
        return { file, bytes: meta?.size ?? 0 };
      }),
    );
    return sizes;
  },
  async cached({ model, host, dtype, device }) {
    setHost(host);
    return ModelRegistry.is_cached(model, { dtype, device: device as never });
  },
};
