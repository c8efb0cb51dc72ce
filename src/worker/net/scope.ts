/*
 * The network rules of the request the engine is working on: how long a host may stay silent, and
 * the signal that cancels every fetch the request made. The engine handles one request at a time,
 * and the model library fetches through one global hook, so "the current request" is well defined:
 * the engine opens a scope around each request (withNetScope) and every fetch reads it.
 */

/** A host that sends nothing for this long has stalled (the page's setting can change it). */
export const DEFAULT_STALL_MS = 30_000;

export interface NetScope {
  readonly signal: AbortSignal;
  readonly stallMs: number;
  /** Ends every fetch of the request with this reason (a stall, say): the host is not answering. */
  fail(reason: unknown): void;
}

function scopeOf(stallMs: number, signal?: AbortSignal): NetScope {
  const own = new AbortController();
  const combined = signal ? AbortSignal.any([signal, own.signal]) : own.signal;
  return {
    signal: combined,
    stallMs,
    fail: (reason) => {
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
  } finally {
    if (current === scope) current = undefined;
  }
}
