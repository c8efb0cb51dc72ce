import { EngineError } from '../errors';

/*
 * The network rules of the request the engine is working on: how long a host may stay silent, and
 * the signal that cancels every fetch the request made. The engine handles one request at a time,
 * and the model library fetches through one global hook, so "the current request" is well defined:
 * the engine opens a scope around each request (withNetScope) and every fetch reads it.
 *
 * [1] The scope also remembers the first failure a guard raised. A body that fails while the model
 *     library reads it reaches the library, in Chromium, as a bare "TypeError: Failed to fetch"
 *     (the browser does not pass a stream's own error through Response.arrayBuffer()), so the
 *     request ends with the failure the guard recorded, not with whatever the library threw.
 */

/** A host that sends nothing for this long has stalled (the page's setting can change it). */
export const DEFAULT_STALL_MS = 30_000;

export interface NetScope {
  readonly signal: AbortSignal;
  readonly stallMs: number;
  /** The first failure a guard raised in this request, if any. */
  readonly failure: unknown;
  /** Remembers why a file failed (the first reason wins). */
  record(reason: unknown): void;
  /** Remembers the reason and ends every fetch of the request with it (a stall: the host is not answering). */
  fail(reason: unknown): void;
}

/** Why a signal ended: the stall or failure it was ended with, else a plain cancel. */
export function reasonOf(signal: AbortSignal): unknown {
  return signal.reason instanceof EngineError ? signal.reason : new EngineError('cancelled', 'Cancelled.');
}

function scopeOf(stallMs: number, signal?: AbortSignal): NetScope {
  const own = new AbortController();
  const combined = signal ? AbortSignal.any([signal, own.signal]) : own.signal;
  let failure: unknown;
  const record = (reason: unknown) => {
    if (failure === undefined && reason instanceof EngineError && reason.kind !== 'cancelled') failure = reason;
  };
  return {
    signal: combined,
    stallMs,
    get failure() {
      return failure;
    },
    record,
    fail: (reason) => {
      record(reason);
      if (!combined.aborted) own.abort(reason);
    },
  };
}

let current: NetScope | undefined;

/** The scope of the request in progress; outside one, a fresh scope with the default stall. */
export function currentScope(): NetScope {
  return current ?? scopeOf(DEFAULT_STALL_MS);
}

/** Runs `work` with every fetch it makes bound to `signal` and to a stall limit of `stallMs`. */
export async function withNetScope<T>(options: { signal?: AbortSignal; stallMs?: number }, work: () => Promise<T>): Promise<T> {
  const scope = scopeOf(options.stallMs ?? DEFAULT_STALL_MS, options.signal);
  current = scope;
  try {
    return await work();
  } catch (error) {
    throw scope.failure ?? (scope.signal.aborted ? reasonOf(scope.signal) : error); // [1]
  } finally {
    if (current === scope) current = undefined;
  }
}
