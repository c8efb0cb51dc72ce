import type { HatDefinition } from './types';

/**
 * The one place hats are registered: every `src/hats/<id>/hat.ts` is picked up,
 * so a new hat is a new folder and nothing else.
 */
const modules = import.meta.glob<{ default: HatDefinition }>('./*/hat.ts', { eager: true });

export const hats: HatDefinition[] = Object.entries(modules)
  .map(([path, mod]) => {
    const folder = path.split('/')[1];
    if (mod.default.id !== folder) {
      throw new Error(`Hat in ${path} says its id is "${mod.default.id}"; the folder name must be the id.`);
    }
    return mod.default;
  })
  .sort((a, b) => a.order - b.order);

export function findHat(id: string | null | undefined): HatDefinition | undefined {
  return hats.find((h) => h.id === id);
}

export const defaultHat: HatDefinition = hats[0]!;
