import type { OnnxFiles } from '@/lib/onnx';
import type { ByteCache } from './deps';
import type { FileVersion } from './http-range';

/*
 * [1] A checkpoint hat's graph is built in the page (seconds of work on a 440 MB checkpoint), so the
 *     .onnx bytes it built are kept next to the checkpoint's ranges, in the same cache: the page's
 *     list of cached models counts them under the model and its Clear button removes them. The key
 *     names the head, the dtype, and the version of model.safetensors they were built from (ETag and
 *     size), so a checkpoint replaced on the host is built again rather than served stale.
 * [2] One entry: the graph, then its external data file (the 8-bit weights) when it has one, with
 *     the graph's length in a header; an entry without that header is a .onnx with its weights
 *     inline (fp32, and what earlier versions kept). The body is a Blob of the two: one copy
 *     for a moment, which the cache takes in about as fast as ONNX Runtime opens the session (a
 *     body streamed from the arrays copied nothing but kept the page waiting 0.5-0.8 s longer).
 */
export function builtModelKey(host: string, model: string, head: string, dtype: string, version: FileVersion): string {
  const base = host.replace(/\/+$/, '');
  return `${base}/${model}/resolve/main/built/${head}.${dtype}.onnx?etag=${encodeURIComponent(version.etag)}&size=${version.size}`;
}

const GRAPH_LENGTH = 'X-Onnx-Graph-Length';

/** The kept graph (and external data) for this key, if a whole copy is in the cache; `onOpen` is told before they are read. */
export async function readBuiltModel(cache: ByteCache | undefined, key: string, onOpen: () => void = () => undefined): Promise<OnnxFiles | undefined> {
  const response = await cache?.match(key).catch(() => undefined);
  if (!response) return undefined;
  onOpen();
  const bytes = new Uint8Array(await response.arrayBuffer());
  const length = Number(response.headers.get('content-length'));
  if (bytes.byteLength === 0 || bytes.byteLength !== length) return undefined;
  const graphLength = response.headers.get(GRAPH_LENGTH);
  if (graphLength === null) return { graph: bytes };
  const split = Number(graphLength);
  if (!Number.isInteger(split) || split <= 0 || split >= bytes.byteLength) return undefined;
  return { graph: bytes.subarray(0, split), data: bytes.subarray(split) };
}

/** Keeps the built graph and its data [1][2]; a full disk only costs the next visit a build. */
export async function keepBuiltModel(cache: ByteCache | undefined, key: string, files: OnnxFiles): Promise<void> {
  const parts = files.data ? [files.graph, files.data] : [files.graph];
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(parts.reduce((n, p) => n + p.byteLength, 0)),
    ...(files.data ? { [GRAPH_LENGTH]: String(files.graph.byteLength) } : {}),
  };
  await cache?.put(key, new Response(new Blob(parts as Uint8Array<ArrayBuffer>[]), { status: 200, headers })).catch(() => undefined);
}
