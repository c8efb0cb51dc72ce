/**
 * How fast a generation hat writes. 'fast': as fast as the model can. 'slow': one token every
 * SLOW_STEP_MS, so a class can read each step's distribution while it is written (and press Stop
 * at a word of its choosing).
 */
export type Pace = 'fast' | 'slow';

export const PACES: readonly Pace[] = ['fast', 'slow'];

/** The wait between two tokens at the slow pace (ms). */
export const SLOW_STEP_MS = 500;

export function isPace(value: string): value is Pace {
  return (PACES as readonly string[]).includes(value);
}

/** Reads `pace` from a share link: an unknown value falls back to 'fast' with a notice. */
export function paceParam(query: URLSearchParams): { value: Pace; notice?: string } {
  const raw = query.get('pace');
  if (raw === null || isPace(raw)) return { value: raw ?? 'fast' };
  return { value: 'fast', notice: `The link's “pace” (${raw.slice(0, 20)}) must be fast or slow; using fast.` };
}
