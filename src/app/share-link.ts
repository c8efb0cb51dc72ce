import { DTYPES, type DevicePreference, type DtypePreference } from '@/engine/protocol';
import type { HatDefinition } from '@/hats/types';
import { parseInsideLink, serializeInsideLink, type InsideLink } from '@/lib/inside';
import { CUT_PARAM, fitQuery } from '@/lib/link-budget';
import { DEMO_HOST } from './demo-wardrobe';

export const LINK_VERSION = '1';

export interface HatChoice {
  model: string;
  dtype: DtypePreference;
  device: DevicePreference;
  params: unknown;
}

export interface LinkState {
  hatId: string;
  choice: HatChoice;
  /** The link asks for the demo wardrobe built into the app (`host=demo`). */
  demo: boolean;
  /** The Inside panel the link opens (inside=…&layer=…&head=…), if any. */
  inside: InsideLink | null;
  notices: string[];
}

// [1] Hub ids: "org/name" (or a legacy bare "name"), letters, digits, "-", "_", ".".
const MODEL_ID = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]{0,95}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/;

export function isModelId(id: string): boolean {
  return MODEL_ID.test(id) && !id.includes('..');
}

/** A hat's choice before anyone changed it; in the demo wardrobe, its demo model showing what it knows. */
export function defaultChoice(hat: HatDefinition, demo = false): HatChoice {
  const d = demo ? hat.demo[0] : undefined;
  if (d) return { model: d.id, dtype: 'auto', device: 'auto', params: hat.params.parse(new URLSearchParams(d.example ?? '')).params };
  return { model: hat.defaultModel, dtype: 'auto', device: 'auto', params: hat.params.defaults };
}

/** Reads `host=`: a link may choose the built-in demo wardrobe and nothing else. */
function readHost(query: URLSearchParams, notices: string[]): boolean {
  const host = query.get('host');
  if (host === null || host === DEMO_HOST) return host === DEMO_HOST;
  notices.push(`A link can only choose the demo wardrobe built into this page (host=${DEMO_HOST}); “${host.slice(0, 60)}” was ignored, and models come from the host in Settings.`);
  return false;
}

/** Reads a share link. Whatever is wrong falls back to a default and says so; nothing throws. */
export function parseLink(search: string, hats: HatDefinition[], fallbackHat: HatDefinition): LinkState {
  const query = new URLSearchParams(search);
  const notices: string[] = [];
  const v = query.get('v');
  if (v !== null && v !== LINK_VERSION) notices.push(`This link was made by another version of the wardrobe (v=${v.slice(0, 8)}); some settings may not carry over.`);

  const demo = readHost(query, notices);
  const hatParam = query.get('hat');
  let hat = fallbackHat;
  if (hatParam !== null) {
    const found = hats.find((h) => h.id === hatParam);
    if (found) hat = found;
    else notices.push(`The link asks for a hat called “${hatParam.slice(0, 40)}”, which is not in the wardrobe; opened ${fallbackHat.title} instead.`);
  }
  if (hatParam !== null && hat !== fallbackHat && hat.id !== hatParam) hat = fallbackHat;
  const choice = defaultChoice(hat, demo);
  if (hatParam !== null && hat.id !== hatParam) return { hatId: hat.id, choice, demo, inside: null, notices };

  const model = query.get('model');
  if (model !== null) {
    if (isModelId(model)) choice.model = model;
    else notices.push(`“${model.slice(0, 60)}” is not a valid model id; using ${choice.model}.`);
  }
  const dtype = query.get('dtype');
  if (dtype !== null) {
    if (dtype === 'auto' || (DTYPES as readonly string[]).includes(dtype)) choice.dtype = dtype as DtypePreference;
    else notices.push(`“${dtype.slice(0, 20)}” is not a dtype (${DTYPES.join(', ')}); choosing automatically.`);
  }
  const device = query.get('device');
  if (device !== null) {
    if (device === 'auto' || device === 'webgpu' || device === 'wasm') choice.device = device;
    else notices.push(`“${device.slice(0, 20)}” is not a device (auto, webgpu, wasm); choosing automatically.`);
  }
  const parsed = hat.params.parse(query);
  // A demo link with none of the hat's inputs opens on what the demo model knows.
  if (!demo || hat.params.serialize(parsed.params).length > 0) choice.params = parsed.params;
  notices.push(...parsed.notices);
  const cut = query.get(CUT_PARAM);
  if (cut) {
    const names = cut.split(',').slice(0, 8).map((k) => `“${k.slice(0, 30)}”`).join(', ');
    notices.push(`This link was shortened to fit what web servers accept: the end of ${names} is missing. The page it was shared from has the whole text.`);
  }
  // A hat without an Inside panel ignores the panel's params, and says so.
  const inside = parseInsideLink(query, hat.inside?.pick?.param);
  if (inside.link && !hat.inside) notices.push(`${hat.title} has no Inside panel yet, so the link's inside=${inside.link.view} is ignored.`);
  else notices.push(...inside.notices);
  return { hatId: hat.id, choice, demo, inside: hat.inside ? inside.link : null, notices };
}

/**
 * The query string for a hat and its choice (and its open Inside panel); only non-default values
 * are written, and the whole query fits in MAX_QUERY_BYTES (the longest inputs are shortened, and
 * the link says which: see fitQuery).
 */
export function serializeLink(hat: HatDefinition, choice: HatChoice, inside: InsideLink | null = null, demo = false): string {
  return shareQuery(hat, choice, inside, demo).query;
}

/** The query, and the params it had to shorten to fit (empty when everything fits). */
export function shareQuery(hat: HatDefinition, choice: HatChoice, inside: InsideLink | null = null, demo = false): { query: string; cut: string[] } {
  const entries: [string, string][] = [
    ['v', LINK_VERSION],
    ['hat', hat.id],
  ];
  if (demo) entries.push(['host', DEMO_HOST]);
  if (choice.model !== defaultChoice(hat, demo).model) entries.push(['model', choice.model]);
  if (choice.dtype !== 'auto') entries.push(['dtype', choice.dtype]);
  if (choice.device !== 'auto') entries.push(['device', choice.device]);
  entries.push(...serializeInsideLink(hat.inside ? inside : null, hat.inside?.pick?.param));
  const fitted = fitQuery(entries, hat.params.serialize(choice.params));
  const query = new URLSearchParams(fitted.entries);
  if (fitted.cut.length > 0) query.append(CUT_PARAM, fitted.cut.join(','));
  return { query: `?${query.toString()}`, cut: fitted.cut };
}
