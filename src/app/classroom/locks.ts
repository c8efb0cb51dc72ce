import type { HatDefinition } from '@/hats/types';

/** Keys of the model bar; every other locked key is one of the hat's own params. */
export const MODEL_KEYS = ['model', 'dtype', 'device'] as const;

/** The hat's own param keys a step's link sets (what a teacher can lock one by one). */
export function paramKeys(link: string): string[] {
  const skip = new Set<string>(['v', 'hat', 'present', ...MODEL_KEYS]);
  return [...new Set([...new URLSearchParams(link).keys()].filter((k) => !skip.has(k)))];
}

/**
 * Keeps the locked params of `next` at the step's values. This goes through the hat's own codec
 * (params → query → params), so it works for every hat without knowing its params' shape.
 * Returns `next` itself when no locked value changed, so ordinary edits keep their identity.
 */
export function enforceLocks(hat: HatDefinition, next: unknown, step: unknown, locked: readonly string[]): { params: unknown; reverted: string[] } {
  const keys = locked.filter((k) => !(MODEL_KEYS as readonly string[]).includes(k));
  if (keys.length === 0) return { params: next, reverted: [] };
  const wanted = new URLSearchParams(hat.params.serialize(step));
  const query = new URLSearchParams(hat.params.serialize(next));
  const reverted = keys.filter((k) => query.getAll(k).join('\u0000') !== wanted.getAll(k).join('\u0000'));
  if (reverted.length === 0) return { params: next, reverted };
  for (const k of reverted) {
    query.delete(k);
    for (const value of wanted.getAll(k)) query.append(k, value);
  }
  return { params: hat.params.parse(query).params, reverted };
}
