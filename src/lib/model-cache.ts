/** The models transformers.js keeps in the browser's Cache API, grouped per model. */

export const CACHE_NAME = 'transformers-cache';

export interface CachedModel {
  /** "host · org/name" */
  key: string;
  host: string;
  model: string;
  files: string[];
  bytes: number;
  requests: Request[];
}

// [1] Cached URLs look like <host>/<org>/<name>/resolve/<revision>/<file>.
const HUB_URL = /^(https?:\/\/.+?)\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/;

export function parseCachedUrl(url: string): { host: string; model: string; file: string } | undefined {
  const m = HUB_URL.exec(url);
  if (!m) return undefined;
  return { host: m[1]!, model: m[2]!, file: m[3]! };
}

export async function listCachedModels(): Promise<CachedModel[]> {
  if (typeof caches === 'undefined') return [];
  const cache = await caches.open(CACHE_NAME);
  const groups = new Map<string, CachedModel>();
  for (const request of await cache.keys()) {
    const parsed = parseCachedUrl(request.url);
    if (!parsed) continue;
    const key = `${parsed.host} · ${parsed.model}`;
    const group = groups.get(key) ?? { key, host: parsed.host, model: parsed.model, files: [], bytes: 0, requests: [] };
    const response = await cache.match(request);
    group.bytes += Number(response?.headers.get('content-length') ?? 0);
    group.files.push(parsed.file);
    group.requests.push(request);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export async function clearCachedModel(model: CachedModel): Promise<void> {
  const cache = await caches.open(CACHE_NAME);
  await Promise.all(model.requests.map((r) => cache.delete(r)));
}

export async function clearAllCachedModels(): Promise<void> {
  const all = await listCachedModels();
  await Promise.all(all.map(clearCachedModel));
}

/** Drops every cached file of one model from one host (its config, tokenizer, weights and checkpoint ranges). */
export async function evictModel(host: string, model: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open(CACHE_NAME);
  const prefix = `${host.replace(/\/+$/, '')}/${model}/resolve/`;
  await Promise.all((await cache.keys()).filter((r) => r.url.startsWith(prefix)).map((r) => cache.delete(r)));
}
