/**
 * The test hub's hostile faults: what a repository anyone can publish, or a broken or unlucky
 * network, may send. Chosen by model-name prefix like the others (see hub.ts):
 *   huge-config-<name>   config.json with every layer count set to 100 000 000 (honest length)
 *   gzip-bomb-<name>     config.json gzip-encoded, inflating to 1.2 GB of blanks
 *   truncated-<name>     .onnx files and model.safetensors cut to half, with an honest Content-Length
 *   html-<name>          every file answered 200 with a web page (text/html), as an SPA fallback does
 *   status-<NNN>-<name>  every file answered with that HTTP status (403, 429, 500, …)
 *   silent-<name>        the connection is accepted and never answered
 *   trickle-<name>       headers, then one byte every 3 seconds
 *   redirect-<name>      every file redirected (302) to another host, where nothing answers
 *   garbled-<name>       .onnx files whole in length and outline, the graph inside them scrambled:
 *                        only the model runtime finds out (transformers.js then opens no model again)
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export type HostileFault = 'huge-config' | 'gzip-bomb' | 'truncated' | 'html' | 'silent' | 'trickle' | 'redirect' | 'garbled' | `status-${number}`;

export const HOSTILE_PREFIXES: readonly HostileFault[] = ['huge-config', 'gzip-bomb', 'truncated', 'html', 'silent', 'trickle', 'redirect', 'garbled'];
/** Where redirect- sends every file: another host (127.0.0.2 is this machine too), on a port nothing listens on. */
export const ELSEWHERE = 'http://127.0.0.2:2';
/** `status-403-<name>`: the fault and the rest of the name. */
export function statusPrefix(name: string): { fault: HostileFault; rest: string } | undefined {
  const m = /^status-([1-5]\d\d)-(.+)$/.exec(name);
  return m ? { fault: `status-${Number(m[1])}`, rest: m[2]! } : undefined;
}

const LAYER_KEYS = ['num_hidden_layers', 'n_layer', 'num_layers', 'num_decoder_layers', 'decoder_num_hidden_layers'];
export const ABSURD_LAYERS = 100_000_000;
const BOMB_BYTES = 1_200_000_000;
export const TRICKLE_MS = 3_000;
const HTML = '<!doctype html><html><head><title>Hat Wardrobe</title></head><body><div id="root"></div></body></html>';

/** The bytes of a file a truncated- fault keeps. */
export function truncatedSize(file: string, size: number): number {
  return /\.onnx$|model\.safetensors$/.test(file) ? Math.floor(size / 2) : size;
}

/**
 * Answers a request under a hostile fault, or returns undefined to let the hub serve the file as
 * usual (a fault that does not concern this file). Returns the status sent (0: none).
 */
export async function serveHostile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  faults: readonly string[],
  headers: Record<string, string>,
): Promise<number | undefined> {
  const name = path.basename(file);
  const status = faults.map((f) => /^status-(\d+)$/.exec(f)).find(Boolean);
  if (faults.includes('silent')) {
    await new Promise((resolve) => res.once('close', resolve));
    return 0;
  }
  if (status) {
    const code = Number(status[1]);
    res.writeHead(code, { ...headers, 'Content-Type': 'application/json', ...(code === 429 ? { 'Retry-After': '60' } : {}) });
    res.end(JSON.stringify({ error: `test hub: ${code}` }));
    return code;
  }
  if (faults.includes('redirect')) {
    res.writeHead(302, { ...headers, Location: `${ELSEWHERE}${req.url ?? '/'}` });
    res.end();
    return 302;
  }
  if (faults.includes('html')) {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(HTML)) });
    res.end(req.method === 'HEAD' ? undefined : HTML);
    return 200;
  }
  if (faults.includes('trickle')) {
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
    for (let i = 0; i < body.length && !res.destroyed; i++) {
      res.write(body.subarray(i, i + 1));
      await new Promise((resolve) => setTimeout(resolve, TRICKLE_MS));
    }
    res.end();
    return 200;
  }
  if (name.endsWith('.onnx') && faults.includes('garbled')) {
    const body = garble(await readFile(file));
    res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return 200;
  }
  if (name === 'config.json' && faults.includes('huge-config')) {
    const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    for (const key of LAYER_KEYS) if (key in config) config[key] = ABSURD_LAYERS;
    const text = JSON.stringify(config);
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
    res.end(req.method === 'HEAD' ? undefined : text);
    return 200;
  }
  if (name === 'config.json' && faults.includes('gzip-bomb')) {
    // Made as it is read: a client that stops reading stops the server making it.
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    if (req.method === 'HEAD') {
      res.end();
      return 200;
    }
    await pipeline(Readable.from(blanks(BOMB_BYTES)), createGzip({ level: 1 }), res).catch(() => undefined);
    return 200;
  }
  return undefined;
}

/**
 * An ONNX file with its top-level fields intact (so it streams in as a whole model) but the graph
 * (field 7) filled with 0xff: no valid protobuf inside. Top-level tags and lengths are varints.
 */
export function garble(onnx: Buffer): Buffer {
  const out = Buffer.from(onnx);
  const varint = (at: number): [number, number] => {
    let value = 0;
    for (let shift = 0, i = at; ; shift += 7, i++) {
      value += (out[i]! & 0x7f) * 2 ** shift;
      if (!(out[i]! & 0x80)) return [value, i + 1];
    }
  };
  for (let at = 0; at < out.length; ) {
    const [tag, next] = varint(at);
    const wire = tag % 8;
    if (wire === 0) at = varint(next)[1];
    else if (wire === 1) at = next + 8;
    else if (wire === 5) at = next + 4;
    else {
      const [length, start] = varint(next);
      if (Math.floor(tag / 8) === 7) out.fill(0xff, start, start + length);
      at = start + length;
    }
  }
  return out;
}

function* blanks(total: number): Generator<Buffer> {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  yield Buffer.from('{"model_type":"bert","padding":"');
  for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
  yield Buffer.from('"}');
}
