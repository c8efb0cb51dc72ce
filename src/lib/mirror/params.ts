import { changed, collect, textParam } from '../params';

/** The mirror's place in the address: `?view=mirror&model=…&text=…&pair=…&tuned=…`. */
export interface MirrorParams {
  model: string;
  text: string;
  /** A second sentence for the next-sentence head. */
  pair: string;
  /** A fine-tuned checkpoint of the same body to measure drift against; empty: none yet. */
  tuned: string;
}

export const MIRROR_VIEW = 'mirror';
export const MIRROR_DEFAULT_MODEL = 'google-bert/bert-base-uncased';
/** The fine-tuned body the multiple-choice hat wears, offered as the first drift to look at. */
export const MIRROR_SUGGESTED_TUNED = 'stefandi/bert-base-uncased-finetuned-swag';

export const MIRROR_DEFAULTS: MirrorParams = {
  model: MIRROR_DEFAULT_MODEL,
  text: 'The cat sat on the [MASK] and purred.',
  pair: 'Then it fell asleep in the sun.',
  tuned: '',
};

const MODEL_ID = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]{0,95}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/;
const isModelId = (id: string) => MODEL_ID.test(id) && !id.includes('..');

/** Reads the mirror's params from an address; a bad model id falls back with a notice. */
export function parseMirror(query: URLSearchParams): { params: MirrorParams; notices: string[] } {
  const c = collect();
  const params = { ...MIRROR_DEFAULTS };
  for (const key of ['model', 'tuned'] as const) {
    const raw = query.get(key);
    if (raw === null || raw === '') continue;
    if (isModelId(raw)) params[key] = raw;
    else c.notices.push(`The link's “${key}” (${raw.slice(0, 40)}) is not a Hub model id; ${key === 'model' ? `showing ${MIRROR_DEFAULT_MODEL}` : 'no drift is measured'}.`);
  }
  params.text = c.take(textParam(query, 'text', MIRROR_DEFAULTS.text));
  params.pair = c.take(textParam(query, 'pair', MIRROR_DEFAULTS.pair));
  return { params, notices: c.notices };
}

/** The share link's query (without `?`): the view, then only what differs from the defaults. */
export function serializeMirror(p: MirrorParams): string {
  const entries: [string, string][] = [
    ['view', MIRROR_VIEW],
    ...changed([
      ['model', p.model, MIRROR_DEFAULTS.model],
      ['text', p.text, MIRROR_DEFAULTS.text],
      ['pair', p.pair, MIRROR_DEFAULTS.pair],
      ['tuned', p.tuned, MIRROR_DEFAULTS.tuned],
    ]),
  ];
  return new URLSearchParams(entries).toString();
}
