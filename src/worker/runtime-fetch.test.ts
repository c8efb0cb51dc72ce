import { describe, expect, it, vi } from 'vitest';
import { preferHttpCache } from './runtime-fetch';

const WASM = 'https://school.example/app/assets/ort-wasm-simd-threaded-abc.wasm';
const answer = (status: number, body = 'bytes') => new Response(body, { status });

/** A fetch that answers `force-cache` asks with `cached` and every other ask with the network's bytes. */
function browser(cached: () => Promise<Response>) {
  return vi.fn((_input: RequestInfo | URL, init?: RequestInit) => (init?.cache === 'force-cache' ? cached() : Promise.resolve(answer(200, 'network'))));
}

describe('preferHttpCache', () => {
  it("takes ONNX Runtime's WebAssembly from the HTTP cache first when the cache has it (or, lacking it, the network)", async () => {
    const plain = browser(() => Promise.resolve(answer(200, 'cached')));
    const response = await preferHttpCache(plain, (url) => url === WASM)(WASM, { credentials: 'same-origin' });
    expect(await response.text()).toBe('cached');
    expect(plain).toHaveBeenCalledTimes(1);
    expect(plain).toHaveBeenCalledWith(WASM, { credentials: 'same-origin', cache: 'force-cache' });
  });

  it('asks the ordinary way, with the caller\'s own options, when the HTTP cache has no copy', async () => {
    for (const cached of [() => Promise.reject(new TypeError('Failed to fetch')), () => Promise.resolve(answer(504, ''))]) {
      const plain = browser(cached);
      const response = await preferHttpCache(plain, (url) => url === WASM)(new URL(WASM), { credentials: 'same-origin' });
      expect(await response.text()).toBe('network');
      expect(plain).toHaveBeenLastCalledWith(new URL(WASM), { credentials: 'same-origin' });
    }
  });

  it('leaves every other request alone', async () => {
    const plain = browser(() => Promise.resolve(answer(200, 'cached')));
    const config = 'https://huggingface.co/org/model/resolve/main/config.json';
    expect(await (await preferHttpCache(plain, (url) => url === WASM)(new Request(config))).text()).toBe('network');
    expect(plain).toHaveBeenCalledTimes(1);
    expect(plain.mock.calls[0]![1]).toBeUndefined();
  });
});
