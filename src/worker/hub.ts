import { env, ModelRegistry } from '@huggingface/transformers';
import { DTYPES, type Dtype, type FileSize } from '@/engine/protocol';
import type { ModelSource } from './adapter';
import { classify } from './errors';

/** Points transformers.js at a Hub-shaped host (it reads one global setting). */
export function setHost(host: string): void {
  env.remoteHost = host.endsWith('/') ? host : `${host}/`;
}

/*
 * [1] transformers.js asks the host about every dtype and about optional files (preprocessor_config.json)
 *     even when the model is in the browser's cache, and those probes throw when the host cannot be
 *     reached (a classroom whose internet is cut). The cache alone then answers: the dtypes whose files
 *     are all cached, leaving out the optional processor probe. Anything but a network failure still throws.
 */
const CACHE_ONLY = { include_processor: false } as const;
const unreachable = (error: unknown, model: string) => classify(error, model).kind === 'network';

/** A transformers.js ONNX export on a Hub-shaped host: what dtypes it has, what they weigh. */
export const onnxExportSource: ModelSource = {
  async availableDtypes({ model, host }) {
    setHost(host);
    try {
      return (await ModelRegistry.get_available_dtypes(model)) as Dtype[];
    } catch (error) {
      if (!unreachable(error, model)) throw error;
      const cached: Dtype[] = [];
      for (const dtype of DTYPES) {
        if (await ModelRegistry.is_cached(model, { dtype, ...CACHE_ONLY }).catch(() => false)) cached.push(dtype);
      }
      if (cached.length === 0) throw error;
      return cached;
    }
  },
  async files({ model, host, dtype, device }): Promise<FileSize[]> {
    setHost(host);
    const options = { dtype, device: device as never };
    const files = await ModelRegistry.get_files(model, options).catch((error: unknown) => {
      if (!unreachable(error, model)) throw error;
      return ModelRegistry.get_files(model, { ...options, ...CACHE_ONLY });
    });
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
    const options = { dtype, device: device as never };
    return ModelRegistry.is_cached(model, options).catch((error: unknown) => {
      if (!unreachable(error, model)) throw error;
      return ModelRegistry.is_cached(model, { ...options, ...CACHE_ONLY });
    });
  },
};
