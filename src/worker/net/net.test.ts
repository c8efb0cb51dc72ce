// @vitest-environment node
import { AutoConfig, env } from '@huggingface/transformers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { FIXTURES_ROOT, startHub, type Hub } from '../sdk/testing';
import { checkedCache, type ModelCache } from './cache';
import { guardedFetch } from './fetch';
import { withNetScope } from './scope';

/*
 * The guarded fetch and the checked cache against the test hub's hostile faults: each answer that
 * is not the file becomes an error naming its cause, and nothing bad reaches the cache.
 */

let hub: Hub;
beforeAll(async () => {
  hub = await startHub(FIXTURES_ROOT);
});
afterAll(() => hub?.close());

const url = (model: string, file = 'config.json') => `${hub.url}/hw-test/${model}/resolve/main/${file}`;

/** The error a fetch and a full read of its body end with (undefined if both worked). */
async function failure(model: string, file = 'config.json', stallMs = 10_000): Promise<EngineError | undefined> {
  try {
    await withNetScope({ stallMs }, async () => (await guardedFetch(url(model, file))).arrayBuffer());
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
}

describe('guardedFetch', () => {
  it('passes whole, valid files through byte for byte', async () => {
    for (const file of ['config.json', 'onnx/model.onnx']) {
      const direct = new Uint8Array(await (await fetch(url('tiny-bert-mlm', file))).arrayBuffer());
      const guarded = new Uint8Array(await (await guardedFetch(url('tiny-bert-mlm', file))).arrayBuffer());
      expect(guarded).toEqual(direct);
    }
    expect((await guardedFetch(url('tiny-bert-mlm', 'no-such.json'))).status).toBe(404);
  });

  it('names each error status, with the status', async () => {
    expect(await failure('status-403-tiny-bert-mlm')).toMatchObject({ kind: 'host-status', message: expect.stringMatching(/refused config\.json of “hw-test\/status-403-tiny-bert-mlm” \(403 Forbidden\)/) });
    expect(await failure('status-429-tiny-bert-mlm')).toMatchObject({ kind: 'host-status', message: expect.stringMatching(/429 Too Many Requests.*Wait a minute, then Retry/) });
    expect(await failure('status-500-tiny-bert-mlm')).toMatchObject({ kind: 'host-status', message: expect.stringMatching(/a problem of its own \(500 Internal Server Error\)/) });
  });

  it('tells a web page from the file, a bomb and an absurd config from a file too big, a cut file from a whole one', async () => {
    expect(await failure('html-tiny-bert-mlm')).toMatchObject({ kind: 'wrong-content', message: expect.stringMatching(/with a web page \(HTML\), not the JSON file it should be/) });
    expect(await failure('gzip-bomb-tiny-bert-mlm')).toMatchObject({ kind: 'too-big', message: expect.stringMatching(/config\.json is more than 8 MB.*stopped there/) });
    expect(await failure('huge-config-tiny-gpt2')).toMatchObject({ kind: 'too-big', message: '“hw-test/huge-config-tiny-gpt2”: config.json: n_layer is 100,000,000, more than the 512 this page allows.' });
    expect(await failure('truncated-tiny-bert-mlm', 'onnx/model.onnx')).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/^onnx\/model\.onnx of “hw-test\/truncated-tiny-bert-mlm” is damaged: it ends [\d,]+ bytes short.*It was not kept; Retry downloads it again\.$/) });
  });

  it('gives up on a host that stays silent, or trickles, after the stall limit', async () => {
    const silent = failure('silent-tiny-bert-mlm', 'config.json', 200);
    const trickle = failure('trickle-tiny-bert-mlm', 'config.json', 200);
    expect(await silent).toMatchObject({ kind: 'stalled', message: expect.stringMatching(/stopped sending config\.json .*nothing arrived for 1 second\./) });
    expect(await trickle).toMatchObject({ kind: 'stalled' });
  });

  it('says when the host cannot be reached, and ends at once when the request is cancelled', async () => {
    const down = await withNetScope({}, () => guardedFetch('http://127.0.0.1:9/org/m/resolve/main/config.json')).catch((e: unknown) => e);
    expect(down).toMatchObject({ kind: 'network', message: expect.stringMatching(/^Could not reach http:\/\/127\.0\.0\.1:9 \(for config\.json of “org\/m”\)/) });
    const cancel = new AbortController();
    const pending = withNetScope({ signal: cancel.signal }, () => guardedFetch(url('silent-tiny-bert-mlm')));
    setTimeout(() => cancel.abort(), 50);
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

/** A Map-backed stand-in for the browser's Cache API, with delete. */
function mapCache(): ModelCache & { entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  return {
    entries,
    match: async (key) => (entries.has(key) ? new Response(entries.get(key)!.slice() as Uint8Array<ArrayBuffer>) : undefined),
    put: async (key, response) => void entries.set(key, new Uint8Array(await response.arrayBuffer())),
    delete: async (key) => entries.delete(key),
  };
}

describe('checkedCache', () => {
  it('drops a cached JSON file that no longer checks out, so it is fetched again', async () => {
    const store = mapCache();
    store.entries.set('http://h/o/m/resolve/main/preprocessor_config.json', new TextEncoder().encode('<!doctype html><p>sign in'));
    store.entries.set('http://h/o/m/resolve/main/config.json', new TextEncoder().encode('{"model_type":"bert"}'));
    const cache = checkedCache(async () => store);
    expect(await cache.match('http://h/o/m/resolve/main/preprocessor_config.json')).toBeUndefined();
    expect(store.entries.has('http://h/o/m/resolve/main/preprocessor_config.json')).toBe(false);
    expect(await (await cache.match('http://h/o/m/resolve/main/config.json'))!.json()).toEqual({ model_type: 'bert' });
  });

  it('fails the read of a damaged cached ONNX file, and drops it', async () => {
    const store = mapCache();
    const whole = new Uint8Array(await (await fetch(url('tiny-bert-mlm', 'onnx/model.onnx'))).arrayBuffer());
    const key = 'http://h/o/m/resolve/main/onnx/model.onnx';
    store.entries.set(key, whole.subarray(0, 1000));
    const cache = checkedCache(async () => store);
    await expect((await cache.match(key))!.arrayBuffer()).rejects.toMatchObject({ kind: 'damaged', message: expect.stringMatching(/The copy in this browser’s cache was removed/) });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.entries.has(key)).toBe(false);
  });

  describe('under transformers.js', () => {
    const saved = { fetch: env.fetch, custom: env.customCache, use: env.useCustomCache };
    afterEach(async () => {
      Object.assign(env, { fetch: saved.fetch, customCache: saved.custom, useCustomCache: saved.use });
      await fetch(`${hub.url}/__faults/on`, { method: 'POST' });
    });

    it('keeps nothing from a host that answered a web page, and caches the file once the host is fixed', async () => {
      const store = mapCache();
      Object.assign(env, { allowLocalModels: false, useFSCache: false, useBrowserCache: false, useCustomCache: true, remoteHost: `${hub.url}/` });
      env.customCache = checkedCache(async () => store) as unknown as typeof env.customCache;
      env.fetch = (input: string | URL, init?: unknown) => guardedFetch(input, init as RequestInit);
      await expect(AutoConfig.from_pretrained('hw-test/html-tiny-bert-mlm')).rejects.toMatchObject({ kind: 'wrong-content' });
      expect(store.entries.size).toBe(0);
      await fetch(`${hub.url}/__faults/off`, { method: 'POST' });
      expect((await AutoConfig.from_pretrained('hw-test/html-tiny-bert-mlm')).model_type).toBe('bert');
      expect([...store.entries.keys()]).toEqual([url('html-tiny-bert-mlm')]);
    });
  });
});

describe('withNetScope', () => {
  it('ends a request with the failure a guard recorded, not the "Failed to fetch" a browser hands the reader', async () => {
    const read = withNetScope({}, async () => {
      const response = await guardedFetch(url('huge-config-tiny-gpt2'));
      // Chromium: a Response whose stream errored rejects arrayBuffer() with a bare TypeError.
      await response.arrayBuffer().catch(() => {
        throw new TypeError('Failed to fetch');
      });
    });
    await expect(read).rejects.toMatchObject({ kind: 'too-big', message: expect.stringMatching(/n_layer is 100,000,000/) });
  });

  it('ends a cancelled request as cancelled, whatever the reader saw', async () => {
    const cancel = new AbortController();
    const read = withNetScope({ signal: cancel.signal }, async () => {
      cancel.abort();
      throw new TypeError('Failed to fetch');
    });
    await expect(read).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('messages', () => {
  it('says why an https page cannot reach a plain-http mirror on another machine', async () => {
    const { unreachable, fileRef } = await import('./failures');
    const f = fileRef('http://192.168.1.5/org/m/resolve/main/config.json');
    expect(unreachable(f, new TypeError('Failed to fetch'), 'https://school.example/app/').message).toMatch(/^This page is served over https, so the browser does not let it fetch from a plain-http host \(http:\/\/192\.168\.1\.5\)/);
    expect(unreachable(f, new TypeError('Failed to fetch'), 'http://school.lan/app/').message).toMatch(/^Could not reach http:\/\/192\.168\.1\.5/);
    expect(unreachable(fileRef('http://127.0.0.1:7071/o/m/resolve/main/config.json'), 'x', 'https://school.example/').message).toMatch(/^Could not reach/);
  });
});
