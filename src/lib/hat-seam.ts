/*
 * The one definition a hat's two halves share. hat.ts (page side, defineHat) and adapter.ts
 * (worker side, defineAdapter) take the same seam, so the params the page sends, the output the
 * adapter answers with, and what a one-off call sends and answers have one type on both sides.
 */

export interface ParamsCodec<P> {
  defaults: P;
  /** Reads the hat's params from a share link. Bad values fall back to defaults, with a notice each. */
  parse(query: URLSearchParams): { params: P; notices: string[] };
  /** Only non-default values are written. */
  serialize(params: P): [string, string][];
}

/**
 * P: the params (the page's state, sent with every run); O: the run's output (and its partials);
 * C and R: a one-off call's payload and answer (and its partials), for hats that take calls.
 */
export interface HatSeam<P, O, C = never, R = never> {
  readonly codec: ParamsCodec<P>;
  /** Params cross postMessage: checked against the codec's defaults before the adapter sees them. */
  params(raw: unknown): P;
  /** A call's payload, checked before the adapter sees it; absent when the hat takes no calls. */
  readonly call?: (raw: unknown) => C;
  /**
   * The output's lists that only grow while a run streams (a generation's steps): its partials carry
   * what is new of them, and the page adds that to what it has.
   */
  readonly appends?: readonly AppendingKey<O>[];
  /** Types only, never set: ties O and R to the seam. */
  readonly types?: { output: O; answer: R };
}

/** The keys of O whose values are lists. */
export type AppendingKey<O> = { [K in keyof O]-?: O[K] extends readonly unknown[] ? K : never }[keyof O] & string;

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * [1] What crossed postMessage must look like the codec's defaults: every key the defaults have,
 *     with a value of the same kind (a default of null or undefined accepts anything). A message
 *     meant for another hat, or from a page that is out of date, fails here with the key's name.
 */
function checkedParams<P>(defaults: P, raw: unknown): P {
  if (typeof raw !== 'object' || raw === null) throw new Error(`The hat's params are ${kind(raw)}, not an object.`);
  const given = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(defaults as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (kind(given[key]) !== kind(value)) throw new Error(`The hat's param “${key}” is ${kind(given[key])}, not ${kind(value)}.`);
  }
  return raw as P;
}

/**
 * One hat's seam, e.g. `defineSeam<NspParams, NspOutput>(nspCodec)`; a hat with calls passes the
 * check of their payload too: `defineSeam<P, O, TrainPayload, TrainReport>(codec, readPayload)`.
 */
export function defineSeam<P, O, C = never, R = never>(
  codec: ParamsCodec<P>,
  call?: (raw: unknown) => C,
  appends?: readonly AppendingKey<O>[],
): HatSeam<P, O, C, R> {
  return { codec, params: (raw) => checkedParams(codec.defaults, raw), ...(call ? { call } : {}), ...(appends ? { appends } : {}) };
}
