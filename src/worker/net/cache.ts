import { CACHE_NAME } from '@/lib/model-cache';
import { contentCheck, guardBody, kindOf } from './body';
import { fileRef } from './failures';
import { currentScope } from './scope';

/*
 * The model cache as transformers.js sees it (env.customCache): the browser's Cache API, but a
 * file is handed out only if it still checks out. A JSON file is checked whole before it is used
 * (a bad one is dropped and fetched again at once); an ONNX model is checked as it is read, and a
 * damaged one is dropped and the load fails, so Retry downloads it again. Nothing is written here
 * that was not whole and checked: the guarded fetch fails a bad body before transformers.js stores it.
 */

/** What transformers.js calls on its cache (its CacheInterface). */
export interface ModelCache {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
}

const NO_STALL = 2 ** 31 - 1;

export function checkedCache(open: () => Promise<ModelCache | undefined>): ModelCache {
  return {
    async match(key) {
      const cache = await open();
      const response = await cache?.match(key);
      if (!cache || !response?.body) return response;
      const f = fileRef(String(key));
      const check = contentCheck(f, true);
      if (!check) return response;
      const drop = () => void cache.delete(key).catch(() => undefined);
      if (kindOf(f.file) === 'json') {
        const bytes = new Uint8Array(await response.arrayBuffer());
        try {
          check.push(bytes);
          check.finish();
        } catch {
          drop();
          return undefined;
        }
        return new Response(bytes as Uint8Array<ArrayBuffer>, { status: response.status, headers: response.headers });
      }
      const body = guardBody(response.body, {
        file: f,
        limit: Number.MAX_SAFE_INTEGER,
        check,
        stallMs: NO_STALL,
        signal: new AbortController().signal,
        onStall: () => undefined,
        onError: (error) => currentScope().record(error),
        onInvalid: drop,
      });
      return new Response(body, { status: response.status, headers: response.headers });
    },
    async put(key, response) {
      await (await open())?.put(key, response);
    },
    async delete(key) {
      return (await (await open())?.delete(key)) ?? false;
    },
  };
}

/** The browser's model cache, opened once; undefined where the Cache API is missing or refused. */
export function browserModelCache(): () => Promise<ModelCache | undefined> {
  let opened: Promise<ModelCache | undefined> | undefined;
  return () => (opened ??= typeof caches === 'undefined' ? Promise.resolve(undefined) : caches.open(CACHE_NAME).catch(() => undefined));
}
