import { changed, collect, MAX_LINK_TEXT, textParam } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';

export interface MultipleChoiceParams {
  context: string;
  /** The candidate endings, in the order the person typed them. */
  choices: string[];
}

export const MIN_CHOICES = 2;
export const MAX_CHOICES = 5;
/** More than this many `choice` values in a link is not a typo but junk: the rest are dropped. */
const LINK_CHOICE_LIMIT = 10;

function cleanChoice(raw: string): { value: string; notice?: string } {
  // [1] Same cleaning as every other text param: reuse it by wrapping the one value in a query.
  return textParam(new URLSearchParams([['choice', raw]]), 'choice', '', MAX_LINK_TEXT / 4);
}

export const multipleChoiceCodec: ParamsCodec<MultipleChoiceParams> = {
  defaults: {
    context: 'The cat jumped onto the warm windowsill.',
    choices: ['She curled up and fell asleep in the sun.', 'She drove the car to the supermarket.', 'She wrote a letter to the prime minister.'],
  },
  parse(query) {
    const c = collect();
    const context = c.take(textParam(query, 'context', this.defaults.context));
    const raw = query.getAll('choice');
    if (raw.length > LINK_CHOICE_LIMIT) {
      c.notices.push(`The link has ${raw.length} choices; only the first ${LINK_CHOICE_LIMIT} were kept.`);
    }
    // Bad counts, empty and repeated choices are kept as they are: validate() explains them next to the input.
    const choices = raw.length === 0 ? [...this.defaults.choices] : raw.slice(0, LINK_CHOICE_LIMIT).map((v) => c.take(cleanChoice(v)));
    return { params: { context, choices }, notices: c.notices };
  },
  serialize(p) {
    const same = p.choices.length === this.defaults.choices.length && p.choices.every((v, i) => v === this.defaults.choices[i]);
    const choices: [string, string][] = same ? [] : p.choices.map((v) => ['choice', v]);
    return [...changed([['context', p.context, this.defaults.context]]), ...choices];
  },
};

/** What is wrong with the choices as a person would put it, or null when they can run. */
export function choicesProblem(p: MultipleChoiceParams): string | null {
  if (!p.context.trim()) return 'The context is empty. Type the start of a story or a question for the choices to continue.';
  const n = p.choices.length;
  if (n < MIN_CHOICES) {
    return `There ${n === 1 ? 'is only one choice' : 'are no choices'}. Give at least ${MIN_CHOICES}: the model scores each one against the others.`;
  }
  if (n > MAX_CHOICES) return `There are ${n} choices; this hat compares at most ${MAX_CHOICES}. Remove ${n - MAX_CHOICES}.`;
  const empty = p.choices.findIndex((v) => !v.trim());
  if (empty >= 0) return `Choice ${empty + 1} is empty. Type an answer there or remove it.`;
  const seen = new Map<string, number>();
  for (const [i, v] of p.choices.entries()) {
    // [2] The uncased tokenizer would read "Yes" and "yes " as the same pair, so compare the way it reads.
    const key = v.trim().toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) return `Choice ${first + 1} and Choice ${i + 1} are the same. Each choice must differ, or they simply tie.`;
    seen.set(key, i);
  }
  return null;
}
