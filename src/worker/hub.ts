import { env, ModelRegistry } from '@huggingface/transformers';
import type { Device, Dtype, FileSize } from '@/engine/protocol';
import type { EngineDeps } from './engine';

/** Points transformers.js at a Hub-shaped host and asks it what a model has. */
export const hub: EngineDeps['hub'] = {
  setHost(host) {
    env.remoteHost = host.endsWith('/') ? host : `${host}/`;
  },
  async availableDtypes(model) {
    return (await ModelRegistry.get_available_dtypes(model)) as Dtype[];
  },
  async files(model, dtype, device): Promise<FileSize[]> {
    const files = await ModelRegistry.get_files(model, { dtype, device: device as never });
    const sizes = await Promise.all(
      files.map(async (file) => {
        const meta = await ModelRegistry.get_file_metadata(model, file).catch(() => undefined);
        return { file, bytes: meta?.size ?? 0 };
      }),
    );
    return sizes;
  },
  async cached(model, dtype: Dtype, device: Device) {
    return ModelRegistry.is_cached(model, { dtype, device: device as never });
  },
};
