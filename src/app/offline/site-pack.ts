import { useEffect, useState } from 'react';

/** The manifest `npm run pack` writes next to the models it packed (scripts/pack/pack.ts). */
export const PACK_MANIFEST = 'hat-wardrobe-pack.json';

export interface SitePack {
  /** The pack as a model host: <this app>/models */
  host: string;
  models: string[];
}

/** Reads a pack manifest; anything else (the app's own index.html from a fallback, a 404) is no pack. */
export function parsePackManifest(text: string, host: string): SitePack | undefined {
  try {
    const json = JSON.parse(text) as { models?: unknown };
    if (!json.models || typeof json.models !== 'object' || Array.isArray(json.models)) return undefined;
    const models = Object.keys(json.models).sort();
    return models.length > 0 ? { host, models } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A pack copied into the built app's own models/ folder (public/models before the build), which a
 * teacher can switch to with one click instead of typing the address.
 */
export function useSitePack(): SitePack | undefined {
  const [pack, setPack] = useState<SitePack | undefined>();
  useEffect(() => {
    const host = new URL('models', document.baseURI).href;
    let live = true;
    fetch(`${host}/${PACK_MANIFEST}`, { cache: 'no-store' })
      .then((r) => (r.ok ? r.text() : ''))
      .then((text) => live && setPack(parsePackManifest(text, host)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return pack;
}
