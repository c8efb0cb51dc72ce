/**
 * A tiny stand-in for the Hugging Face Hub, for tests (DESIGN.md §5).
 *
 * Serves `<root>/<org>/<name>/<path>` at `/<org>/<name>/resolve/<revision>/<path>`
 * with the headers a browser needs from a cross-origin model host (CORS,
 * CORP, ETag, Range), plus a small `/api/models/…` and a request log.
 *
 * Faults are chosen by model-name prefixes so the app needs no test hooks:
 *   fail-halfway-<name>  `.onnx` / `.onnx_data` bodies stop halfway, socket destroyed (one-byte probes still answer)
 *   no-range-<name>      Range is ignored: always 200 with the whole body
 *   slow-<name>          bodies trickle out in 10 chunks, 100 ms apart
 * and the hostile ones of hostile.ts (absurd configs, gzip bombs, truncated files, web pages,
 * error statuses, a host that never answers, one that trickles).
 * Prefixes combine (`slow-no-range-tiny-bert`) and all serve `<name>`'s folder.
 * `POST /__faults/off` serves every model as if it had no prefix (the host is "fixed"), until
 * `POST /__faults/on`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HOSTILE_PREFIXES, serveHostile, statusPrefix, truncatedSize, type HostileFault } from './hostile.ts';
import { parseRange } from './range.ts';

export type Fault = 'fail-halfway' | 'no-range' | 'slow' | HostileFault;

export interface HubLogEntry {
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  status: number;
  /** The request's Range header, verbatim, or null. */
  range: string | null;
  /** Fault prefixes found in the model name, outermost first. */
  faults: Fault[];
  /** True when the server cut the body short on purpose. */
  aborted: boolean;
}

export interface TestHubOptions {
  /** Folder holding `<org>/<name>/…` model folders. */
  root: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface TestHub {
  /** Origin without trailing slash, e.g. `http://127.0.0.1:7071`. */
  url: string;
  port: number;
  /** A copy of the request log, oldest first. */
  log(): HubLogEntry[];
  resetLog(): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const LOG_LIMIT = 10_000;
const SLOW_CHUNKS = 10;
const SLOW_DELAY_MS = 100;
const FAULT_PREFIXES: readonly Fault[] = ['fail-halfway', 'no-range', 'slow', ...HOSTILE_PREFIXES];

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Content-Length, Content-Range, Accept-Ranges, ETag, X-Repo-Commit, X-Error-Code, X-Error-Message',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Timing-Allow-Origin': '*',
};

interface ModelRef {
  /** The id as requested, faults included: `hw-test/fail-halfway-tiny-bert`. */
  id: string;
  /** Folder on disk, after stripping fault prefixes. */
  dir: string;
  faults: Fault[];
}

export async function createTestHub(options: TestHubOptions): Promise<TestHub> {
  const root = path.resolve(options.root);
  const entries: HubLogEntry[] = [];
  const hashes = new Map<string, { key: string; etag: string }>();
  let faultsOn = true;
  const cspReports: unknown[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'InternalError', String(err));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const { pathname, searchParams } = new URL(rawUrl, 'http://hub.invalid');

    // Test controls: not logged, so a test sees only what the app asked for.
    if (pathname === '/__health') {
      sendText(res, 200, 'ok');
      return;
    }
    if (pathname === '/__log' && method === 'GET') {
      sendJson(res, 200, entries);
      return;
    }
    if (pathname === '/__log/reset' && method === 'POST') {
      entries.length = 0;
      sendText(res, 204, '');
      return;
    }
    // Content-Security-Policy violations the browser reports (report-uri), for the e2e tests' guard.
    if (pathname === '/__csp-report' && method === 'POST') {
      cspReports.push(await readJson(req));
      sendText(res, 204, '');
      return;
    }
    if (pathname === '/__csp-report' && method === 'OPTIONS') {
      res.writeHead(204, { ...CORS_HEADERS, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type' });
      res.end();
      return;
    }
    if (pathname === '/__csp-reports' && method === 'GET') {
      sendJson(res, 200, cspReports);
      return;
    }
    if (pathname === '/__csp-reports/reset' && method === 'POST') {
      cspReports.length = 0;
      sendText(res, 204, '');
      return;
    }
    if ((pathname === '/__faults/on' || pathname === '/__faults/off') && method === 'POST') {
      faultsOn = pathname.endsWith('/on');
      sendText(res, 204, '');
      return;
    }

    const entry: HubLogEntry = {
      method,
      url: rawUrl,
      status: 0,
      range: headerValue(req.headers.range),
      faults: [],
      aborted: false,
    };
    entries.push(entry);
    if (entries.length > LOG_LIMIT) entries.splice(0, entries.length - LOG_LIMIT);
    res.on('close', () => {
      if (entry.status === 0) entry.status = res.statusCode;
    });
    const done = (status: number) => {
      entry.status = status;
    };

    if (method === 'OPTIONS') {
      const asked = headerValue(req.headers['access-control-request-headers']);
      res.writeHead(204, {
        ...CORS_HEADERS,
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers':
          asked ?? 'Range, If-None-Match, If-Range, If-Modified-Since, Content-Type, Authorization, Cache-Control',
        'Access-Control-Max-Age': '600',
        Vary: 'Access-Control-Request-Headers',
      });
      res.end();
      return done(204);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      return done(sendError(res, 405, 'MethodNotAllowed', `${method} is not supported`));
    }

    let segments: string[];
    try {
      segments = pathname.split('/').slice(1).map(decodeURIComponent);
    } catch {
      return done(sendError(res, 400, 'BadRequest', 'Malformed URL'));
    }

    if (segments[0] === 'api' && segments[1] === 'models') {
      return done(await serveApi(req, res, segments.slice(2), searchParams));
    }

    // /<org>/<name>/resolve/<rev>/<path…>, or /<name>/resolve/<rev>/<path…>
    const at = segments[1] === 'resolve' ? 1 : segments[2] === 'resolve' ? 2 : -1;
    if (at < 0 || segments.length < at + 3) {
      return done(sendError(res, 404, 'NotFound', `No route for ${pathname}`));
    }
    const model = await findModel(segments.slice(0, at));
    if (!model) return done(sendError(res, 404, 'RepoNotFound', 'Repository not found'));
    entry.faults = model.faults;
    const rel = segments.slice(at + 2);
    const file = safeJoin(model.dir, rel);
    const info = file ? await statOrNull(file) : null;
    if (!file || !info?.isFile()) return done(sendError(res, 404, 'EntryNotFound', 'Entry not found'));

    const hostile = await serveHostile(req, res, file, model.faults, { ...CORS_HEADERS, 'Cache-Control': 'no-store' });
    if (hostile !== undefined) return done(hostile);
    const status = await serveFile(req, res, file, info, model, () => {
      entry.aborted = true;
    });
    return done(status);
  }

  async function findModel(parts: string[]): Promise<ModelRef | null> {
    const name = parts[parts.length - 1];
    if (!name || parts.some((p) => !isSafeSegment(p))) return null;
    let base = name;
    const faults: Fault[] = [];
    for (let again = true; again; ) {
      again = false;
      for (const fault of FAULT_PREFIXES) {
        if (base.startsWith(`${fault}-`) && base.length > fault.length + 1) {
          faults.push(fault);
          base = base.slice(fault.length + 1);
          again = true;
        }
      }
      const status = statusPrefix(base);
      if (status) {
        faults.push(status.fault);
        base = status.rest;
        again = true;
      }
    }
    const dir = path.join(root, ...parts.slice(0, -1), base);
    const info = await statOrNull(dir);
    if (!info?.isDirectory()) return null;
    return { id: parts.join('/'), dir, faults: faultsOn ? faults : [] };
  }

  async function etagOf(file: string, info: Stats): Promise<string> {
    const key = `${info.size}:${info.mtimeMs}`;
    const cached = hashes.get(file);
    if (cached?.key === key) return cached.etag;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    const etag = `"${hash.digest('hex')}"`;
    hashes.set(file, { key, etag });
    return etag;
  }

  async function serveFile(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    info: Stats,
    model: ModelRef,
    onAbort: () => void,
  ): Promise<number> {
    const size = model.faults.includes('truncated') ? truncatedSize(file, info.size) : info.size;
    // A cut copy is another entity: a browser revalidating it must not be told the whole file is the same.
    const etag = size === info.size ? await etagOf(file, info) : `"${(await etagOf(file, info)).slice(1, -1)}-cut-${size}"`;
    const noRange = model.faults.includes('no-range');
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      'Content-Type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      ETag: etag,
      'X-Repo-Commit': repoCommit(model.id),
      'Cache-Control': 'no-cache',
    };
    if (!noRange) headers['Accept-Ranges'] = 'bytes';

    const ifNoneMatch = headerValue(req.headers['if-none-match']);
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
      res.writeHead(304, headers);
      res.end();
      return 304;
    }

    const ifRange = headerValue(req.headers['if-range']);
    const rangeHeader = noRange || (ifRange !== null && ifRange !== etag) ? null : headerValue(req.headers.range);
    const range = parseRange(rangeHeader, size);
    if (range.kind === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'Requested range not satisfiable' }));
      return 416;
    }
    const start = range.kind === 'range' ? range.start : 0;
    const end = range.kind === 'range' ? range.end : size - 1;
    const length = end - start + 1;
    const status = range.kind === 'range' ? 206 : 200;
    headers['Content-Length'] = String(length);
    if (range.kind === 'range') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    res.writeHead(status, headers);

    if (req.method === 'HEAD' || length === 0) {
      res.end();
      return status;
    }

    // A host whose downloads break still answers the tiny probes (Range 0-0) clients make for sizes.
    const failHalfway = model.faults.includes('fail-halfway') && /\.onnx(_data)?$/.test(file) && length > 1;
    if (failHalfway) {
      const half = Math.floor(length / 2);
      if (half > 0) await trickle(res, file, start, start + half - 1, model.faults.includes('slow'));
      onAbort();
      res.destroy();
      return status;
    }
    if (model.faults.includes('slow')) {
      await trickle(res, file, start, end, true);
      res.end();
      return status;
    }
    const stream = createReadStream(file, { start, end });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return status;
  }

  async function serveApi(
    req: IncomingMessage,
    res: ServerResponse,
    parts: string[],
    query: URLSearchParams,
  ): Promise<number> {
    // <org>/<name>[/revision/<rev>] or <org>/<name>/tree/<rev>[/<path…>]
    const kindAt = parts.findIndex((p, i) => i >= 1 && (p === 'revision' || p === 'tree'));
    const idParts = kindAt < 0 ? parts : parts.slice(0, kindAt);
    const kind = kindAt < 0 ? 'info' : parts[kindAt];
    const model = idParts.length >= 1 && idParts.length <= 2 ? await findModel(idParts) : null;
    if (!model) return sendError(res, 404, 'RepoNotFound', 'Repository not found');
    const files = await listFiles(model.dir);
    const sha = repoCommit(model.id);
    const sizes = new Map<string, number>();
    for (const f of files) {
      const size = (await stat(path.join(model.dir, f))).size;
      sizes.set(f, model.faults.includes('truncated') ? truncatedSize(f, size) : size);
    }

    if (kind === 'tree') {
      const sub = parts.slice(kindAt + 2).join('/');
      const prefix = sub ? `${sub}/` : '';
      if (sub && !files.some((f) => f.startsWith(prefix))) return sendError(res, 404, 'EntryNotFound', 'Entry not found');
      const recursive = query.get('recursive') === 'true' || query.get('recursive') === '1';
      const out = new Map<string, { type: 'file' | 'directory'; path: string; size: number; oid: string }>();
      for (const f of files) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length).split('/');
        if (recursive) {
          for (let i = 1; i < rest.length; i++) {
            const d = prefix + rest.slice(0, i).join('/');
            if (!out.has(d)) out.set(d, { type: 'directory', path: d, size: 0, oid: sha1(d) });
          }
          out.set(f, { type: 'file', path: f, size: sizes.get(f) ?? 0, oid: sha1(f) });
        } else if (rest.length === 1) {
          out.set(f, { type: 'file', path: f, size: sizes.get(f) ?? 0, oid: sha1(f) });
        } else {
          const d = prefix + (rest[0] ?? '');
          if (!out.has(d)) out.set(d, { type: 'directory', path: d, size: 0, oid: sha1(d) });
        }
      }
      if (req.method === 'HEAD') return sendJson(res, 200, [], true);
      return sendJson(res, 200, [...out.values()]);
    }

    const blobs = query.get('blobs') === 'true' || query.get('blobs') === '1';
    const body = {
      _id: sha.slice(0, 24),
      id: model.id,
      modelId: model.id,
      sha,
      private: false,
      disabled: false,
      gated: false,
      downloads: 0,
      likes: 0,
      tags: ['transformers.js', 'onnx'],
      library_name: 'transformers.js',
      siblings: files.map((f) => (blobs ? { rfilename: f, size: sizes.get(f) ?? 0 } : { rfilename: f })),
      ...(blobs ? { usedStorage: [...sizes.values()].reduce((a, b) => a + b, 0) } : {}),
    };
    return sendJson(res, 200, body, req.method === 'HEAD');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}`,
    port,
    log: () => entries.map((e) => ({ ...e, faults: [...e.faults] })),
    resetLog: () => {
      entries.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Writes [start, end] of a file in pieces, waiting for each to flush. */
async function trickle(res: ServerResponse, file: string, start: number, end: number, slow: boolean): Promise<void> {
  const length = end - start + 1;
  const chunk = slow ? Math.max(1, Math.ceil(length / SLOW_CHUNKS)) : 64 * 1024;
  for (let at = start; at <= end; at += chunk) {
    if (res.destroyed) return;
    if (slow && at > start) await sleep(SLOW_DELAY_MS);
    const piece = await readSlice(file, at, Math.min(end, at + chunk - 1));
    // Wait for the flush (or the client leaving) so the half body really
    // reaches the client before a fail-halfway destroy.
    await new Promise<void>((resolve) => {
      res.once('close', resolve);
      res.write(piece, () => {
        res.off('close', resolve);
        resolve();
      });
    });
  }
}

async function readSlice(file: string, start: number, end: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of createReadStream(file, { start, end })) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function listFiles(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  return found
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

function isSafeSegment(s: string): boolean {
  return s !== '' && s !== '.' && s !== '..' && !/[/\\\0]/.test(s);
}

function safeJoin(dir: string, rel: string[]): string | null {
  if (rel.length === 0 || !rel.every(isSafeSegment)) return null;
  const full = path.join(dir, ...rel);
  return full.startsWith(dir + path.sep) ? full : null;
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await stat(p);
  } catch {
    return null;
  }
}

function headerValue(v: string | string[] | undefined): string | null {
  if (v === undefined) return null;
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

/** A stable fake commit per repo id, so X-Repo-Commit looks like the Hub's. */
function repoCommit(id: string): string {
  return sha1(`hat-wardrobe-test-hub:${id}`);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
  } catch {
    return Buffer.concat(parts).toString('utf8').slice(0, 2000);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headOnly = false): number {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(headOnly ? undefined : text);
  return status;
}

function sendText(res: ServerResponse, status: number, text: string): number {
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(status === 204 ? undefined : text);
  return status;
}

/** Hub-style error: JSON body plus X-Error-Code, never an HTML page. */
function sendError(res: ServerResponse, status: number, code: string, message: string): number {
  res.setHeader('X-Error-Code', code);
  res.setHeader('X-Error-Message', message);
  return sendJson(res, status, { error: message }, res.req.method === 'HEAD');
}
