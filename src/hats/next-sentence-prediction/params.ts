import { changed, collect, textParam } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';

export interface NspParams {
  sentence_a: string;
  sentence_b: string;
}

export const nspCodec: ParamsCodec<NspParams> = {
  defaults: { sentence_a: 'The man went to the store.', sentence_b: 'He bought a gallon of milk.' },
  parse(query) {
    const c = collect();
    const params = {
      sentence_a: c.take(textParam(query, 'sentence_a', this.defaults.sentence_a)),
      sentence_b: c.take(textParam(query, 'sentence_b', this.defaults.sentence_b)),
    };
    return { params, notices: c.notices };
  },
  serialize(p) {
    return changed([
      ['sentence_a', p.sentence_a, this.defaults.sentence_a],
      ['sentence_b', p.sentence_b, this.defaults.sentence_b],
    ]);
  },
};

/**
 * Sentences from nowhere in particular, for the "shuffle B" button: pairing one with any sentence A is
 * exactly how BERT's pretraining made its NotNext examples (a random sentence from another document).
 */
export const RANDOM_SENTENCES = [
  'Penguins cannot fly, but they swim very well.',
  'The stock market fell sharply today.',
  'Volcanoes can form new islands in the ocean.',
  'My grandmother knits scarves every winter.',
  'The train to Berlin leaves at seven.',
  'Photosynthesis turns sunlight into sugar.',
  'The referee blew the whistle twice.',
  'Copper turns green when it is exposed to air.',
  'The library closes early on Sundays.',
  'Jupiter has dozens of moons.',
];

/** A random sentence from the list that differs from the current one. */
export function shuffledSentence(current: string, random: () => number = Math.random): string {
  const others = RANDOM_SENTENCES.filter((s) => s !== current);
  return others[Math.floor(random() * others.length)] ?? RANDOM_SENTENCES[0]!;
}
