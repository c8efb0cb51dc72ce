import { parseCachedUrl } from '@/lib/model-cache';
import { EngineError } from '../errors';

/*
 * What went wrong with a file from a model host, in the page's words: one message per cause, so a
 * person can tell a network that is down from a host that refuses, a host that sends a web page
 * for a model file, a file too big to read, and a file that arrived damaged.
 */

/** A file on a Hub-shaped host: its URL and, when the URL says, the host, the model and the path in it. */
export interface FileRef {
  url: string;
  host: string;
  model: string;
  file: string;
}

export function fileRef(url: string): FileRef {
  const parsed = parseCachedUrl(url.replace(/\?.*$/, ''));
  if (parsed) return { url, ...parsed };
  let host = url;
  try {
    host = new URL(url).origin;
  } catch {
    // Not a URL: name it as it is.
  }
  return { url, host, model: '', file: url.split('?')[0]!.split('/').pop() ?? url };
}

const of = (f: FileRef) => (f.model ? `${f.file} of “${f.model}”` : f.file);

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  405: 'Method Not Allowed',
  410: 'Gone',
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** An https page asking a plain-http host other than this computer: the browser refuses before any connection. */
function blockedAsInsecure(url: string, page: string): boolean {
  try {
    const target = new URL(url);
    return new URL(page).protocol === 'https:' && target.protocol === 'http:' && !LOOPBACK.test(target.hostname);
  } catch {
    return false;
  }
}

export function unreachable(f: FileRef, cause: unknown, page = globalThis.location?.href ?? ''): EngineError {
  if (blockedAsInsecure(f.url, page)) {
    return new EngineError(
      'network',
      `This page is served over https, so the browser does not let it fetch from a plain-http host (${f.host}). Serve the models over https, or put them in the site itself (npm run pack).`,
      cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
    );
  }
  return new EngineError(
    'network',
    `Could not reach ${f.host} (for ${of(f)}): the connection failed before the host answered. Check the connection, or the model host in Settings.`,
    cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
  );
}

export function brokeOff(f: FileRef, cause: unknown): EngineError {
  return new EngineError(
    'network',
    `The download of ${of(f)} from ${f.host} broke off before it finished. Check the connection and Retry.`,
    cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
  );
}

export function hostStatus(f: FileRef, status: number, statusText = ''): EngineError {
  const code = `${status} ${statusText || STATUS_TEXT[status] || ''}`.trim();
  const detail = `${f.url} answered HTTP ${code}`;
  if (status === 403) {
    return new EngineError('host-status', `${f.host} refused ${of(f)} (${code}). The model may be gated (its terms must be accepted on the Hub), or the host does not let this site download it.`, detail);
  }
  if (status === 429) {
    return new EngineError('host-status', `${f.host} answered ${code} for ${of(f)}: it is limiting how often this network may download. Wait a minute, then Retry.`, detail);
  }
  if (status >= 500) {
    return new EngineError('host-status', `${f.host} had a problem of its own (${code}) when asked for ${of(f)}. Retry later, or use another model host in Settings.`, detail);
  }
  return new EngineError('host-status', `${f.host} answered ${code} when asked for ${of(f)}.`, detail);
}

export function webPage(f: FileRef, expected: string): EngineError {
  return new EngineError(
    'wrong-content',
    `${f.host} answered ${of(f)} with a web page (HTML), not the ${expected} it should be. A mirror may be sending its start page for files it lacks, or a network login page may be in the way.`,
    `${f.url}: HTML where ${expected} was expected`,
  );
}

export function damaged(f: FileRef, why: string, fromCache: boolean): EngineError {
  const kept = fromCache ? 'The copy in this browser’s cache was removed' : 'It was not kept';
  return new EngineError('damaged', `${of(f)} is damaged: ${why}. ${kept}; Retry downloads it again.`, `${f.url}: ${why}`);
}

export function stalled(f: FileRef, ms: number): EngineError {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return new EngineError(
    'stalled',
    `${f.host} stopped sending ${of(f)}: nothing arrived for ${seconds} second${seconds === 1 ? '' : 's'}. Retry, or check the connection and the model host in Settings.`,
    `${f.url}: no bytes for ${ms} ms`,
  );
}

/** A host that keeps the connection alive with a byte now and then (see TRICKLE_BYTES in body.ts). */
export function trickling(f: FileRef, bytes: number, ms: number): EngineError {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return new EngineError(
    'stalled',
    `${f.host} is sending ${of(f)} too slowly to ever finish: ${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'} in ${seconds} second${seconds === 1 ? '' : 's'}. Retry, or check the connection and the model host in Settings.`,
    `${f.url}: ${bytes} bytes in ${Math.round(ms)} ms of waiting`,
  );
}

export function tooBig(f: FileRef, message: string, detail?: string): EngineError {
  return new EngineError('too-big', f.model ? `“${f.model}”: ${message}` : message, detail ?? f.url);
}
