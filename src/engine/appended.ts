/**
 * A streamed partial that grows by appending (a generation's steps, a training's history) crosses
 * postMessage as what is new since the partial before it: the page keeps what it has and adds the
 * rest. Without this a 256-token generation cloned every step it had written with every partial, on
 * the worker's thread (the model's) and again on the page's.
 *
 * `appended` says, for each field sent as a tail, the index its first item has in the whole list.
 */
export type Appended = Record<string, number>;

type Fields = Record<string, unknown>;

const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The worker's end: for each of `keys`, remembers how much of the list the page has. */
export function appendTracker(keys: readonly string[]) {
  let sent: Record<string, number> = {};
  return {
    /** What to post of `whole`: its appending lists cut to what the page has not got yet. */
    tail(whole: unknown): { output: unknown; appended?: Appended } {
      if (keys.length === 0 || !isFields(whole)) return { output: whole };
      const output: Fields = { ...whole };
      const appended: Appended = {};
      for (const key of keys) {
        const list = whole[key];
        if (!Array.isArray(list)) continue;
        // A list shorter than what was sent is a new start (a run begun again): sent whole.
        const from = (sent[key] ?? 0) <= list.length ? (sent[key] ?? 0) : 0;
        output[key] = list.slice(from);
        appended[key] = from;
        sent[key] = list.length;
      }
      return { output, appended };
    },
    /** The run starts over (e.g. on WebAssembly after WebGPU failed): the next partial goes whole. */
    reset(): void {
      sent = {};
    },
  };
}

/**
 * The page's end: `tail` added to `previous`. A tail that does not start where `previous` ends (the
 * first partial, or a run begun again from 0) replaces the list instead.
 */
export function withAppended(previous: unknown, tail: unknown, appended: Appended | undefined): unknown {
  if (!appended || !isFields(tail)) return tail;
  const whole: Fields = { ...tail };
  for (const [key, from] of Object.entries(appended)) {
    const had = isFields(previous) ? previous[key] : undefined;
    const added = tail[key];
    if (!Array.isArray(added)) continue;
    if (Array.isArray(had) && from > 0 && had.length >= from) whole[key] = (had.length === from ? had : had.slice(0, from)).concat(added);
    else if (from === 0) whole[key] = added;
    else throw new Error(`A streamed partial's “${key}” starts at ${from}, but the page has ${Array.isArray(had) ? had.length : 0} of it.`);
  }
  return whole;
}
