import { checkFileSize, fileLimit, LimitError } from '@/lib/limits';
import { EngineError } from '../errors';
import { contentCheck, expectedContent, guardBody, kindOf, within } from './body';
import { fileRef, hostStatus, stalled, tooBig, unreachable, webPage } from './failures';
import { currentScope, reasonOf } from './scope';

/*
 * The one fetch the worker uses for model hosts (transformers.js gets it as env.fetch, the
 * checkpoint loader as its deps.fetch): cancelled with the request that made it, failed when the
 * host stays silent, and turned into a message naming the cause for every answer that is not the
 * file. Answers that mean "not there" (404; 401, which the Hub sends for a missing or private repo)
 * pass through: the model library tells optional files from missing ones by them.
 */

const PASS_THROUGH = new Set([304, 401, 404, 416]);

export async function guardedFetch(input: RequestInfo | URL, init: RequestInit = {}, base: typeof fetch = fetch): Promise<Response> {
  const scope = currentScope();
  try {
    return await guarded(input, init, base);
  } catch (error) {
    scope.record(error);
    throw error;
  }
}

async function guarded(input: RequestInfo | URL, init: RequestInit, base: typeof fetch): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  const f = fileRef(url);
  const scope = currentScope();
  const signal = init.signal ? AbortSignal.any([scope.signal, init.signal]) : scope.signal;
  if (signal.aborted) throw reasonOf(signal);
  const onStall = () => {
    const error = stalled(f, scope.stallMs);
    scope.fail(error);
    return error;
  };

  let response: Response;
  try {
    response = await within(base(input, { ...init, signal }), scope.stallMs, signal, onStall);
  } catch (error) {
    if (signal.aborted) throw reasonOf(signal);
    if (error instanceof EngineError) throw error;
    throw unreachable(f, error);
  }

  const { status } = response;
  if (status !== 200 && status !== 206) {
    if (PASS_THROUGH.has(status) || (status >= 300 && status < 400)) return response;
    await response.body?.cancel().catch(() => undefined);
    throw hostStatus(f, status, response.statusText);
  }
  if (/^\s*text\/html/i.test(response.headers.get('content-type') ?? '') && kindOf(f.file) !== 'bytes') {
    await response.body?.cancel().catch(() => undefined);
    throw webPage(f, expectedContent(f.file));
  }
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(length)) {
    try {
      checkFileSize(f.file, length);
    } catch (error) {
      await response.body?.cancel().catch(() => undefined);
      if (error instanceof LimitError) throw tooBig(f, error.message);
      throw error;
    }
  }
  if (!response.body || init.method === 'HEAD') return response;

  // [1] Content is checked only on whole files; a Range answer is a slice the reader checks itself.
  const whole = status === 200 && !new Headers(init.headers).has('range');
  const encoded = !!response.headers.get('content-encoding')?.replace(/identity/i, '').trim();
  const body = guardBody(response.body, {
    file: f,
    limit: fileLimit(f.file),
    expectedLength: whole && !encoded && kindOf(f.file) !== 'json' && Number.isFinite(length) ? length : undefined,
    check: whole ? contentCheck(f) : undefined,
    stallMs: scope.stallMs,
    signal,
    onStall: (error) => scope.fail(error),
    onError: (error) => scope.record(error),
  });
  return new Response(body, { status, statusText: response.statusText, headers: response.headers });
}
