/**
 * The two things the pack asks a Hub-shaped host: what files a model has (with sizes), and the
 * bytes of one file. Both the Hugging Face Hub and scripts/test-hub answer the same URLs:
 *   GET /api/models/<org>/<name>/tree/<rev>?recursive=true  → [{ type, path, size, lfs? }]
 *   GET /<org>/<name>/resolve/<rev>/<file>                 → the file
 */

/** A failure the person running the pack can act on; the message names the model. */
export class PackError extends Error {
  override name = 'PackError';
}

export interface RepoFile {
  path: string;
  size: number;
  /** sha256 of the content, when the host says (the Hub does for LFS files, i.e. weights). */
  sha256?: string;
}

interface TreeEntry {
  type?: string;
  path?: string;
  size?: number;
  lfs?: { oid?: string; size?: number };
}

export const REVISION = 'main';

export function trimHost(host: string): string {
  return host.replace(/\/+$/, '');
}

export function resolveUrl(host: string, model: string, file: string): string {
  return `${trimHost(host)}/${model}/resolve/${REVISION}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** `org/name` with safe segments only: the id becomes two folder names on disk. */
export function checkModelId(id: string): void {
  const parts = id.split('/');
  const ok = parts.length === 2 && parts.every((p) => /^[\w.-]+$/.test(p) && p !== '.' && p !== '..');
  if (!ok) throw new PackError(`“${id}” is not a model id: write it as <org>/<name>, e.g. Xenova/bert-base-uncased.`);
}

/*
 * [1] The Hub paginates long listings with an RFC 8288 `Link: <url>; rel="next"` header; small
 *     repositories fit in one page, but following the link costs nothing.
 */
function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

/** Every file of a model at `main`, with sizes. Throws a PackError naming the id when it does not exist. */
export async function listFiles(host: string, model: string, fetchFn: typeof fetch = fetch): Promise<RepoFile[]> {
  let url: string | undefined = `${trimHost(host)}/api/models/${model}/tree/${REVISION}?recursive=true`;
  const files: RepoFile[] = [];
  while (url) {
    let res: Response;
    try {
      res = await fetchFn(url);
    } catch (error) {
      throw new PackError(`Could not reach ${host} to list “${model}”: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      throw await notFound(host, model, res, fetchFn);
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw new PackError(`“${model}” is private or gated on ${host} (HTTP ${res.status}); the pack downloads public models only.`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new PackError(`${host} answered HTTP ${res.status} when listing “${model}”.`);
    }
    const body = (await res.json()) as TreeEntry[];
    if (!Array.isArray(body)) throw new PackError(`${host} sent a listing for “${model}” that is not a list of files.`);
    for (const e of body) {
      if (e.type !== 'file' || typeof e.path !== 'string' || typeof e.size !== 'number') continue;
      const sha = e.lfs?.oid;
      files.push({ path: e.path, size: e.size, ...(sha && /^[0-9a-f]{64}$/.test(sha) ? { sha256: sha } : {}) });
    }
    const next = nextLink(res.headers.get('link'));
    url = next ? new URL(next, url).href : undefined;
  }
  return files;
}

/**
 * The Hub says RepoNotFound in X-Error-Code; a static mirror has no API at all and 404s every
 * /api path. Asking for config.json tells the two apart, so the message is right either way.
 */
async function notFound(host: string, model: string, res: Response, fetchFn: typeof fetch): Promise<PackError> {
  const missing = new PackError(`“${model}” does not exist on ${host} (or is private). Check the spelling: <org>/<name>.`);
  if (res.headers.get('x-error-code') === 'RepoNotFound') return missing;
  const probe = await fetchFn(resolveUrl(host, model, 'config.json'), { headers: { Range: 'bytes=0-0' } }).catch(() => undefined);
  await probe?.body?.cancel();
  if (probe?.ok) {
    return new PackError(`${host} has no file listing (/api/models/…/tree/main), so the pack cannot tell which files “${model}” has. Pack from https://huggingface.co or another Hub-compatible host.`);
  }
  return missing;
}
