import { INSIDE_VIEWS, type InsideView } from './types';

/*
 * The Inside panel in a share link: `inside=attention|lens|hidden`, `layer=N`, `head=N|all`, and
 * for a hat that feeds several inputs the one looked at, under the hat's own name (`ending=N`,
 * `window=N`: InsideSupport.pick). Layers, heads and inputs are counted from 1, as the panel shows them. Reading is strict: "2" is a
 * layer, "2.5", "02x" or "-1" are not, and each bad value falls back with a notice. How many
 * layers a model has is known only once it is read, so clamping is a second step (clampInside).
 */

export interface InsideLink {
  view: InsideView;
  /** 1-based transformer layer; null: the panel's default (the last layer). */
  layer: number | null;
  /** 1-based head, 'all' for every head of the layer side by side; null: the default (head 1). */
  head: number | 'all' | null;
  /** 1-based input to look inside, where the hat feeds several (InsideSupport.pick); absent: the hat's default. */
  pick?: number;
}

export const INSIDE_KEYS = ['inside', 'layer', 'head'] as const;

const WHOLE = /^[0-9]{1,4}$/;

function whole(raw: string | null, what: string, notices: string[]): number | null {
  if (raw === null) return null;
  if (WHOLE.test(raw) && Number(raw) >= 1) return Number(raw);
  notices.push(`“${raw.slice(0, 12)}” is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} number (they count from 1); showing the default ${what}.`);
  return null;
}

/**
 * The Inside part of a link, or null when the link opens no panel. Nothing throws. `pickParam`:
 * the hat's name for the input looked at (InsideSupport.pick.param), if it feeds several.
 */
export function parseInsideLink(query: URLSearchParams, pickParam?: string): { link: InsideLink | null; notices: string[] } {
  const notices: string[] = [];
  const view = query.get('inside');
  if (view === null) return { link: null, notices };
  if (!(INSIDE_VIEWS as readonly string[]).includes(view)) {
    notices.push(`“${view.slice(0, 20)}” is not an Inside view (${INSIDE_VIEWS.join(', ')}); opened attention.`);
  }
  const known = (INSIDE_VIEWS as readonly string[]).includes(view) ? (view as InsideView) : 'attention';
  const rawHead = query.get('head');
  const head = rawHead === 'all' ? 'all' : whole(rawHead, 'head', notices);
  const link: InsideLink = { view: known, layer: whole(query.get('layer'), 'layer', notices), head };
  const pick = pickParam ? whole(query.get(pickParam), pickParam, notices) : null;
  if (pick !== null) link.pick = pick;
  return { link, notices };
}

/** Only what differs from the defaults; `inside` always, since it opens the panel. */
export function serializeInsideLink(link: InsideLink | null, pickParam?: string): [string, string][] {
  if (!link) return [];
  const out: [string, string][] = [['inside', link.view]];
  if (link.layer !== null) out.push(['layer', String(link.layer)]);
  if (link.head !== null) out.push(['head', String(link.head)]);
  if (pickParam && link.pick !== undefined) out.push([pickParam, String(link.pick)]);
  return out;
}

/** The notice for a link's input beyond the ones the run has (the look shows its default instead). */
export function pickNotice(param: string, asked: number, count: number, shown: number): string {
  return `There ${count === 1 ? `is 1 ${param}` : `are ${count} ${param}s`} to look inside, so ${param} ${asked} does not exist; showing ${param} ${shown + 1}.`;
}

export interface InsideShape {
  layers: number;
  heads: number;
}

/** The layer and head to show for a model of this shape, with a notice for each value out of range. */
export function clampInside(link: InsideLink, shape: InsideShape): { layer: number; head: number | 'all'; notices: string[] } {
  const notices: string[] = [];
  let layer = link.layer ?? shape.layers;
  if (layer > shape.layers) {
    notices.push(`This model has ${shape.layers} layers, so layer ${layer} does not exist; showing layer ${shape.layers}.`);
    layer = shape.layers;
  }
  let head = link.head ?? 1;
  if (head !== 'all' && head > shape.heads) {
    notices.push(`Each layer of this model has ${shape.heads} heads, so head ${head} does not exist; showing head ${shape.heads}.`);
    head = shape.heads;
  }
  return { layer: Math.max(1, layer), head: head === 'all' ? head : Math.max(1, head), notices };
}
