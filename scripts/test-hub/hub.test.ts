// @vitest-environment node
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from './hub.ts';
import { parseRange } from './range.ts';

const ONNX = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const CONFIG = JSON.stringify({ model_type: 'bert', hidden_size: 8 });

let dir: string;
let hub: TestHub;
const base = () => `${hub.url}/hw-test/tiny-bert/resolve/main`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'test-hub-'));
  const model = path.join(dir, 'hw-test', 'tiny-bert');
  await mkdir(path.join(model, 'onnx'), { recursive: true });
  await writeFile(path.join(model, 'config.json'), CONFIG);
  await writeFile(path.join(model, 'onnx', 'model.onnx'), ONNX);
  await writeFile(path.join(model, 'empty.bin'), '');
  await writeFile(path.join(dir, 'secret.txt'), 'outside any model');
  hub = await createTestHub({ root: dir });
});

afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => hub.resetLog());

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', 100, { kind: 'range', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'range', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'range', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'range', start: 0, end: 99 }],
    ['bytes=50-500', 100, { kind: 'range', start: 50, end: 99 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-0', 0, { kind: 'unsatisfiable' }],
    ['bytes=9-1', 100, { kind: 'none' }],
    ['bytes=0-1,5-6', 100, { kind: 'none' }],
    ['items=0-1', 100, { kind: 'none' }],
    ['bytes=-', 100, { kind: 'none' }],
  ] as const)('%s of %i bytes', (header, size, want) => {
    expect(parseRange(header, size)).toEqual(want);
  });
  it('no header means the whole body', () => {
    expect(parseRange(undefined, 10)).toEqual({ kind: 'none' });
  });
});

describe('resolve', () => {
  it('serves a file with Hub-like headers', async () => {
    const res = await fetch(`${base()}/config.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-length')).toBe(String(CONFIG.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(res.headers.get('x-repo-commit')).toMatch(/^[0-9a-f]{40}$/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await res.text()).toBe(CONFIG);
  });

  it('serves binaries as octet-stream, any revision', async () => {
    const res = await fetch(`${hub.url}/hw-test/tiny-bert/resolve/0123abcd/onnx/model.onnx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ONNX);
  });

  it('answers HEAD with headers only', async () => {
    const res = await fetch(`${base()}/onnx/model.onnx`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(ONNX.length));
    expect(await res.text()).toBe('');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const etag = (await fetch(`${base()}/config.json`)).headers.get('etag') ?? '';
    const res = await fetch(`${base()}/config.json`, { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
  });

  it.each([
    ['/hw-test/tiny-bert/resolve/main/missing.json', 'EntryNotFound'],
    ['/hw-test/tiny-bert/resolve/main/onnx', 'EntryNotFound'],
    ['/hw-test/nope/resolve/main/config.json', 'RepoNotFound'],
    ['/hw-test/tiny-bert/resolve/main/..%2F..%2Fsecret.txt', 'EntryNotFound'],
    ['/index.html', 'NotFound'],
    ['/', 'NotFound'],
  ])('404 for %s, with a JSON body and CORS', async (url, code) => {
    const res = await fetch(hub.url + url);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-error-code')).toBe(code);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { error: string };
    expect(body.error).toBeTypeOf('string');
  });

  it('refuses paths that climb out of the model folder, even unnormalised', async () => {
    // fetch() would normalise the dots away, so send the raw path.
    for (const raw of ['/hw-test/tiny-bert/resolve/main/../../../secret.txt', '/hw-test/tiny-bert/resolve/main/%2E%2E/%2E%2E/secret.txt']) {
      const status = await new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port: hub.port, path: raw }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(404);
    }
  });

  it('404 on HEAD has no body', async () => {
    const res = await fetch(`${base()}/missing.json`, { method: 'HEAD' });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });

  it('rejects other methods', async () => {
    const res = await fetch(`${base()}/config.json`, { method: 'PUT', body: 'x' });
    expect(res.status).toBe(405);
  });
});

describe('Range', () => {
  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=900-', 900, 999],
    ['bytes=-10', 990, 999],
    ['bytes=990-5000', 990, 999],
  ])('%s → 206', async (range, start, end) => {
    const res = await fetch(`${base()}/onnx/model.onnx`, { headers: { Range: range } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${ONNX.length}`);
    expect(res.headers.get('content-length')).toBe(String(end - start + 1));
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ONNX.subarray(start, end + 1));
  });

  it('416 when unsatisfiable', async () => {
    const res = await fetch(`${base()}/onnx/model.onnx`, { headers: { Range: 'bytes=1000-' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${ONNX.length}`);
    const empty = await fetch(`${base()}/empty.bin`, { headers: { Range: 'bytes=0-' } });
    expect(empty.status).toBe(416);
  });

  it('ignores a multi-range request (200, whole body)', async () => {
    const res = await fetch(`${base()}/onnx/model.onnx`, { headers: { Range: 'bytes=0-1,5-6' } });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(ONNX.length);
  });

  it('honours If-Range only when the ETag matches', async () => {
    const etag = (await fetch(`${base()}/onnx/model.onnx`, { method: 'HEAD' })).headers.get('etag') ?? '';
    const hit = await fetch(`${base()}/onnx/model.onnx`, { headers: { Range: 'bytes=0-9', 'If-Range': etag } });
    expect(hit.status).toBe(206);
    const miss = await fetch(`${base()}/onnx/model.onnx`, { headers: { Range: 'bytes=0-9', 'If-Range': '"stale"' } });
    expect(miss.status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers a preflight allowing Range', async () => {
    const res = await fetch(`${base()}/onnx/model.onnx`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:4173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'range',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('range');
  });

  it('lists Range without an explicit request too', async () => {
    const res = await fetch(`${base()}/config.json`, { method: 'OPTIONS' });
    expect(res.headers.get('access-control-allow-headers')).toContain('Range');
  });

  it('exposes the headers a browser needs to read', async () => {
    const res = await fetch(`${base()}/config.json`);
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const h of ['content-length', 'content-range', 'accept-ranges', 'etag', 'x-repo-commit']) {
      expect(exposed).toContain(h);
    }
  });
});

describe('faults', () => {
  it('fail-halfway: full Content-Length, half the body, then the socket dies', async () => {
    const res = await fetch(`${hub.url}/hw-test/fail-halfway-tiny-bert/resolve/main/onnx/model.onnx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(ONNX.length));
    const reader = res.body!.getReader();
    let received = 0;
    const failure = await (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return null;
          received += value.byteLength;
        }
      } catch (err) {
        return err;
      }
    })();
    expect(failure).toBeInstanceOf(Error);
    expect(received).toBe(ONNX.length / 2);
    const entry = hub.log().find((e) => e.url.endsWith('model.onnx'));
    expect(entry).toMatchObject({ status: 200, aborted: true, faults: ['fail-halfway'] });
  });

  it('fail-halfway: other files and HEAD are served normally', async () => {
    const json = await fetch(`${hub.url}/hw-test/fail-halfway-tiny-bert/resolve/main/config.json`);
    expect(await json.text()).toBe(CONFIG);
    const head = await fetch(`${hub.url}/hw-test/fail-halfway-tiny-bert/resolve/main/onnx/model.onnx`, {
      method: 'HEAD',
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(ONNX.length));
  });

  it('no-range: ignores Range and sends the whole body', async () => {
    const res = await fetch(`${hub.url}/hw-test/no-range-tiny-bert/resolve/main/onnx/model.onnx`, {
      headers: { Range: 'bytes=0-9' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBeNull();
    expect(res.headers.get('accept-ranges')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ONNX);
    const past = await fetch(`${hub.url}/hw-test/no-range-tiny-bert/resolve/main/onnx/model.onnx`, {
      headers: { Range: 'bytes=5000-' },
    });
    expect(past.status).toBe(200);
  });

  it('slow: the whole body arrives, over several chunks', async () => {
    const t0 = Date.now();
    const res = await fetch(`${hub.url}/hw-test/slow-tiny-bert/resolve/main/onnx/model.onnx`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ONNX);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(800);
  });

  it('prefixes combine; an unknown base is still a 404', async () => {
    const res = await fetch(`${hub.url}/hw-test/no-range-fail-halfway-tiny-bert/resolve/main/config.json`, {
      headers: { Range: 'bytes=0-1' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(CONFIG);
    expect((await fetch(`${hub.url}/hw-test/fail-halfway-nope/resolve/main/config.json`)).status).toBe(404);
    expect((await fetch(`${hub.url}/hw-test/fail-halfway-/resolve/main/config.json`)).status).toBe(404);
  });
});

describe('api', () => {
  it('lists siblings', async () => {
    const res = await fetch(`${hub.url}/api/models/hw-test/tiny-bert`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { id: string; sha: string; siblings: { rfilename: string }[] };
    expect(body.id).toBe('hw-test/tiny-bert');
    expect(body.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(body.siblings).toEqual([{ rfilename: 'config.json' }, { rfilename: 'empty.bin' }, { rfilename: 'onnx/model.onnx' }]);
  });

  it('adds sizes with ?blobs=true, and keeps the faulty id', async () => {
    const res = await fetch(`${hub.url}/api/models/hw-test/fail-halfway-tiny-bert/revision/main?blobs=true`);
    const body = (await res.json()) as { id: string; siblings: { rfilename: string; size: number }[] };
    expect(body.id).toBe('hw-test/fail-halfway-tiny-bert');
    expect(body.siblings).toContainEqual({ rfilename: 'onnx/model.onnx', size: ONNX.length });
  });

  it('has a tree listing with sizes', async () => {
    const top = (await (await fetch(`${hub.url}/api/models/hw-test/tiny-bert/tree/main`)).json()) as {
      type: string;
      path: string;
    }[];
    expect(top.map((e) => `${e.type}:${e.path}`)).toEqual(['file:config.json', 'file:empty.bin', 'directory:onnx']);
    const onnx = (await (await fetch(`${hub.url}/api/models/hw-test/tiny-bert/tree/main/onnx`)).json()) as {
      path: string;
      size: number;
    }[];
    expect(onnx).toMatchObject([{ path: 'onnx/model.onnx', size: ONNX.length }]);
  });

  it('404 for unknown models', async () => {
    const res = await fetch(`${hub.url}/api/models/hw-test/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/not found/i);
  });
});

describe('request log', () => {
  it('records method, url, status and range; control routes are not logged', async () => {
    await fetch(`${base()}/config.json`);
    await fetch(`${base()}/onnx/model.onnx`, { headers: { Range: 'bytes=0-3' } });
    await fetch(`${base()}/missing.json`, { method: 'HEAD' });
    const log = (await (await fetch(`${hub.url}/__log`)).json()) as unknown[];
    expect(log).toEqual([
      expect.objectContaining({ method: 'GET', url: '/hw-test/tiny-bert/resolve/main/config.json', status: 200, range: null }),
      expect.objectContaining({ method: 'GET', status: 206, range: 'bytes=0-3' }),
      expect.objectContaining({ method: 'HEAD', status: 404 }),
    ]);
    const reset = await fetch(`${hub.url}/__log/reset`, { method: 'POST' });
    expect(reset.status).toBe(204);
    expect(await (await fetch(`${hub.url}/__log`)).json()).toEqual([]);
  });

  it('binds to loopback only', () => {
    expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('hostile faults', () => {
  beforeAll(async () => {
    const gpt = path.join(dir, 'hw-test', 'tiny-gpt');
    await mkdir(gpt, { recursive: true });
    await writeFile(path.join(gpt, 'config.json'), JSON.stringify({ model_type: 'gpt2', n_layer: 2, n_embd: 8 }));
  });

  it('huge-config: every layer count is absurd, the length honest', async () => {
    const res = await fetch(`${hub.url}/hw-test/huge-config-tiny-gpt/resolve/main/config.json`);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ model_type: 'gpt2', n_layer: 100_000_000, n_embd: 8 });
    expect(res.headers.get('content-length')).toBe(String(text.length));
  });

  it('gzip-bomb: a small gzip body that inflates past any cap', async () => {
    const res = await fetch(`${hub.url}/hw-test/gzip-bomb-tiny-bert/resolve/main/config.json`);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const reader = res.body!.getReader();
    let inflated = 0;
    while (inflated < 20_000_000) inflated += (await reader.read()).value!.length;
    await reader.cancel();
    expect(inflated).toBeGreaterThanOrEqual(20_000_000);
  });

  it('truncated: half the ONNX file, announced as the whole (Range and listing agree)', async () => {
    const res = await fetch(`${hub.url}/hw-test/truncated-tiny-bert/resolve/main/onnx/model.onnx`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ONNX.subarray(0, 500));
    expect(res.headers.get('content-length')).toBe('500');
    const tail = await fetch(`${hub.url}/hw-test/truncated-tiny-bert/resolve/main/onnx/model.onnx`, { headers: { Range: 'bytes=600-700' } });
    expect(tail.status).toBe(416);
    expect((await (await fetch(`${hub.url}/hw-test/truncated-tiny-bert/resolve/main/config.json`)).text())).toBe(CONFIG);
  });

  it('html and status-NNN: a web page, or an error status, for every file', async () => {
    const html = await fetch(`${hub.url}/hw-test/html-tiny-bert/resolve/main/config.json`);
    expect([html.status, html.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await html.text()).toMatch(/^<!doctype html>/);
    for (const code of [403, 429, 500]) {
      const res = await fetch(`${hub.url}/hw-test/status-${code}-tiny-bert/resolve/main/config.json`);
      await res.body?.cancel();
      expect(res.status).toBe(code);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it('silent never answers; trickle sends headers, then a byte at a time', async () => {
    await expect(fetch(`${hub.url}/hw-test/silent-tiny-bert/resolve/main/config.json`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    const res = await fetch(`${hub.url}/hw-test/trickle-tiny-bert/resolve/main/config.json`);
    expect(res.headers.get('content-length')).toBe(String(CONFIG.length));
    const reader = res.body!.getReader();
    expect((await reader.read()).value).toHaveLength(1);
    await reader.cancel();
  });

  it('POST /__faults/off fixes the host until /__faults/on', async () => {
    const url = `${hub.url}/hw-test/status-500-tiny-bert/resolve/main/config.json`;
    await fetch(`${hub.url}/__faults/off`, { method: 'POST' });
    try {
      expect(await (await fetch(url)).text()).toBe(CONFIG);
    } finally {
      await fetch(`${hub.url}/__faults/on`, { method: 'POST' });
    }
    const again = await fetch(url);
    await again.body?.cancel();
    expect(again.status).toBe(500);
  });
});

describe('garbled', () => {
  it('keeps an ONNX file whole in outline, with a graph no protobuf reader accepts', async () => {
    const { garble } = await import('./hostile.ts');
    const { serializeModel, GraphBuilder, decodeModel } = await import('../../src/lib/onnx/graph-builder.ts');
    const { checkOnnxBytes } = await import('../../src/lib/onnx/stream-check.ts');
    const g = new GraphBuilder('g');
    g.node('Identity', [g.input('x', 'float32', [1])], {}, 'y');
    g.output('y', 'float32', [1]);
    const model = Buffer.from(serializeModel(g.toModel({ doc: 'garble me' })));
    const bad = garble(model);
    expect(bad.length).toBe(model.length);
    expect(() => checkOnnxBytes(bad)).not.toThrow();
    expect(() => decodeModel(bad)).toThrow();
  });
});
