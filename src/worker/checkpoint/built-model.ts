import type { ByteCache } from './deps';
import type { FileVersion } from './http-range';

/** The graph builders of this build of the app (a hash of their sources; tools run without Vite have none). */
export const GRAPH_BUILDERS = typeof __GRAPH_BUILDERS__ === 'string' ? __GRAPH_BUILDERS__ : 'unversioned';

/*
 * [1] A checkpoint hat's graph is built in the page (seconds of work on a 440 MB checkpoint), so the
 *     .onnx bytes it built are kept next to the checkpoint's ranges, in the same cache: the page's
 *     list of cached models counts them under the model and its Clear button removes them. The key
 *     names the graph (a head or an architecture), the dtype, the builders that made it, and the
 *     version of model.safetensors it was built from (ETag and size): a checkpoint replaced on the
 *     host, or an app whose builders changed, builds again rather than opening a stale graph.
 */
export function builtModelKey(host: string, model: string, graph: string, dtype: string, version: FileVersion, builders = GRAPH_BUILDERS): string {
  const base = host.replace(/\/+$/, '');
  return `${base}/${model}/resolve/main/built/${graph}.${dtype}.onnx?builders=${builders}&etag=${encodeURIComponent(version.etag)}&size=${version.size}`;
}

/** The kept .onnx bytes for this key, if a whole copy is in the cache; `onOpen` is told before they are read. */
export async function readBuiltModel(cache: ByteCache | undefined, key: string, onOpen: () => void = () => undefined): Promise<Uint8Array | undefined> {
  const response = await cache?.match(key).catch(() => undefined);
  if (!response) return undefined;
  onOpen();
  const bytes = new Uint8Array(await response.arrayBuffer());
  const length = Number(response.headers.get('content-length'));
  return bytes.byteLength > 0 && bytes.byteLength === length ? bytes : undefined;
}

/**
 * Keeps the built .onnx [1], given as the parts that make it up one after another (inlineParts); a
 * full disk only costs the next visit a build. Then lets go of every other graph kept under the same
 * name and dtype for the model (made by older builders, or from a checkpoint since replaced): no visit
 * would open them again, and each is as big as the model's q8 weights (110 MB for BERT-base), on a
 * laptop whose disk the app shares with everything else.
 * [2] A Blob of the parts is the one copy of the weights made for the cache: the page never holds
 *     the .onnx in one buffer. The kept file is a .onnx with every weight inline: a session opens
 *     from it (a second visit) a quarter of a second sooner than from a graph and its external data.
 */
export async function keepBuiltModel(cache: ByteCache | undefined, key: string, parts: readonly Uint8Array[]): Promise<void> {
  const length = parts.reduce((n, p) => n + p.byteLength, 0);
  const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(length) };
  const kept = await cache
    ?.put(key, new Response(new Blob(parts as Uint8Array<ArrayBuffer>[]), { status: 200, headers }))
    .then(() => true)
    .catch(() => false);
  const query = key.indexOf('?');
  if (!cache || !kept || query < 0) return;
  const sameGraph = key.slice(0, query + 1);
  const stale = (await cache.keys().catch(() => [])).filter(({ url }) => url.startsWith(sameGraph) && url !== key);
  for (const { url } of stale) await cache.delete(url).catch(() => false);
}
